/**
 * Identifier classifier: field, column, property, parameter and variable names → personal-data
 * category, with the owning type deciding ambiguous names (User.name vs Product.name).
 * The vocabulary is data (rules/names.yml); this module only applies it:
 *
 *  1. tokenise (snake/camel/Pascal/kebab/UPPER, letters|digits, folded: "soĐiệnThoại" → so dien thoai);
 *  2. find term spans; a term inside a longer matching term is ignored ("ip address" beats "address"),
 *     and so is a term that an owner word swallows or cuts ("hồ sơ" is not "họ", "mã | bệnh nhân"
 *     is not "mã bệnh"); an ID term next to an image word is the document's picture (cccdImage);
 *  3. decide the owner: the nearest owner word inside the identifier ("companyName", "ten_cong_ty"),
 *     a code word right before an ambiguous term ("operationName", "tableName"),
 *     else the owner passed in (a model/class/object name), else unknown;
 *  4. apply vetoes: a leading flag/verb (is_, has_, validate…), or a word after the term that makes it
 *     about something else (email_template, phoneVerifiedAt, address_id, EMAIL_REGEX);
 *  5. the best survivor wins: longest span, then confidence, then right-most (English head noun);
 *     a relative's contact detail is the detail (SDT_NguoiThan → phone), and a measurement or
 *     result inside a type whose own name is health data is health (Chi_So_Sinh_Ton.NhietDo).
 *
 * Results are cached by (owner, name): the flow analysis calls this for every property access.
 */
import type { Confidence } from '../model/finding.js';
import { identifierTokens } from './names/tokens.js';
import { contextsOfOwner, contextTermOf } from './names/contexts.js';
import { MIN_GLUED, segmentGlued } from './names/segment.js';
import { companionTerm } from './names/companions.js';
import { isFreeText, recordField, recordKindOf, type RecordValueKind } from './names/records.js';
import { levelRank, loadLexicon, type Lexicon, type ValueWords, type OwnerKind, type OwnerWordKind, type Term, type Level } from './names/lexicon.js';

export type { OwnerKind } from './names/lexicon.js';
export type { RecordValueKind } from './names/records.js';

export interface NameMatch {
  category: string;
  confidence: Confidence;
  /** The rules/names.yml term that matched, as written there (e.g. "số điện thoại"). */
  term: string;
  /** One line for --explain. */
  reason: string;
  /** Owner kind that decided (from a word in the identifier or the owning type). */
  owner: OwnerKind;
  /** A hashing/encryption/masking word in the name (password_hash, encryptedSsn, card_last4). */
  protection?: 'hashing' | 'encryption' | 'masking';
}

let lexicon: Lexicon | undefined;
const cache = new Map<string, NameMatch | null>();
const ownerCache = new Map<string, OwnerKind>();
const ownerContextCache = new Map<string, number[]>();
const CACHE_LIMIT = 200_000;
const PERSON_WORDS: ReadonlySet<string> = new Set<OwnerWordKind>(['person', 'person-weak', 'person-bare']);

