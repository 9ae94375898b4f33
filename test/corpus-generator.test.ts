/**
 * The synthetic accuracy corpus: deterministic, structurally valid values (checked here with
 * small independent implementations, not the project's validators), hard negatives that fail
 * those structures, labels that use only known category IDs, and a committed sample that is
 * exactly what the generator writes for its seed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { Rng } from '../fixtures/corpus/rng.js';
import * as V from '../fixtures/corpus/values.js';
import { ETHNIC_GROUPS, ICD10, TEST_CARDS } from '../fixtures/corpus/data.js';
import { corpusMetaFiles, generateCorpus } from '../fixtures/corpus/corpus.js';
import { LABELLED_SAMPLE, prepareOut } from '../fixtures/corpus/generate.js';
import { writeBulkCorpus } from '../fixtures/corpus/bulk.js';

const ROOT = path.resolve(import.meta.dirname, '..');

// ------------------------------------------------------------------ independent structure checks

/** The 63 CCCD province codes (Circular 07/2016/TT-BCA appendix). */
const CCCD_CODES = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(' '),
);
function cccdOk(n: string): boolean {
  if (!/^\d{12}$/.test(n) || !CCCD_CODES.has(n.slice(0, 3))) return false;
  const century = Number(n[3]);
  if (century > 3) return false; // born after 2099
  const year = (century < 2 ? 1900 : 2000) + Number(n.slice(4, 6));
  return year <= 2025;
}

function mstOk(n: string): boolean {
  if (!/^\d{10}$/.test(n)) return false;
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  let s = 0;
  for (let i = 0; i < 9; i++) s += w[i]! * Number(n[i]);
  return 10 - (s % 11) === Number(n[9]);
}

