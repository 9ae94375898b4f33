/**
 * What names say about values, in any code: helpers that pass their arguments on (stringify,
 * render templates), that only measure them, that hash or mask them; wrapper objects and
 * parameter-object names. Frameworks add their own words through the registry (vocabulary.ts).
 */
import { valueWords } from '../../../classify/names.js';

/** Objects that just wrap data: reading them keeps everything the base carries. */
export const CONTAINERS = new Set([
  'data', 'body', 'payload', 'params', 'value', 'values', 'attributes', 'attrs', 'fields', 'props', 'info', 'details', 'detail',
  'record', 'records', 'item', 'items', 'result', 'results', 'row', 'rows', 'doc', 'docs', 'document',
  'input', 'args', 'entity', 'entities', 'dto', 'form', 'formData', 'content', 'raw', 'json', 'response',
]);
/** Local names of parameter objects: `options.email` keeps the category `email` has alone. */
export const GENERIC_OWNERS = new Set(['options', 'opts', 'option', 'params', 'param', 'input', 'inputs', 'args', 'arg', 'props', 'data', 'payload', 'values', 'variables', 'vars']);
/** Configuration words: neutral only for a function's own parameter (`config.email` elsewhere is an operator's). */
export const CONFIG_OWNERS = new Set(['config', 'cfg', 'settings']);
/** Personal fields remembered per untyped parameter (see fieldsReadOn). */
export const MAX_READ_FIELDS = 6;
export const MAX_READS = 64;
/** Language and platform types: never a data record. */
export const PRIMITIVE_TYPES = new Set([
  'string', 'number', 'boolean', 'String', 'Number', 'Boolean', 'Date', 'Buffer', 'Record', 'Promise', 'Array', 'Map', 'Set',
  'Partial', 'Readonly', 'Pick', 'Omit', 'Error', 'Function', 'Object', 'unknown', 'any', 'Request', 'Response',
  'Uint8Array', 'ReadonlyArray', 'Iterable', 'RegExp', 'URL', 'Blob', 'File',
]);
/** Helpers that turn a value into text without hiding it: safeStringify, serializeUser, formatMessage. */
export const PASS_NAME = /(stringify|serialize|serializer|format|inspect|tojson|tostring|topayload|todto|tojsonobject)$/i;
/**
 * Templates and components: renderInviteEmail({ inviterName }), formatMessage(x), TeamInvitation({ senderName })
 * give back markup or text made of their arguments. Only for callees not analysed here (see passesArgs).
 */
export const RENDER_NAME = /^(render|format|template|compile)[A-Z_]|Template$|^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$|^[A-Z][a-z]{3,}(?:Email|Mail|Page|Card|Message)?$/;
/** PascalCase callees that are conversions, not components: Number(x) is not the text of x. */
export const NOT_COMPONENTS = new Set(['Number', 'Boolean', 'Date', 'BigInt', 'Symbol', 'Error', 'RegExp', 'Math', 'Promise', 'Array', 'Object', 'Set', 'Map', 'WeakMap', 'Reflect', 'Proxy', 'Intl', 'JSON']);
/** Names that only count or measure what they get: their result says nothing about the data. */
export const MEASURE_NAME = /^(count|length|size|sum|total|len|num|is|has|can|should|validate|check|hash|encrypt|digest|sign|mask|redact|anonymi[sz]e)/i;

/** `argPass`: ARG_PASS with the frameworks' additions (vocabulary.ts). */
export function passesArgs(name: string, argPass: ReadonlySet<string>): boolean {
  if (NOT_COMPONENTS.has(name) || MEASURE_NAME.test(name)) return false;
  return argPass.has(name) || PASS_NAME.test(name) || RENDER_NAME.test(name);
}
/** Array/promise methods whose result is what the callback returns. */
export const MAPPING_CALLBACK = new Set(['map', 'flatMap', 'then', 'reduce']);

export function cap(name: string): string {
  return name ? name[0]!.toUpperCase() + name.slice(1) : name;
}

export const MODEL_NAME_BLOCK = /(Service|Controller|Util|Utils|Helper|Helpers|Factory|Dto|DTO|Module|Error|Exception|Schema|Validator|Builder|Provider|Client|Api|API|Config|Manager|Handler)$/;

export function looksLikeModelName(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name) && !MODEL_NAME_BLOCK.test(name) && name !== 'JSON' && name !== 'Object' && name !== 'Math' && name !== 'Promise' && name !== 'Array' && name !== 'Reflect';
}

/** String methods and friends: the result still carries the receiver's data. */
export const RECEIVER_PASS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize', 'slice',
  'substring', 'substr', 'replace', 'replaceAll', 'split', 'join', 'concat', 'padStart', 'padEnd', 'toString', 'valueOf',
  'toJSON', 'toObject', 'get', 'at', 'map', 'filter', 'find', 'findLast', 'flat', 'flatMap', 'reverse', 'sort', 'toSorted',
  'values', 'entries', 'then', 'clone', 'repeat', 'charAt', 'toISOString',
]);
/** Methods that put their arguments into a local container (array, FormData, URLSearchParams, Map, Set). */
export const RECEIVER_FILL = new Set(['push', 'unshift', 'append', 'set', 'add']);
/** Array iteration methods: callback parameter 0 gets the receiver's elements. */
export const ELEMENT_CALLBACK = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'then', 'findIndex']);

/** Free functions and static methods whose result carries their arguments' data. */
export const ARG_PASS = new Set([
  'stringify', 'String', 'format', 'inspect', 'assign', 'from', 'of', 'encodeURIComponent', 'encodeURI', 'escape',
  'structuredClone', 'cloneDeep', 'clone', 'merge', 'pick', 'omit', 'defaults', 'resolve', 'fromEntries', 'entries',
  'values', 'sprintf', 'util.format', 'concat', 'toUpperCase', 'toLowerCase', 'trim', 'serialize', 'toJSON', 'render', 'compile', 'template', 'btoa', 'Buffer',
]);

export const SANITIZER_WORDS = /(hash|encrypt|cipher|digest|hmac|mask|redact|anonymi[sz]e|pseudonymi[sz]e|tokeni[sz]e|obfuscate|scrypt|pbkdf2|argon|bcrypt|sha256|sha512|sha1|md5|seal|maHoa|ma_hoa)/i;
export const NOT_SANITIZER = /(compare|verify|decrypt|decipher|unmask|hashCode|hasher|getHash|hashKey|hashtag|hashmap|hashRoute|hashChange|isHash|isEncrypted|isMasked)/i;

/** hash/encrypt/mask-like function names: what kind of protection, or undefined. */
export function sanitizerKind(name: string): 'hashing' | 'encryption' | 'masking' | undefined {
  if (NOT_SANITIZER.test(name) || !SANITIZER_WORDS.test(name)) return undefined;
  if (/mask|redact|obfuscate/i.test(name)) return 'masking';
  if (/encrypt|cipher|seal|maHoa|ma_hoa/i.test(name)) return 'encryption';
  if (/anonymi|pseudonymi|tokeni/i.test(name)) return 'masking';
  return 'hashing';
}

/** Methods that delete records, in most stores; frameworks add their own (softDelete). */
export const DELETE_METHODS = new Set(['deleteMany', 'delete', 'deleteOne', 'destroy', 'remove', 'truncate', 'del', 'purge']);

/** A parameter named like an options object (rules/names.yml values.option_bags): `options`, `opts`, `mailOptions`. */
export function isOptionBag(name: string): boolean {
  return valueWords().optionBags.has(name.toLowerCase().replace(/_/g, ''));
}