function lex(): Lexicon {
  return (lexicon ??= loadLexicon());
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** Owner kind from owner-word spans, scanning from the end (English head noun: "UserProfileDto" → profile). */
function ownerKindOfTokens(tokens: readonly string[], l: Lexicon): OwnerKind {
  // "UserSchema", "bang_khach_hang": a container word defers to the owner word it qualifies;
  // "loginSchema" stays unknown, and only a bare container ("schema.name") is a non-person.
  let bareContainer = false;
  for (let end = tokens.length; end > 0; end--) {
    for (let start = Math.max(0, end - l.owners.maxTokens - 1); start < end; start++) {
      const kind = l.owners.at(tokens, start, end);
      // "OperationResult", "UserType": code words say nothing about the owning type.
      if (kind === 'non-person-weak') continue;
      if (kind === 'container') {
        bareContainer = start === 0;
        end = start + 1;
        break;
      }
      // "SmtpClient", "apiClient": a bare-person word after another word is that thing's software.
      if (kind === 'person-bare') return start === 0 ? 'person' : 'non-person';
      if (kind) {
        if (kind === 'non-person' && startsWithCompoundPerson(tokens, l)) return 'person';
        return kind === 'person-weak' ? 'person' : kind;
      }
    }
  }
  return bareContainer && tokens.length > 0 ? 'non-person' : 'unknown';
}

/**
 * Vietnamese compounds put the head first: "NhanVienNganHang" is the employee's bank details (or a
 * bank employee), "KhachHangDiaChi" the customer's address, unlike English "UserCompany". A
 * multi-syllable person word opening the type name therefore wins over a later non-person word;
 * one-token English words (UserGroup, UserCompany) keep the English head noun.
 */
function startsWithCompoundPerson(tokens: readonly string[], l: Lexicon): boolean {
  for (let end = Math.min(tokens.length - 1, l.owners.maxTokens); end >= 2; end--) {
    const kind = l.owners.at(tokens, 0, end);
    if (kind === 'person') return true;
  }
  return false;
}

/** Words about values read in code: configuration owners, metadata owners, file parts (rules/names.yml `values`). */
export function valueWords(): ValueWords {
  return lex().values;
}

/** person / record / non-person / unknown for a type or variable name such as "KhachHang", "ProductDto". */
export function classifyOwner(owner: string | undefined): OwnerKind {
  if (!owner) return 'unknown';
  const hit = ownerCache.get(owner);
  if (hit) return hit;
  return remember(ownerCache, owner, ownerKindOfTokens(identifierTokens(owner), lex()));
}

interface Candidate {
  term: Term;
  start: number;
  end: number;
}

function vetoApplies(v: { except?: Set<string>; only?: Set<string> }, category: string): boolean {
  if (v.only) return v.only.has(category);
  return !v.except?.has(category);
}

/** Candidates with no longer candidate covering them. */
function outermost(cands: Candidate[]): Candidate[] {
  const byLength = cands.slice().sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of byLength) {
    if (!kept.some((k) => k.start <= c.start && c.end <= k.end)) kept.push(c);
  }
  return kept;
}

type Span<T> = { start: number; end: number; value: T };

/**
 * Vietnamese compounds are units: a term inside a longer owner word ("họ" in "hồ sơ", "hộ" in
 * "chủ hộ", "mail" in "mail server") or cut by an owner word at least as long ("mã bệnh" in
 * "mã bệnh nhân") is a misreading of the tokens, not a term.
 */
function swallowedByOwner(c: Candidate, owners: ReadonlyArray<Span<OwnerWordKind>>): boolean {
  const len = c.end - c.start;
  return owners.some((o) => {
    if (o.end <= c.start || o.start >= c.end) return false;
    const inside = o.start <= c.start && c.end <= o.end;
    if (inside) return o.end - o.start > len;
    const covers = c.start <= o.start && o.end <= c.end;
    return !covers && o.end - o.start >= len;
  });
}

/** Every token outside [start, end) belongs to a person, record or container word (phai, phai_khach_hang). */
function aloneButOwners(tokens: readonly string[], start: number, end: number, ownerSpans: ReadonlyArray<Span<OwnerWordKind>>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (i >= start && i < end) continue;
    if (!ownerSpans.some((o) => o.start <= i && i < o.end && o.value !== 'non-person' && o.value !== 'non-person-weak')) return false;
  }
  return true;
}

const DIGITS = /^\d+$/;

/**
 * Vietnamese puts the owner after the head noun: "tên khách hàng" is a customer's name, "tên thuốc"
 * a drug's, "họ trợ"... not a surname at all. The word after a head-first term must open a person,
 * record or container word (or be a number: ten_2).
 */
function ownsFollower(tokens: readonly string[], at: number, ownerSpans: ReadonlyArray<Span<OwnerWordKind>>): boolean {
  if (DIGITS.test(tokens[at]!)) return true;
  return ownerSpans.some((o) => o.start === at && (o.value === 'person' || o.value === 'person-weak' || o.value === 'record' || o.value === 'container'));
}

/**
 * An ID number term next to an image word ("cccd image", "ảnh chụp cmnd", "passport_scan") is the
 * picture of the document: the candidate grows over the word and takes the promoted category.
 */
function promote(c: Candidate, tokens: string[], l: Lexicon): Candidate {
  for (const p of l.promotions) {
    if (!p.of.has(c.term.category)) continue;
    for (const s of p.words.spans(tokens)) {
      const before = s.end === c.start;
      if (!before && s.start !== c.end) continue;
      const text = before ? `${s.value} ${c.term.text}` : `${c.term.text} ${s.value}`;
      const term: Term = { ...c.term, text, category: p.category, tokens: c.term.tokens + s.end - s.start };
      return before ? { term, start: s.start, end: c.end } : { term, start: c.start, end: s.end };
    }
  }
  return c;
}

