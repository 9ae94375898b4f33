/**
 * `pdscan init`: writes a commented starter .pdscan.yml, with the `inventory:` block the
 * dossier needs (controller, DPO, retention, legal basis). Refuses to overwrite without --force.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError } from '../../util/errors.js';
import { DEFAULT_CONFIG_NAME } from '../../config/load.js';

export const STARTER_CONFIG = `# pdscan configuration. Every key is optional; see schemas/config.schema.json.
# Cấu hình pdscan. Mọi khóa đều không bắt buộc.

# Legal regime: pdpl-2025 (Law 91/2025/QH15 + Decree 356/2025, in force from 2026-01-01)
# or decree-13 (Decree 13/2023/ND-CP, for legacy assessments).
law: pdpl-2025

# Exit with code 1 when a finding at or above this level exists: none | low | medium | high.
fail_on: none

# Hide findings below this confidence: low | medium | high.
min_confidence: low

# Values in tests, docs, translations, assets and example config, and synthetic values
# (x@y.com, 0123456789, "Test User"), are notes outside --fail-on; true keeps their level.
include_test_data: false

# Skip files larger than this.
max_file_size: 5MB

# Extra paths to skip (gitignore syntax), on top of .gitignore and .pdscanignore.
ignore:
  - "**/node_modules/**"
  # - "test/fixtures/**"

# Values, paths or rule/path pairs that are known not to be personal data.
# allowlist:
#   values: ["0123456789"]
#   paths: ["docs/examples/**"]
#   rules_in_paths:
#     - { rule: vn-phone, paths: ["src/hotline.ts"] }

# Your own detection rules (same format as rules/*.yml), or whole rule files.
# rule_files: [".pdscan/rules.yml"]
# disable_rules: []

# Third-party services the built-in catalogue does not know (rules/recipients.yml format).
# recipients:
#   - id: acme-crm
#     name: ACME CRM
#     country: SG            # ISO 3166-1 alpha-2 code of where it processes data
#     kind: crm
#     hosts: ["api.acme-crm.example"]

# Database scans (pdscan db <url>).
# db:
#   sample_size: 10000
#   timeout: 30
#   concurrency: 4
#   only: ["public.*"]
#   except: ["*_audit"]

# Organisation details for the draft data inventory (--inventory FILE.md|FILE.json).
# Empty fields are listed as "to fill" in the dossier.
# Thông tin cho bản nháp hồ sơ đánh giá tác động; trường để trống sẽ được đánh dấu "cần điền".
inventory:
  system:                       # system or project assessed / hệ thống được đánh giá
  role:                         # controller | processor | controller-processor
  controller:                   # bên kiểm soát dữ liệu (Decree 13 Art. 24.1.a; Decree 356 Art. 19.3.a)
    name:                       # tên tổ chức (Form 10 I.1)
    foreign_name:               # tên bằng tiếng nước ngoài (Form 10 I.1a)
    short_name:                 # tên viết tắt (Form 10 I.1b)
    tax_code:                   # mã số thuế (Form 10 I.1c)
    address:                    # địa chỉ trụ sở (Form 10 I.2)
    registration_number:        # mã số doanh nghiệp
    representative:             # người đại diện theo pháp luật
    phone:                      # (Form 10 I.3)
    email:                      # (Form 10 I.6)
    website:                    # (Form 10 I.7)
    business_line:              # ngành nghề kinh doanh có xử lý dữ liệu cá nhân (Form 10 I.4)
    business_code:              # mã ngành nghề (Form 10 I.4)
    branches:                   # số lượng chi nhánh, văn phòng đại diện (Form 10 I.5)
  dpo:                          # bộ phận, nhân sự bảo vệ dữ liệu cá nhân (Decree 356 Art. 19.3.b; Form 10 I.8)
    name:
    title:                      # chức vụ
    appointment_decision:       # quyết định phân công (number, date)
    email:
    phone:
    organisation:               # the data-protection service provider, if outsourced (Form 10 I.8.1)
  processing_start:             # YYYY-MM-DD; the dossier is due within 60 days of it
  legal_basis:                  # e.g. ["consent", "contract"] / sự đồng ý, hợp đồng...
  retention:                    # thời hạn lưu trữ, one entry per kind of data
    # - data: Orders / Đơn hàng
    #   period: 5 years
    #   deletion: nightly job deletes older records
  deletion_policy:              # how data is deleted or destroyed / cách xóa, hủy
  children:                     # true if the system processes data of children under 16
  data_subjects:                # nhóm chủ thể dữ liệu và số lượng
    # - group: Customers / Khách hàng
    #   count: 10000
  consent:                      # how consent is asked for and proof kept
  contracts:                    # where the processing agreements are kept
  policies:                     # where the data-protection policies are kept
  paid_transfers:               # true/false: personal data is transferred to others for payment (Form 10 II.7)
  data_exchange:                # true/false: takes part in a data exchange (Form 10 II.8)
  processing_services:          # true/false: sells personal-data processing services (Form 10 II.9)
  volume:                       # Form 10 III: the volumes that call for a national-security impact assessment
    basic_over_100000:          # true/false: basic personal data of more than 100,000 people
    sensitive_over_10000:       # true/false: sensitive personal data of more than 10,000 people
`;

interface InitOptions {
  output: string;
  force?: boolean;
}

export function registerInit(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('init')
    .description(`write a commented starter ${DEFAULT_CONFIG_NAME} (with the inventory block)`)
    .option('-o, --output <file>', 'where to write it', DEFAULT_CONFIG_NAME)
    .option('--force', 'overwrite an existing file')
    .action((opts: InitOptions) =>
      run(async () => {
        const file = path.resolve(process.cwd(), opts.output);
        if (existsSync(file) && !opts.force) throw new ConfigError(`${opts.output} already exists (use --force to overwrite it)`);
        writeFileSync(file, STARTER_CONFIG);
        process.stderr.write(`pdscan: wrote ${opts.output}; fill in the inventory block for the dossier\n`);
        return 0;
      }),
    );
}
