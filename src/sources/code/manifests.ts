/**
 * Manifest files that describe a project's layout (workspace packages, path aliases). Kept apart
 * from the code analysis so the file pipeline can pick them out without loading the parser.
 */

/** A manifest file of the scanned tree (package.json, tsconfig*.json, jsconfig.json, pnpm-workspace.yaml). */
export interface ManifestFile {
  /** Repository-relative path, "/" separated. */
  path: string;
  text: string;
}

const MANIFEST = /(^|\/)(package\.json|(tsconfig|jsconfig)[\w.-]*\.json|pnpm-workspace\.ya?ml)$/;
/** Manifests are small; anything larger is generated or not a manifest. */
export const MAX_MANIFEST_BYTES = 512 * 1024;

/** Whether the workspace layout needs this file. */
export function isManifestPath(p: string): boolean {
  return MANIFEST.test(p) && !p.includes('node_modules/');
}
