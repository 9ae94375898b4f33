/** Small AST helpers shared by the TS/JS declaration extractors. */
import { ts } from '../../parse.js';
import type { ProtectionHint } from '../types.js';
import type { Vocabulary } from '../../engine/vocabulary.js';

export interface Ctx {
  sf: ts.SourceFile;
  /**
   * Ids of the frameworks the file mentions (frameworks/ `mentionedIn`), computed once per file,
   * never per node. Only a framework module asks, and only about itself or the ids it declares.
   */
  uses: ReadonlySet<string>;
  /** The registry the file is read with: the declaration walkers name no framework and ask it. */
  vocab: Vocabulary;
}

export function makeCtx(sf: ts.SourceFile, uses: ReadonlySet<string>, vocab: Vocabulary): Ctx {
  return { sf, uses, vocab };
}

export function pos(ctx: Ctx, node: ts.Node): { line: number; column: number } {
  const { line, character } = ctx.sf.getLineAndCharacterOfPosition(node.getStart(ctx.sf));
  return { line: line + 1, column: character + 1 };
}

/** Text of a node, bounded: decorator options and column options are small. */
export function boundedText(ctx: Ctx, node: ts.Node, max = 2000): string {
  const start = node.getStart(ctx.sf);
  return ctx.sf.text.slice(start, Math.min(node.end, start + max));
}

const ENCRYPT = /encrypt|cipher|crypt/i;
const HASH = /\b(hash\w*|bcrypt\w*|argon2?\w*|scrypt\w*)\b/i;
const SELECT_FALSE = /\bselect\s*:\s*false\b/;

/** Protection measures visible in a field's options text (transformers, setters, select: false). */
export function protectionFromText(text: string): ProtectionHint[] {
  const out: ProtectionHint[] = [];
  if (ENCRYPT.test(text)) {
    out.push(
      /transformer/i.test(text)
        ? { kind: 'encryption', key: 'encryption:column-transformer', description: 'an encrypting column transformer is declared' }
        : { kind: 'encryption', key: 'encryption:declared', description: 'the declaration encrypts the value' },
    );
  } else if (HASH.test(text)) {
    out.push({ kind: 'hashing', key: 'hashing:declared', description: 'the declaration hashes the value' });
  }
  if (SELECT_FALSE.test(text)) out.push({ kind: 'hidden', key: 'access-control:select-false', description: 'not selected by default (select: false)' });
  return out;
}

/** Category hints from validator names: class-validator decorators and zod/joi/yup methods. */
const VALIDATOR_HINTS: Record<string, { category: string; confidence: 'high' | 'medium' | 'low' }> = {
  isemail: { category: 'digital-account', confidence: 'high' },
  email: { category: 'digital-account', confidence: 'high' },
  isphonenumber: { category: 'phone', confidence: 'high' },
  ismobilephone: { category: 'phone', confidence: 'high' },
  phone: { category: 'phone', confidence: 'medium' },
  iscreditcard: { category: 'financial', confidence: 'high' },
  creditcard: { category: 'financial', confidence: 'high' },
  isiban: { category: 'financial', confidence: 'high' },
  isidentitycard: { category: 'national-id', confidence: 'high' },
  ispassportnumber: { category: 'passport', confidence: 'high' },
  islatitude: { category: 'location', confidence: 'medium' },
  islongitude: { category: 'location', confidence: 'medium' },
  islatlong: { category: 'location', confidence: 'medium' },
  isstrongpassword: { category: 'credentials', confidence: 'high' },
  ispostalcode: { category: 'address', confidence: 'medium' },
  isip: { category: 'online-activity', confidence: 'low' },
  ip: { category: 'online-activity', confidence: 'low' },
  ipv4: { category: 'online-activity', confidence: 'low' },
  istaxid: { category: 'tax-id', confidence: 'medium' },
};

export function validatorHint(name: string, framework: string): { category: string; confidence: 'high' | 'medium' | 'low'; reason: string } | undefined {
  const h = VALIDATOR_HINTS[name.toLowerCase()];
  return h && { ...h, reason: `${framework} validator ${name}` };
}
