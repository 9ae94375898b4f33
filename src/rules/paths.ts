// Temporary: the package paths moved to src/util/paths.ts (a foundation below every layer). Files of
// src/sources/code/** (being restructured on another branch) and the catalogue's obligation
// loaders still import them from here; remove this file once those branches import util/paths.
export { PACKAGE_ROOT, RULES_DIR, SCHEMAS_DIR } from '../util/paths.js';
