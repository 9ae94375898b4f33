// Temporary: the errors moved to src/util/errors.ts (a foundation below every layer). Files of
// src/sources/code/** (being restructured on another branch) and the catalogue's obligation
// loaders still import them from here; remove this file once those branches import util/errors.
export { ConfigError, ScanError } from '../util/errors.js';