function luhnOk(n: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = n.length - 1; i >= 0; i--) {
    let d = n.charCodeAt(i) - 48;
    if (dbl && (d *= 2) > 9) d -= 9;
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

function crc16(s: string): number {
  let crc = 0xffff;
  for (const b of Buffer.from(s)) {
    for (let i = 7; i >= 0; i--) {
      const bit = ((b >> i) & 1) ^ ((crc >> 15) & 1);
      crc = (crc << 1) & 0xffff;
      if (bit) crc ^= 0x1021;
    }
  }
  return crc;
}

function mrzDigit(s: string): number {
  const w = [7, 3, 1];
  let t = 0;
  [...s].forEach((c, i) => {
    const v = c === '<' ? 0 : c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
    t += v * w[i % 3]!;
  });
  return t % 10;
}

const MOBILE = /^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;
const PLATE_CODES = new Set(
  '11 12 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 43 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 81 82 83 84 85 86 88 89 90 92 93 94 95 97 98 99'.split(' '),
);
function isPrivateIp(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

const seeds = fc.integer({ min: 0, max: 0x7fffffff });

describe('synthetic values pass the real structures', () => {
  it('self-checks against published vectors', () => {
    expect(crc16('123456789')).toBe(0x29b1);
    expect(V.crc16ccitt('123456789')).toBe('29B1');
    expect(mrzDigit('L898902C3')).toBe(6); // ICAO 9303 specimen
    expect(V.mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzDigit('740812')).toBe(2);
    expect(mstOk('0100109106')).toBe(true);
    expect(mstOk('0100109107')).toBe(false);
    expect(luhnOk('4111111111111111')).toBe(true);
    expect(cccdOk('001088012345')).toBe(true);
    expect(cccdOk('099088012345')).toBe(false);
  });

  it('CCCD: real province code, century digit agrees with gender and birth year', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const p = V.person(rng);
        const n = V.cccd(rng, p);
        expect(cccdOk(n)).toBe(true);
        expect(Number(n[3]) % 2).toBe(p.gender === 'F' ? 1 : 0);
        expect(n.slice(4, 6)).toBe(String(p.birth.y % 100).padStart(2, '0'));
        expect(cccdOk(V.badCccd(rng))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('MST: correct check digit; look-alikes have a wrong one and do not read as a mobile number', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        expect(mstOk(V.mst(rng))).toBe(true);
        const bad = V.badMst(rng);
        expect(bad).toMatch(/^\d{10}$/);
        expect(mstOk(bad)).toBe(false);
        expect(MOBILE.test(bad)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('cards are Luhn-valid, of a real brand, and never a published test number', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const n = V.cardNumber(rng);
        expect(n).toMatch(/^(4\d{15}|5[1-5]\d{14}|35(2[89]|[3-8]\d)\d{12}|9704\d{12})$/);
        expect(luhnOk(n)).toBe(true);
        expect(TEST_CARDS).not.toContain(n);
        expect(luhnOk(V.imei(rng))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('VietQR payloads have the NAPAS GUID, VND, VN and a correct CRC-16', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const { bank, account } = V.bankAccount(rng);
        const q = V.vietQr(rng, bank, account, rng.chance(0.5) ? 50000 : undefined, rng.chance(0.5) ? 'CK 123' : undefined);
        // Walk the top-level TLVs.
        const tags = new Map<string, string>();
        for (let i = 0; i < q.length; ) {
          const id = q.slice(i, i + 2);
          const len = Number(q.slice(i + 2, i + 4));
          tags.set(id, q.slice(i + 4, i + 4 + len));
          i += 4 + len;
        }
        expect(tags.get('00')).toBe('01');
        expect(tags.get('38')).toContain(`0010A000000727`);
        expect(tags.get('38')).toContain(bank.bin + '01' + String(account.length).padStart(2, '0') + account);
        expect(tags.get('53')).toBe('704');
        expect(tags.get('58')).toBe('VN');
        expect(parseInt(tags.get('63')!, 16)).toBe(crc16(q.slice(0, -4)));
      }),
      { numRuns: 200 },
    );
  });

  it('phones use prefixes in service; hotlines are 1900/1800 numbers', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const d = V.mobileDigits(rng);
        expect(d).toMatch(MOBILE);
        const shown = V.formatMobile(rng, d).replace(/\D/g, '');
        expect(shown === d || shown === `84${d.slice(1)}`).toBe(true);
        expect(V.hotline(rng).replace(/\D/g, '')).toMatch(/^18|^19/);
      }),
      { numRuns: 300 },
    );
  });

  it('BHYT: object code + benefit level 1-5 + province + 10-digit BHXH code', () => {
    const objects = new Set(['DN', 'HX', 'CH', 'NN', 'TK', 'HC', 'XK', 'HT', 'TB', 'MS', 'XB', 'XN', 'CC', 'CK', 'CB', 'KC', 'HD', 'BT', 'HN', 'DT', 'DK', 'XD', 'TS', 'TC', 'TQ', 'TA', 'TY', 'HG', 'LS', 'CN', 'HS', 'SV', 'GB', 'GD', 'QN', 'CA', 'CY', 'TE', 'NO']);
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const p = V.person(rng);
        const b = V.bhyt(rng, p);
        expect(b).toMatch(/^[A-Z]{2}[1-5]\d{12}$/);
        expect(objects.has(b.slice(0, 2))).toBe(true);
        expect(b.slice(3, 5)).toBe(p.province.code.slice(1));
        expect(b.slice(5, 7)).toBe(p.province.code.slice(1)); // the BHXH code starts with the province too
        expect(V.bhxh(rng, p)).toMatch(/^\d{10}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('MRZ: two 44-character TD3 lines with valid check digits', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const p = V.person(rng);
        const [l1, l2] = V.mrz(rng, p, V.passportNo(rng), V.cccd(rng, p));
        expect(l1).toMatch(/^P<VNM[A-Z<]{39}$/);
        expect(l2).toMatch(/^[A-Z0-9<]{44}$/);
        expect(mrzDigit(l2.slice(0, 9))).toBe(Number(l2[9]));
        expect(mrzDigit(l2.slice(13, 19))).toBe(Number(l2[19]));
        expect(mrzDigit(l2.slice(21, 27))).toBe(Number(l2[27]));
        expect(mrzDigit(l2.slice(28, 42))).toBe(Number(l2[42]));
        expect(mrzDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43))).toBe(Number(l2[43]));
        expect(l2[20]).toBe(p.gender);
      }),
      { numRuns: 200 },
    );
  });

  it('passports, licences and plates have the Vietnamese shapes and real locality codes', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        expect(V.passportNo(rng)).toMatch(/^[BCNP]\d{7}$/);
        expect(V.driverLicence(rng)).toMatch(/^\d{12}$/);
        const plate = V.licensePlate(rng);
        expect(plate).toMatch(/^\d{2}-?[A-HK-NPS-VX-Z]\d?[- ]?[\d.]{4,6}$/);
        expect(PLATE_CODES.has(plate.slice(0, 2))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('emails are on personal mail domains, IPs are public, look-alikes are not', () => {
    const personal = /@(gmail\.com|yahoo\.com(\.vn)?|hotmail\.com|outlook\.com(\.vn)?|icloud\.com|fpt\.vn|vnn\.vn|hn\.vnn\.vn|live\.com)$/;
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        const e = V.email(rng, V.person(rng));
        expect(e).toMatch(/^[a-z0-9._]+@/);
        expect(e).toMatch(personal);
        const ip = V.publicIp(rng);
        expect(ip.split('.').every((o) => Number(o) >= 0 && Number(o) <= 255)).toBe(true);
        expect(isPrivateIp(ip)).toBe(false);
        expect(isPrivateIp(V.privateIp(rng))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reference lists: 54 ethnic groups, well-formed ICD-10 codes', () => {
    expect(new Set(ETHNIC_GROUPS).size).toBe(54);
    for (const [code] of ICD10) expect(code).toMatch(/^[A-Z]\d{2}(\.\d{1,2})?$/);
  });

  it('filler values cannot be read as personal numbers', () => {
    fc.assert(
      fc.property(seeds, (s) => {
        const rng = new Rng(s);
        expect(V.hexDigest(rng, 64)).not.toMatch(/\d{8}/);
        expect(V.uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const ean = V.ean13(rng);
        expect(ean).toMatch(/^893\d{10}$/);
        expect(MOBILE.test(V.epochMs(rng))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ corpus

function categoryIds(): Set<string> {
  const doc = parseYaml(fs.readFileSync(path.join(ROOT, 'rules/categories.yml'), 'utf8')) as { categories: Array<{ id: string }> };
  return new Set(doc.categories.map((c) => c.id));
}

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('labelled corpus', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    const a = generateCorpus({ seed: 42, files: 60 });
    const b = generateCorpus({ seed: 42, files: 60 });
    const c = generateCorpus({ seed: 43, files: 60 });
    expect([...a.files]).toEqual([...b.files]);
    expect(a.labels).toEqual(b.labels);
    expect(corpusMetaFiles(a, 60)).toEqual(corpusMetaFiles(b, 60));
    expect([...c.files]).not.toEqual([...a.files]);
  });

  it('labels use only category IDs from rules/categories.yml, and details agree with them', () => {
    const ids = categoryIds();
    const corpus = generateCorpus({ seed: 7, files: 200 });
    for (const [file, cats] of Object.entries(corpus.labels)) {
      for (const c of cats) expect(ids.has(c), `${file}: ${c}`).toBe(true);
      for (const c of corpus.ambiguous[file] ?? []) {
        expect(ids.has(c)).toBe(true);
        expect(cats).not.toContain(c);
      }
      const d = corpus.details[file]!;
      expect(new Set(d.facts.flatMap((f) => f.cats))).toEqual(new Set(cats));
      // Every value is somewhere in the file, and every file has hard negatives.
      for (const v of [...d.facts, ...d.negatives]) expect(v.lines.length, `${file} ${v.concept}`).toBeGreaterThan(0);
      expect(d.negatives.length).toBeGreaterThanOrEqual(2);
      const lines = corpus.files.get(file)!.split('\n').length;
      for (const v of d.facts) for (const l of v.lines) expect(l).toBeLessThanOrEqual(lines);
    }
  });

  it('covers every format, text mode and category, with wholly negative files', () => {
    const corpus = generateCorpus({ seed: LABELLED_SAMPLE.seed, files: LABELLED_SAMPLE.files });
    const formats = new Set(Object.values(corpus.details).map((d) => d.format));
    const modes = new Set(Object.values(corpus.details).map((d) => d.mode));
    expect([...formats].sort()).toEqual(['csv', 'json', 'log', 'md', 'sql', 'ts', 'txt', 'yaml']);
    expect([...modes].sort()).toEqual(['caps', 'nfc', 'nfd', 'plain']);
    const per = new Map<string, number>();
    for (const cats of Object.values(corpus.labels)) for (const c of cats) per.set(c, (per.get(c) ?? 0) + 1);
    for (const id of categoryIds()) expect(per.get(id) ?? 0, id).toBeGreaterThanOrEqual(8);
    const negative = Object.values(corpus.labels).filter((c) => c.length === 0).length;
    expect(negative / LABELLED_SAMPLE.files).toBeGreaterThan(0.1);
    // NFD files really are decomposed.
    const nfd = Object.entries(corpus.details).find(([f, d]) => d.mode === 'nfd' && corpus.files.get(f)!.normalize('NFC') !== corpus.files.get(f));
    expect(nfd).toBeDefined();
    const text = corpus.files.get(nfd![0])!;
    expect(text.normalize('NFD')).toBe(text);
    expect(text.normalize('NFC')).not.toBe(text);
  });

  it('the committed sample is exactly what the generator writes for its seed', () => {
    const dir = path.join(ROOT, LABELLED_SAMPLE.dir);
    const onDisk = readTree(dir);
    const corpus = generateCorpus({ seed: LABELLED_SAMPLE.seed, files: LABELLED_SAMPLE.files });
    const expected = new Map([...corpus.files, ...corpusMetaFiles(corpus, LABELLED_SAMPLE.files)]);
    expect([...onDisk.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [rel, text] of expected) expect(onDisk.get(rel), `${rel} differs: regenerate with npx tsx fixtures/corpus/generate.ts --out ${LABELLED_SAMPLE.dir}`).toBe(text);
    const bytes = [...onDisk.values()].reduce((s, t) => s + Buffer.byteLength(t), 0);
    expect(bytes).toBeLessThan(3e6);
  });
});

describe('bulk corpus', () => {
  it('writes at least the requested size, deterministically, refusing to clobber other directories', () => {
    const hashTree = (dir: string) => {
      const h = crypto.createHash('sha256');
      for (const [rel, text] of [...readTree(dir)].sort(([a], [b]) => a.localeCompare(b))) h.update(rel).update('\0').update(text);
      return h.digest('hex');
    };
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pdscan-bulk-'));
    try {
      const a = writeBulkCorpus(path.join(base, 'a'), { seed: 3, megabytes: 0.6, prepare: (d) => prepareOut(d, '.bulk-corpus') });
      writeBulkCorpus(path.join(base, 'b'), { seed: 3, megabytes: 0.6, prepare: (d) => prepareOut(d, '.bulk-corpus') });
      expect(a.bytes).toBeGreaterThanOrEqual(0.6 * 1048576);
      expect(a.files).toBeGreaterThan(5);
      expect(hashTree(path.join(base, 'a'))).toBe(hashTree(path.join(base, 'b')));
      const other = path.join(base, 'not-a-corpus');
      fs.mkdirSync(other);
      fs.writeFileSync(path.join(other, 'keep.txt'), 'x');
      expect(() => prepareOut(other, '.bulk-corpus')).toThrow(/refusing/);
      expect(fs.existsSync(path.join(other, 'keep.txt'))).toBe(true);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
