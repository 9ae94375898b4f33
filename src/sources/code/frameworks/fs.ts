/** Files: fs / fs-extra writes store their data arguments (the path is the first argument). */
import type { Framework } from '../engine/framework-api.js';

const FS_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs'];
const FS_MODULE_SET = new Set(FS_MODULES);
const FS_WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'outputJson', 'outputJsonSync']);

export const fs: Framework = {
  id: 'fs',
  description: 'Node fs and fs-extra: file writes store their data',
  packages: FS_MODULES,
  calls: {
    classify({ call, chain, method: last, rootName: rn, binding: rb, api }) {
      const nm = chain.members.length;
      const fsModule = !!rb?.module && FS_MODULE_SET.has(rb.module);
      if (!((nm >= 1 && FS_WRITES.has(last) && (fsModule || rn === 'fs')) || (nm === 0 && fsModule && FS_WRITES.has(rb?.imported ?? '')))) return undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'file', internal: true }, args: call.arguments.map((_, i) => i).filter((i) => i >= 1) };
    },
  },
};