/**
 * Split one glued token into owner word + term ("useremail", "hotenkhachhang") so the normal rules
 * apply; only owner words make a split, which keeps "microphone" from becoming a phone.
 */
function splitGlued(tokens: string[], l: Lexicon): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length < 6) continue;
    for (let k = 2; k <= t.length - 2; k++) {
      const a = t.slice(0, k);
      const b = t.slice(k);
      if ((l.owners.glued.has(a) && l.terms.glued.has(b)) || (l.terms.glued.has(a) && l.owners.glued.has(b))) {
        return [...tokens.slice(0, i), a, b, ...tokens.slice(i + 1)];
      }
    }
  }
  return undefined;
}

/**
 * Cut glued Vietnamese tokens into words ("ngaycapcccd" → ngay cap cccd, names/segment.ts); a token
 * the vocabulary already knows whole, glued or not, stays. Undefined when nothing was cut.
 */
function segmentTokens(tokens: string[], l: Lexicon): string[] | undefined {
  let changed = false;
  const out: string[] = [];
  for (const t of tokens) {
    const known = t.length < MIN_GLUED || l.words.has(t) || l.terms.glued.has(t) || l.owners.glued.has(t);
    const cut = known ? undefined : segmentGlued(t, l.words);
    if (cut) changed = true;
    out.push(...(cut ?? [t]));
  }
  return changed ? out : undefined;
}

interface Judged {
  cand: Candidate;
  level: Level;
  owner: OwnerKind;
  ownerWhy: string;
}

function judge(tokens: string[], cand: Candidate, ownerSpans: ReadonlyArray<Span<OwnerWordKind>>, outerOwner: OwnerKind, ownerName: string | undefined, l: Lexicon): Judged | string {
  const { term, start, end } = cand;
  if (term.alone && !aloneButOwners(tokens, start, end, ownerSpans)) {
    return `"${term.text}" counts only as the whole name (it is also an everyday word)`;
  }
  // Leading flag or verb: isEmailVerified, validatePhone, mau_email (Vietnamese "template").
  if (start > 0) {
    for (let e = Math.min(start, l.leading.maxTokens); e >= 1; e--) {
      const v = l.leading.at(tokens, 0, e);
      if (v && vetoApplies(v, term.category)) return `"${tokens.slice(0, e).join(' ')}" before it marks a flag or an action, not a value`;
    }
  }
  if (term.headFirst && end < tokens.length && !ownsFollower(tokens, end, ownerSpans)) {
    return `"${tokens[end]}" after "${term.text}" says whose ${term.text} it is, and that is not a person`;
  }
  for (const s of l.afterTerm.spans(tokens.slice(end))) {
    if (vetoApplies(s.value, term.category)) {
      return `"${tokens.slice(end + s.start, end + s.end).join(' ')}" after "${term.text}" makes it about something else`;
    }
  }
  // Nearest owner word outside the term; ties go to the word before it (English "customerName").
  let best: { dist: number; kind: OwnerKind; word: string } | undefined;
  for (const s of ownerSpans) {
    if (s.end > start && s.start < end) continue;
    // Right before an ambiguous word, a container or code word owns it: tableName, fieldName,
    // operationName, keyName are about code, whoever the owning type is.
    const qualifies = s.end === start && term.policy === 'person';
    // A container word after the term is a UI/schema thing (emailField, sdtInput); before it, noise
    // (inputEmail is still the email typed in).
    if (s.value === 'container' && s.end <= start && !qualifies) continue;
    if (s.value === 'non-person-weak' && !qualifies) continue;
    // memberName, childPropName: jargon inside identifiers; only an owning type decides.
    if (s.value === 'person-weak' || s.value === 'person-bare') continue;
    const dist = s.end <= start ? start - s.end : s.start - end + 0.5;
    const kind = s.value === 'container' || s.value === 'non-person-weak' ? 'non-person' : s.value;
    if (!best || dist < best.dist) best = { dist, kind, word: tokens.slice(s.start, s.end).join(' ') };
  }
  const owner = best ? best.kind : outerOwner;
  const ownerWhy = best ? `"${best.word}" in the name is ${describeOwner(best.kind)}` : ownerName ? `owner ${ownerName} is ${describeOwner(outerOwner)}` : 'no owner known';
  // A measurement or result (NhietDo, pulse, KetQua) in a record whose own name is health data
  // (Chi_So_Sinh_Ton, VitalSigns, Ket_Qua_Xet_Nghiem) is that health data.
  if (term.byOwner[owner] === 'none' && term.category === 'health' && !best && healthOwner(ownerName)) {
    return { cand, level: 'medium', owner, ownerWhy: `owner ${ownerName} is itself health data` };
  }
  return { cand, level: term.byOwner[owner], owner, ownerWhy };
}

