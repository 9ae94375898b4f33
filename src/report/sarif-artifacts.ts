/**
 * Files inside archives in SARIF: `backup.zip!/exports/kh.csv` is not a file of the repository but
 * an artifact nested in one, which SARIF 2.1.0 expresses with `artifacts[].parentIndex` (§3.24.3):
 * the archive is an artifact at its repository path, each inner file an artifact whose URI is its
 * path inside the parent (a relative reference, no uriBaseId), and a result points at the innermost
 * artifact by index.
 */
import type * as Sarif from 'sarif';

export const NESTED_SEPARATOR = '!/';

export class NestedArtifacts {
  readonly artifacts: Sarif.Artifact[] = [];
  private readonly index = new Map<string, number>();

  /** The artifact location for a path, registering the chain of parents for a nested one. */
  locate(path: string): Sarif.ArtifactLocation | undefined {
    if (!path.includes(NESTED_SEPARATOR)) return undefined;
    const parts = path.split(NESTED_SEPARATOR);
    let parent: number | undefined;
    let key = '';
    let uri = '';
    parts.forEach((part, i) => {
      key = i === 0 ? part : `${key}${NESTED_SEPARATOR}${part}`;
      // Relative to the parent, without a leading slash (the Multitool's SARIF1004 refuses one).
      uri = encodeURI(part);
      let at = this.index.get(key);
      if (at === undefined) {
        at = this.artifacts.length;
        const location: Sarif.ArtifactLocation = i === 0 ? { uri, uriBaseId: '%SRCROOT%' } : { uri };
        this.artifacts.push(parent === undefined ? { location } : { location, parentIndex: parent });
        this.index.set(key, at);
      }
      parent = at;
    });
    return { uri, index: parent! };
  }
}
