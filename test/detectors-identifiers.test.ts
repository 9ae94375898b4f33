/**
 * End-to-end behaviour of the identifier detectors (rules/vn-identifiers.yml, contact.yml,
 * financial.yml) through the full classifier with every built-in rule loaded, on realistic
 * snippets: logs, CSV, JSON, SQL, YAML, prose. Each case states exactly which of the identifier
 * categories must be found; the others must not be. Categories owned by other detectors (names,
 * addresses, health...) are ignored here so that this suite tests one thing.
 * All values are synthetic (made-up numbers that pass the structures).
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { Classifier, type Match } from '../src/classify/engine.js';

const IDENTIFIER_CATEGORIES = new Set([
  'national-id', 'tax-id', 'social-insurance', 'health-insurance', 'passport', 'driver-license', 'license-plate',
  'phone', 'digital-account', 'online-activity', 'financial', 'location',
]);

const classifier = new Classifier(loadRules());

function run(text: string, hint?: string): Match[] {
  return classifier.classifyText(text, hint ? { hint } : {}).filter((m) => IDENTIFIER_CATEGORIES.has(m.category));
}
const categoriesOf = (text: string, hint?: string) => [...new Set(run(text, hint).map((m) => m.category))].sort();

interface Case {
  name: string;
  text: string;
  hint?: string;
  expect: string[];
}

const positives: Case[] = [
  {
    name: 'CSV export of customers',
    text: [
      'ho_ten,ngay_sinh,cccd,sdt,email',
      'Nguyễn Văn An,12/03/1990,079090012345,0912345678,nguyenvanan@gmail.com',
      'Trần Thị Mai,01/01/2001,001301004567,0387654321,mai.tran@yahoo.com.vn',
    ].join('\n'),
    expect: ['digital-account', 'national-id', 'phone'],
  },
  {
    name: 'application log with login IP and device id',
    text: '2026-11-23 10:15:32 INFO user=lan.tran88 login from 113.161.72.5 device_id=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    expect: ['online-activity'],
  },
  {
    name: 'SQL insert with ID, phone and bank account',
    text: "INSERT INTO khach_hang (ho_ten, cccd, sdt, stk) VALUES ('Lê Văn Hùng', '036085001234', '+84 912 345 678', 'STK 0071000123456');",
    expect: ['financial', 'national-id', 'phone'],
  },
  {
    name: 'patient record with BHYT, BHXH, passport and driving licence',
    text: 'Hồ sơ bệnh nhân: mã thẻ BHYT DN4010123456789, mã số BHXH 7920489546, hộ chiếu C1234567, GPLX 790190012345',
    expect: ['driver-license', 'health-insurance', 'passport', 'social-insurance'],
  },
  {
    name: 'parking log with plates',
    text: 'Xe biển số 30A-123.45 vào bãi lúc 08:15, xe máy 59-X1 123.45 ra lúc 09:00',
    expect: ['license-plate'],
  },
  {
    name: 'driver GPS position',
    text: 'Vị trí hiện tại của tài xế: 10.776912, 106.700981 (cập nhật 08:30)',
    expect: ['location'],
  },
  {
    name: 'GeoJSON point of a delivery address',
    text: '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [106.700981, 10.776912]}}',
    expect: ['location'],
  },
  {
    name: 'passport MRZ from OCR',
    text: 'P<VNMTRAN<<THI<MAI<<<<<<<<<<<<<<<<<<<<<<<<<<\nC1234567<0VNM9001158F3001156079190012345<<76',
    expect: ['passport'],
  },
  {
    name: 'chip CCCD MRZ',
    text: 'IDVNM0791900129<079190012345<<\n9001158F3001156VNM<<<<<<<<<<<3\nTRAN<<THI<MAI<<<<<<<<<<<<<<<<<',
    expect: ['national-id'],
  },
  {
    name: 'customer-service chat in prose',
    text: 'Số điện thoại của anh 0903 123 456 đã được cập nhật. Anh vui lòng gửi ảnh CCCD số 001089012345 qua email hoa.nguyen88@gmail.com nhé.',
    expect: ['digital-account', 'national-id', 'phone'],
  },
  {
    name: 'payment by card and VietQR',
    text: 'Thanh toán thẻ 4532 0151 1283 0366. QR: 00020101021238540010A00000072701240006970436011010123456780208QRIBFTTA530370454061500005802VN62230819chuyen tien hoc phi63049368',
    expect: ['financial'],
  },
  {
    name: 'NAPAS card in JSON',
    text: '{"card_number": "9704 3612 3456 7895", "holder": "NGUYEN VAN AN"}',
    expect: ['financial'],
  },
  {
    name: 'personal tax code (individuals start with 8)',
    text: 'Mã số thuế cá nhân: 8001234566',
    expect: ['tax-id'],
  },
  {
    name: 'YAML fixture with international phone and e-mail',
    text: "phone: '+84 90 123 4567'\ncontact_email: nguyen.thi.lan@hotmail.com",
    expect: ['digital-account', 'phone'],
  },
  {
    name: 'SMS gateway log in MSISDN form',
    text: 'msisdn=84912345678 status=DELIVERED',
    expect: ['phone'],
  },
  {
    name: 'nginx access log',
    text: '14.232.5.77 - - [23/Nov/2026:10:15:33 +0700] "POST /login HTTP/1.1" 302 0',
    expect: ['online-activity'],
  },
  {
    name: 'login name in a support ticket',
    text: 'Khách báo quên mật khẩu, tên đăng nhập: tranvanbinh',
    expect: ['digital-account'],
  },
  {
    name: 'IMEI and analytics cookie',
    text: 'IMEI: 356789123456780; Cookie: _ga=GA1.2.1234567890.1732377600',
    expect: ['online-activity'],
  },
  {
    name: 'home landline',
    text: 'Điện thoại nhà riêng: (028) 3822 1234',
    expect: ['phone'],
  },
];

const negatives: Case[] = [
  {
    name: 'orders CSV: order ids, timestamps, amounts, tracking codes',
    text: [
      'order_id,created_at,amount,status,tracking_code',
      '100234567890,2026-11-20T08:15:00Z,1250000,delivered,GHN123456789VN',
      '202611230001,1732377600123,45000000,cancelled,SPXVN0123456789',
    ].join('\n'),
    expect: [],
  },
  {
    name: 'UUIDs, hashes, epoch timestamps and versions in JSON',
    text: '{"order_id": "202611230001", "created_at": 1732377600, "uuid": "550e8400-e29b-41d4-a716-446655440000", "md5": "d41d8cd98f00b204e9800998ecf8427e", "version": "1.2.3.4"}',
    expect: [],
  },
  {
    name: 'package lock',
    text: '{"name":"lodash","version":"4.17.21","packages":{"node_modules/react":{"version":"18.2.0","integrity":"sha512-/3IjMdb2L9QbBdWiW5e3+Qf0y1TK4sSkj6oEVAOAcH1sAzKLJ/eOSU5Uv+HwHQ0l+8ZBlz8F9R5Ym0TZRcS1wA=="}}}',
    expect: [],
  },
  {
    name: 'API docs with example.com addresses and gateway test cards',
    text: 'curl -u user@example.com:secret https://api.example.com/v1\nUse test card 4242 4242 4242 4242 or 4111 1111 1111 1111; NAPAS sandbox 9704198526191432198.',
    expect: [],
  },
  {
    name: 'company footer: hotlines and role mailboxes',
    text: 'Tổng đài hỗ trợ: 1900 545 413 hoặc 1800 1091. Email: hotro@nganhang.vn, noreply@nganhang.vn, info@nganhang.vn',
    expect: [],
  },
  {
    name: 'company switchboard landline',
    text: 'Công ty TNHH Thương mại ABC - Tel: (028) 3822 1234 - Fax: (028) 3822 1235',
    expect: [],
  },
  {
    name: 'infrastructure config: private IPs and resolvers',
    text: 'IP server 10.0.0.5; gateway 192.168.1.1; client ip 172.16.4.20; dns ip 8.8.8.8; ip 203.0.113.7',
    expect: [],
  },
  {
    name: 'versions and builds',
    text: 'Windows 10.0.19045.3693, Chrome 119.0.6045.159, build 22621.2715, release v2.10.4.3',
    expect: [],
  },
  {
    name: 'prices in VND with thousands dots',
    text: 'Bảng giá: Gói A 199.000đ, Gói B 299.000đ, Gói C 1.299.000đ; vị trí kệ 12.500, 106.000',
    expect: [],
  },
  {
    name: 'numbers that fail the CCCD structure, without a label',
    text: 'Mã tham chiếu: 003190012345; lô 123456789012; ref 079290012345',
    expect: [],
  },
  {
    name: 'numbers that fail the MST checksum, with a label',
    text: 'MST: 8001234567; Mã số thuế: 0100000000',
    expect: [],
  },
  {
    name: 'CCCD-shaped numbers labelled as order/contract numbers',
    text: 'Mã đơn hàng: 079190012345. Hợp đồng số 001203004567/HĐLĐ.',
    expect: [],
  },
  {
    name: 'retired 11-digit mobile and invalid prefixes',
    text: 'SĐT cũ: 0168 123 4567; số 0612345678; 0123456789',
    expect: [],
  },
  {
    name: 'map default centre in front-end code',
    text: 'const DEFAULT_CENTER = { lat: 21.028511, lng: 105.804817 }; // Hà Nội',
    expect: [],
  },
  {
    name: 'code that mentions the labels without values',
    text: 'interface User { username: string; email: string; phone?: string; cccd: string }\nconst u = { username: user.username };',
    expect: [],
  },
  {
    name: 'asset names and git remotes',
    text: '<img src="logo@2x.png"> git clone git@github.com:org/repo.git',
    expect: [],
  },
  {
    name: 'bare UUID and hex ids are not device ids',
    text: 'request_id=3f2504e0-4f89-41d3-9a0c-0305e82c3301 commit 9774d56d682e549c',
    expect: [],
  },
  {
    name: 'software licence text with a long number',
    text: 'MIT License, Copyright 2024, build 790190012345',
    expect: [],
  },
  {
    name: 'product SKU that looks like a plate',
    text: 'SKU 30A-12345, mã sản phẩm 51F-12345',
    expect: [],
  },
];

describe('identifier detectors find what they should', () => {
  for (const c of positives) {
    test(c.name, () => {
      expect(categoriesOf(c.text, c.hint)).toEqual(c.expect);
    });
  }
});

describe('identifier detectors stay quiet on hard negatives', () => {
  for (const c of negatives) {
    test(c.name, () => {
      expect(categoriesOf(c.text, c.hint)).toEqual(c.expect);
    });
  }
});

describe('database cells classified with the column name as hint', () => {
  test.each([
    ['cccd', '079190012345', 'national-id'],
    ['so_dinh_danh', '036085001234', 'national-id'],
    ['so_dien_thoai', '0912345678', 'phone'],
    ['msisdn', '84912345678', 'phone'],
    ['email', 'lan.nguyen@gmail.com', 'digital-account'],
    ['ma_so_thue', '0312345673', 'tax-id'],
    ['ma_so_thue', '079190012345', 'tax-id'],
    ['so_bhxh', '0912345678', 'social-insurance'],
    ['so_tai_khoan', '0912345678', 'financial'],
    ['gplx', '001203004567', 'driver-license'],
    ['so_ho_chieu', 'C1234567', 'passport'],
    ['bien_so', '29A12345', 'license-plate'],
    ['last_login_ip', '27.72.101.34', 'online-activity'],
    ['latitude', '10.776912', 'location'],
    ['cmnd', '025123456', 'national-id'],
  ])('column %s = %s → %s', (column, value, category) => {
    const ms = run(value, column);
    expect(ms.map((m) => m.category)).toEqual([category]);
  });

  test.each([
    ['order_id', '202611230001'],
    ['amount', '5000000'],
    ['so_cccd', '030802636032'],
    ['latitude_note', 'n/a'],
    ['created_at', '1732377600123'],
    ['server_ip', '10.0.0.5'],
    ['price', '106.7009'],
  ])('column %s = %s → nothing', (column, value) => {
    expect(run(value, column)).toEqual([]);
  });
});

describe('when two detectors read the same digits, the labelled one wins', () => {
  const only = (text: string) => run(text).map((m) => [m.category, m.value]);

  test('an HCMC tax code that is also a Viettel-shaped number is a tax code', () => {
    expect(only('MST: 0345678910')).toEqual([['tax-id', '0345678910']]);
  });
  test('a CCCD-structured number labelled GPLX is a driving licence', () => {
    expect(only('Số GPLX: 001203004567')).toEqual([['driver-license', '001203004567']]);
  });
  test('a phone number used as account number (MB, Techcombank) is an account', () => {
    expect(only('STK MB Bank: 0912345678')).toEqual([['financial', '0912345678']]);
  });
  test('a BHXH number shaped like a mobile number is a BHXH number', () => {
    expect(only('Mã số BHXH: 0812345678')).toEqual([['social-insurance', '0812345678']]);
  });
  test('a CCCD next to a bank name stays a CCCD', () => {
    expect(only('Vietcombank xác minh CCCD 036085001234')).toEqual([['national-id', '036085001234']]);
  });
});

describe('scores and explanations', () => {
  const one = (text: string) => {
    const ms = run(text);
    expect(ms).toHaveLength(1);
    return ms[0]!;
  };

  test('structure alone gives medium confidence, a label lifts it to high', () => {
    expect(one('Khách hàng 036085001234 đã xác minh').confidence).toBe('medium');
    expect(one('Số CCCD: 036085001234').confidence).toBe('high');
  });
  test('a number failing the CCCD structure is not reported, even next to a CCCD label', () => {
    expect(run('Số CCCD: 123456789012')).toEqual([]);
    expect(run('so_cccd: "030802636032"')).toEqual([]);
  });
  test('a mobile number is high on its own; a landline is medium on its own', () => {
    expect(one('gọi 0912345678').confidence).toBe('high');
    expect(one('nhà: 024 3825 1234').confidence).toBe('medium');
  });
  test('explanations name the validator and the context word', () => {
    const m = one('Mã số thuế cá nhân: 8001234566');
    const text = m.explain.join('\n');
    expect(text).toMatch(/validator mst passed/);
    expect(text).toMatch(/context word "ma so thue/);
  });
  test('the value span is the number itself, without labels or separators around it', () => {
    const text = 'SĐT: (+84) 912 345 678.';
    const m = one(text);
    expect(m.value).toBe('(+84) 912 345 678');
    expect(Buffer.from(text).subarray(m.start, m.end).toString()).toBe(m.value);
  });
  test('NFD (decomposed) Vietnamese labels work like NFC', () => {
    expect(categoriesOf('Số căn cước: 079190012345'.normalize('NFD'))).toEqual(['national-id']);
    expect(categoriesOf('Mã số thuế: 8001234566'.normalize('NFD'))).toEqual(['tax-id']);
  });
});