/** The owning type's own name is health data (owner-independent health term, not a weak guess). */
function healthOwner(ownerName: string | undefined): boolean {
  if (!ownerName) return false;
  const m = classifyIdentifier(ownerName);
  return m?.category === 'health' && m.confidence === 'high';
}

/** Contact details of a relative (SDT_NguoiThan, parentEmail) are the contact detail itself. */
const CONTACT = new Set(['phone', 'digital-account', 'address']);
function contactOfRelative(judged: Judged[]): Judged | undefined {
  return judged.find((j) => CONTACT.has(j.cand.term.category));
}

function describeOwner(kind: OwnerKind): string {
  return kind === 'person' ? 'a person' : kind === 'record' ? "a person's record" : kind === 'non-person' ? 'not a person' : 'of unknown kind';
}

function protectionOf(tokens: string[], l: Lexicon): NameMatch['protection'] {
  const s = l.protection.spans(tokens)[0];
  return s?.value;
}

function classifyTokens(tokens: string[], owner: string | undefined, l: Lexicon): NameMatch | undefined {
  const ownerSpans = l.owners.spans(tokens);
  const found = l.terms
    .spans(tokens)
    .map((s) => ({ term: s.value, start: s.start, end: s.end }))
    .filter((c) => !swallowedByOwner(c, ownerSpans));
  const cands = outermost(found).map((c) => promote(c, tokens, l));
  if (cands.length === 0) return undefined;
  const outerOwner = classifyOwner(owner);
  let winner: Judged | undefined;
  const judged: Judged[] = [];
  for (const c of cands) {
    const j = judge(tokens, c, ownerSpans, outerOwner, owner, l);
    if (typeof j === 'string' || j.level === 'none') continue;
    judged.push(j);
    if (!winner) {
      winner = j;
      continue;
    }
    const lenDiff = j.cand.end - j.cand.start - (winner.cand.end - winner.cand.start);
    const confDiff = levelRank(j.level) - levelRank(winner.level);
    if (lenDiff > 0 || (lenDiff === 0 && (confDiff > 0 || (confDiff === 0 && j.cand.start > winner.cand.start)))) winner = j;
  }
  if (!winner) return undefined;
  if (winner.cand.term.category === 'family') winner = contactOfRelative(judged) ?? winner;
  const { term } = winner.cand;
  const protection = protectionOf(tokens, l);
  return {
    category: term.category,
    confidence: winner.level as Confidence,
    term: term.text,
    owner: winner.owner,
    reason: `name matches "${term.text}" (${term.category}); ${winner.ownerWhy}`,
    ...(protection ? { protection } : {}),
  };
}

/**
 * Classify one identifier. `owner` is the owning type or object (Prisma model, class, table,
 * variable holding the object), used for ambiguous names. Returns undefined when the name is not
 * personal data (or is a flag, template, counter... about it).
 */
export function classifyIdentifier(name: string, owner?: string): NameMatch | undefined {
  const key = owner ? `${owner}\u0001${name}` : name;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const l = lex();
  const tokens = identifierTokens(name);
  let result = classifyTokens(tokens, owner, l);
  if (!result) {
    const split = splitGlued(tokens, l);
    if (split) result = classifyTokens(split, owner, l);
  }
  if (!result) {
    const cut = segmentTokens(tokens, l);
    if (cut) result = classifyTokens(cut, owner, l);
  }
  result ??= protectedValueOfOwner(tokens, owner, l);
  // The owner's context decides, unless the name alone already says the same thing as surely.
  const inContext = ownerContextMatch(tokens, owner, l);
  if (inContext !== undefined && (inContext?.category !== result?.category || (inContext && result && levelRank(inContext.confidence) > levelRank(result.confidence)))) {
    result = inContext ?? undefined;
  }
  return remember(cache, key, result ?? null) ?? undefined;
}

