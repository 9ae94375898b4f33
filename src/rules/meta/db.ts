/**
 * Database rules (db-column-<category>) and the words of their messages and help: what a column
 * of each category holds ("citizen ID numbers"), and what to do about it. English, like every
 * message; category labels in both languages come from rules/categories.yml.
 */
import { allCategories, category } from '../../model/categories.js';
import type { RuleMeta } from './types.js';
import { codeRule } from './code.js';

const HOLDS: Record<string, string> = {
  'full-name': 'full names',
  'date-of-birth': 'dates of birth',
  gender: 'genders',
  address: 'addresses',
  nationality: 'nationalities',
  'personal-image': 'photos of people',
  phone: 'phone numbers',
  'national-id': 'citizen ID numbers (CCCD/CMND)',
  'id-document-image': 'images of identity documents',
  passport: 'passport numbers',
  'driver-license': "driver's licence numbers",
  'license-plate': 'vehicle licence plates',
  'tax-id': 'personal tax codes',
  'social-insurance': 'social insurance numbers',
  'health-insurance': 'health insurance card numbers',
  'marital-status': 'marital statuses',
  family: 'family relationships',
  'digital-account': 'email addresses or account names',
  'online-activity': 'IP addresses, device identifiers or online activity',
  credentials: 'passwords or login credentials',
  'political-religious': 'political opinions or religious beliefs',
  health: 'health or medical data',
  ethnicity: 'ethnic origins',
  genetic: 'genetic data',
  biometric: 'biometric data',
  'sex-life': 'sex life or sexual orientation data',
  'criminal-record': 'criminal records',
  financial: 'bank accounts, cards or transactions',
  location: 'personal locations',
  'private-life': 'private-life details',
};

export function holds(categoryId: string): string {
  return HOLDS[categoryId] ?? category(categoryId).label_en.toLowerCase();
}

export const DB_RULE_PREFIX = 'db-column-';

export function dbRuleId(categoryId: string): string {
  return `${DB_RULE_PREFIX}${categoryId}`;
}

/** What to do about a column of this kind of data (help text; legal references are added by reporters). */
function advice(categoryId: string, sensitive: boolean): string {
  const base =
    'Confirm the column is needed for a stated purpose and record it in the data inventory (storage, category, retention). ' +
    'Limit who can read it (roles, views that mask it), keep it out of exports, logs and lower environments, and delete it when the retention period ends.';
  const protect = sensitive
    ? ' This is sensitive personal data: encrypt the column at rest (or in the application), restrict access to named roles, and make sure the impact assessment covers it.'
    : ' Mask it in non-production copies and consider encrypting it if it identifies people directly.';
  const specific: Record<string, string> = {
    credentials: ' Never store passwords in a reversible form: hash them with a slow salted hash (Argon2id, bcrypt, scrypt).',
    'id-document-image': ' Store document images in encrypted object storage with short-lived access, not in the database.',
    'personal-image': ' Prefer storing photos in object storage with access control; keep only a reference here.',
    financial: ' Card numbers must not be stored in the clear (tokenise them; PCI DSS applies).',
  };
  return `${base}${protect}${specific[categoryId] ?? ''}`;
}

/** SARIF rule metadata for every db-column-<category> rule, and the risk rules database scans share with code analysis. */
export function dbRuleMetas(): RuleMeta[] {
  return [...columnRuleMetas(), ...sharedRiskMetas()];
}

function sharedRiskMetas(): RuleMeta[] {
  try {
    const m = codeRule('pd-plaintext-credential');
    return [{ id: m.id, name: m.name, shortDescription: m.shortDescription, fullDescription: m.fullDescription, help: m.help, categories: ['credentials'], refs: m.legalRefs }];
  } catch {
    // Without the code rules file, reporters fall back to generic help for this rule.
    return [];
  }
}

function columnRuleMetas(): RuleMeta[] {
  return allCategories().map((c) => {
    const sensitive = Object.values(c.sensitive).some(Boolean);
    return {
      id: dbRuleId(c.id),
      name: `Database column with ${c.label_en.toLowerCase()}`,
      shortDescription: `Database column holding ${holds(c.id)}`,
      fullDescription:
        `A database column (or a field of JSON documents) holds personal data of category ${c.id}: ${c.label_en} (${c.label_vi}). ` +
        'pdscan decided this from the column name, the share of sampled values that match the detectors, the validator pass rate, the number of distinct values and the share of nulls; run with --explain to see the reasoning.',
      help: advice(c.id, sensitive),
      categories: [c.id],
    };
  });
}
