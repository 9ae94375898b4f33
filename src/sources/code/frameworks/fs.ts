/**
 * Files: fs / fs-extra writes store their data arguments (the path is the first argument); copies
 * and moves store the file named by their first argument (an uploaded ID photo copied into public/).
 */
import type { Framework } from '../engine/framework-api.js';

const FS_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs'];
const FS_MODULE_SET = new Set(FS_MODULES);
const FS_WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'outputJson', 'outputJsonSync']);

const FS_COPIES = new Set(['copyFile', 'copyFileSync', 'cp', 'cpSync', 'rename', 'renameSync', 'copy', 'copySync', 'move', 'moveSync']);

export const fs: Framework = {
  id: 'fs',
  description: 'Node fs and fs-extra: file writes store their data',
  packages: FS_MODULES,
  calls: {
    classify({ call, chain, method: last, rootName: rn, binding: rb, api }) {
      const nm = chain.members.length;
      const fsModule = !!rb?.module && FS_MODULE_SET.has(rb.module);
      const name = nm >= 1 && (fsModule || rn === 'fs') ? last : nm === 0 && fsModule ? (rb?.imported ?? '') : '';
      if (FS_COPIES.has(name)) return { t: 'sink', info: { kind: 'storage', api, label: 'file copy', internal: true }, args: [0] };
      if (!FS_WRITES.has(name)) return undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'file', internal: true }, args: call.arguments.map((_, i) => i).filter((i) => i >= 1) };
    },
  },
};