/**
 * The owning type's context decides a field named by one of its terms (Transaction.amount,
 * VerificationToken.identifier, BankAccount.name): a match, null when the context says the name is
 * not personal there, undefined when no context knows it.
 */
function ownerContextMatch(tokens: string[], owner: string | undefined, l: Lexicon): NameMatch | null | undefined {
  if (!owner || tokens.length === 0) return undefined;
  let contexts = ownerContextCache.get(owner);
  if (!contexts) {
    const ownerTokens = identifierTokens(owner);
    contexts = remember(ownerContextCache, owner, contextsOfOwner(l.contexts, ownerTokens, (i) => l.owners.at(ownerTokens, i, i + 1) === 'container'));
  }
  if (contexts.length === 0) return undefined;
  // transactionAmount, deviceOs: a word naming the record itself may sit beside the term; a person
  // word may not (payout.holderName is the holder's name, not the payout's label).
  // A protection word says in which form the term is kept (encryptedToken, hashedKey, partialToken).
  const ownerWords = [...l.owners.spans(tokens).filter((o) => !PERSON_WORDS.has(o.value)), ...l.protection.spans(tokens)];
  const term = contextTermOf(l.contexts, contexts, tokens, (i) => ownerWords.some((o) => o.start <= i && i < o.end));
  if (!term) return undefined;
  if (term.category === null) return null;
  const protection = protectionOf(tokens, l);
  return {
    category: term.category,
    confidence: 'medium',
    term: term.text,
    owner: classifyOwner(owner),
    reason: `name matches "${term.text}", which in a model like ${owner} is ${term.category} data`,
    ...(protection ? { protection } : {}),
  };
}

/**
 * A field named only by a protection word ("hash", "digest", "ciphertext") holds the protected
 * form of what its owning type is about: UserPassword.hash is the password hash, PatientSsn.encrypted
 * the encrypted number. File.hash or Commit.digest stay unclassified (their owner is not personal).
 */
function protectedValueOfOwner(tokens: string[], owner: string | undefined, l: Lexicon): NameMatch | undefined {
  if (!owner || tokens.length === 0) return undefined;
  const spans = l.protection.spans(tokens);
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) covered.add(i);
  if (covered.size !== tokens.length) return undefined;
  const ownerMatch = classifyTokens(identifierTokens(owner), undefined, l);
  if (!ownerMatch) return undefined;
  return {
    ...ownerMatch,
    protection: spans[0]!.value,
    reason: `"${tokens.join(' ')}" is the protected value of ${owner}, whose name matches "${ownerMatch.term}" (${ownerMatch.category})`,
  };
}

/**
 * Classify the last element of an access path such as ["req", "body", "customer", "phone"] or
 * ["order", "shippingAddress"]: the owner is the nearest earlier element that is an owner word.
 */
export function classifyIdentifierPath(path: readonly string[]): NameMatch | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  for (let i = path.length - 2; i >= 0; i--) {
    if (classifyOwner(path[i]) !== 'unknown') return classifyIdentifier(last, path[i]);
  }
  return classifyIdentifier(last);
}

/** Another field of the same declared model, with the category its own name gave it. */
export interface Sibling {
  name: string;
  category?: string;
}

/**
 * What the other fields of the same declared model say about this one (rules/names.yml
 * `companions` and `contact_owners`): a match, null when they show the name is not personal data
 * here (a company's LinkedIn page), undefined when they say nothing.
 */
export function classifyAmongSiblings(name: string, owner: string | undefined, siblings: readonly Sibling[]): NameMatch | null | undefined {
  const l = lex();
  const tokens = identifierTokens(name);
  if (tokens.length === 0) return undefined;
  const others = siblings.filter((s) => s.name !== name).map((s) => ({ tokens: identifierTokens(s.name), category: s.category, name: s.name }));
  const found = companionTerm(l.companions, tokens, others);
  if (found) {
    if (found.term.category === null) return null;
    return {
      category: found.term.category,
      confidence: 'medium',
      term: found.term.text,
      owner: classifyOwner(owner),
      reason: `name matches "${found.term.text}", which beside the other fields of ${owner ?? 'its model'} is ${found.term.category} data`,
    };
  }
  const co = l.companions.contactOwners;
  if (!co || co.except.at(tokens, 0, tokens.length)) return undefined;
  // financeContact beside financeContactEmail: the person word ends the name, and a sibling is the
  // same name followed by that person's contact detail.
  const personTail = tokens.some((_, k) => l.owners.at(tokens, k, tokens.length) === 'person');
  if (!personTail) return undefined;
  for (const s of others) {
    if (s.tokens.length <= tokens.length || tokens.some((t, i) => s.tokens[i] !== t)) continue;
    const rest = classifyTokens(s.tokens.slice(tokens.length), undefined, l);
    if (!rest || !co.contacts.has(rest.category)) continue;
    return {
      category: co.category,
      confidence: 'medium',
      term: tokens.join(' '),
      owner: 'person',
      reason: `"${name}" names a person: ${s.name} beside it is that person's ${rest.category} data`,
    };
  }
  return undefined;
}

