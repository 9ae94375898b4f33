export { TOOL_VERSION } from '../util/version.js';
