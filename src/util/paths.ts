import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root as seen from both src/ (vitest) and dist/ (built CLI): two levels up. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
