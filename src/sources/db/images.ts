/**
 * Binary columns are checked for image magic bytes only (a photo is personal-image, a photo of an
 * ID card is id-document-image; which one is decided by the column's name). Text columns holding
 * base64 images or data: URLs are recognised too. Only the first bytes are ever read.
 */

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'heic' | 'avif';

/** Bytes each connector reads from a binary value: enough for every signature below. */
export const BINARY_PREFIX = 32;

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((x, i) => b[at + i] === x);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function imageFormat(b: Uint8Array): ImageFormat | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*'))) return 'tiff';
  if (startsWith(b, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...b.slice(8, 12));
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
    if (/^avi[fs]$/.test(brand)) return 'avif';
  }
  // BMP: "BM" then a little-endian file size and two reserved zero words.
  if (startsWith(b, ascii('BM')) && b.length >= 10 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) return 'bmp';
  return undefined;
}

const BASE64_PREFIX: Array<[string, ImageFormat]> = [
  ['/9j/', 'jpeg'],
  ['iVBORw0KGgo', 'png'],
  ['R0lGODdh', 'gif'],
  ['R0lGODlh', 'gif'],
  ['UklGR', 'webp'],
];

/** An image stored as text: a data: URL or bare base64. */
export function imageFormatOfText(s: string): ImageFormat | undefined {
  const t = s.trimStart();
  const data = /^data:image\/([a-z0-9.+-]+);base64,/i.exec(t);
  if (data) {
    const sub = data[1]!.toLowerCase();
    return sub === 'jpg' ? 'jpeg' : (['jpeg', 'png', 'gif', 'webp', 'bmp', 'tiff', 'heic', 'avif'].includes(sub) ? (sub as ImageFormat) : 'jpeg');
  }
  if (t.length < 64) return undefined;
  for (const [p, f] of BASE64_PREFIX) if (t.startsWith(p)) return f;
  return undefined;
}

/** Bytes of a driver value: Buffer, Uint8Array, BSON Binary, or pg's "\x..." hex text. */
export function bytesOf(v: unknown): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string' && /^\\x[0-9a-f]*$/i.test(v)) return Buffer.from(v.slice(2), 'hex');
  const bin = v as { _bsontype?: string; buffer?: Uint8Array; value?: (asRaw?: boolean) => Uint8Array } | null;
  if (bin && bin._bsontype === 'Binary') {
    if (bin.buffer instanceof Uint8Array) return bin.buffer;
  }
  return undefined;
}