/** A declared model read as a person's record of one kind (rules/names.yml `records`). */
export interface RecordModel {
  owner: string;
  kind: number;
  /** The model's name or one of its fields (a relation or key) names a person. */
  linked: boolean;
}


/**
 * The record kind of a declared model, from its name; `fieldNames` are all its fields, relations
 * included, which show whether it is linked to a person (patientId, employee, userId).
 */
export function recordModelOf(owner: string | undefined, fieldNames: readonly string[]): RecordModel | undefined {
  const r = lex().records;
  if (!owner || !r) return undefined;
  const l = lex();
  const tokens = identifierTokens(owner);
  const cut = segmentTokens(tokens, l) ?? tokens;
  const kind = recordKindOf(r, cut, (i) => l.owners.at(cut, i, i + 1) === 'container');
  if (kind === undefined) return undefined;
  const names = [owner, ...fieldNames];
  const linked = names.some((n) => l.owners.spans(identifierTokens(n)).some((s) => PERSON_WORDS.has(s.value)));
  return { owner, kind, linked };
}

/**
 * What a record says about one of its fields (records.ts `recordField`): a match, null when the
 * field is not personal in such a record, undefined when the record says nothing. `current` is the
 * category the field's own name gave it: the record replaces only the categories it overrides.
 */
export function classifyInRecord(name: string, record: RecordModel, value: RecordValueKind, current?: string): NameMatch | null | undefined {
  const l = lex();
  const r = l.records!;
  const k = r.kinds[record.kind]!;
  const raw = identifierTokens(name);
  const tokens = segmentTokens(raw, l) ?? raw;
  const isFlag = l.leading.at(tokens, 0, 1) !== undefined && tokens.length > 1;
  const d = recordField(r, k, tokens, value, record.linked, isFlag);
  if (d === null) return current === undefined || current === k.category || k.overrides.has(current) ? null : undefined;
  if (!d || (current !== undefined && !k.overrides.has(current))) return undefined;
  // A reference named by owner words only (benhNhan, doctor, enrollment) is another model, not a value.
  const ownerTokens = new Set<number>();
  for (const s of l.owners.spans(tokens)) for (let i = s.start; i < s.end; i++) ownerTokens.add(i);
  if (ownerTokens.size === tokens.length) return undefined;
  return {
    category: d.category,
    confidence: 'medium',
    term: tokens.join(' '),
    owner: classifyOwner(record.owner),
    reason: d.freeText
      ? `free text in ${record.owner}, a person's ${d.category} record, is ${d.category} data`
      : `a value of ${record.owner}, whose name makes it a person's ${d.category} record`,
  };
}

/**
 * Free text on a person's own model (Patient.notes, Customer.note, doctorNotes on a patient): what
 * someone wrote about that person (rules/names.yml `records.person_free_text`).
 */
export function freeTextOfPerson(name: string, owner: string | undefined, value: RecordValueKind): NameMatch | undefined {
  const l = lex();
  const category = l.records?.personFreeText;
  if (!category || !owner || (value !== 'string' && value !== 'unknown') || classifyOwner(owner) !== 'person') return undefined;
  const tokens = identifierTokens(name);
  // doctorNotes is about the patient; ghiChuDonHang (an order's note) is about the order
  const personSpans = l.owners.spans(tokens).filter((s) => PERSON_WORDS.has(s.value));
  if (!isFreeText(l.records!, tokens, (i) => personSpans.some((s) => s.start <= i && i < s.end))) return undefined;
  return { category, confidence: 'low', term: tokens.join(' '), owner: 'person', reason: `free text on ${owner}, a person, is what someone wrote about them` };
}
