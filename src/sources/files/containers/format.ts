/** Which files are containers, by name alone: the walk asks this without loading the readers. */
export type ContainerFormat = 'zip' | 'tar' | 'tgz' | 'gz' | 'xlsx' | 'ods' | 'xls' | 'docx' | 'pptx' | 'odt' | 'pdf';

const BY_EXT: Record<string, ContainerFormat> = {
  zip: 'zip', tar: 'tar', tgz: 'tgz', gz: 'gz', xlsx: 'xlsx', xlsm: 'xlsx', ods: 'ods', xls: 'xls',
  docx: 'docx', docm: 'docx', pptx: 'pptx', odt: 'odt', pdf: 'pdf',
};

export function containerFormat(name: string): ContainerFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tar.gz')) return 'tgz';
  return BY_EXT[lower.slice(lower.lastIndexOf('.') + 1)];
}

export const isContainerPath = (name: string): boolean => containerFormat(name) !== undefined;
