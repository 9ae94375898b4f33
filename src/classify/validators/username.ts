/**
 * The value after a "username:" / "tên đăng nhập:" label. Code mentions the label far more often than
 * it holds a real login, so this rejects type names, expressions, placeholders and service accounts.
 */
import { fail, ok, type Validator } from './types.js';

const NOT_A_LOGIN = new Set([
  'string', 'str', 'text', 'varchar', 'char', 'nvarchar', 'int', 'number', 'bool', 'boolean', 'any', 'unknown', 'object',
  'null', 'none', 'nil', 'undefined', 'true', 'false', 'required', 'optional', 'unique', 'default', 'type', 'value',
  'username', 'user', 'user_name', 'login', 'name', 'admin', 'administrator', 'root', 'test', 'tester', 'demo', 'guest',
  'example', 'sample', 'anonymous', 'anon', 'nobody', 'postgres', 'mysql', 'sa', 'dbuser', 'db_user', 'app', 'service',
  'your_username', 'yourusername', 'your-username', 'my_username', 'myusername', 'changeme', 'placeholder', 'xxx', 'abc',
  'foo', 'bar', 'todo', 'tbd', 'input', 'field', 'form', 'data', 'payload', 'params', 'query', 'body', 'req', 'request',
  'res', 'response', 'props', 'state', 'this', 'self', 'ctx', 'context', 'config', 'env', 'process', 'os', 'args',
  'opts', 'options', 'user_id', 'userid', 'email', 'password', 'str_', 'models', 'column', 'schema', 'validators',
  'tên', 'ten', 'nhap', 'ten_dang_nhap', 'tendangnhap', 'async', 'await', 'function', 'new', 'return', 'lambda',
]);

/** Words of internal ids and test accounts: "user-123", "test-user-id", "usr_42" name no person. */
const ID_WORDS = new Set([
  'user', 'users', 'usr', 'u', 'uid', 'id', 'ids', 'test', 'testing', 'demo', 'mock', 'fake', 'dummy', 'sample', 'example',
  'member', 'customer', 'cust', 'client', 'acct', 'account', 'admin', 'guest', 'new', 'existing', 'other', 'another',
  'current', 'my', 'your', 'some', 'default', 'temp', 'tmp', 'seed', 'org', 'team', 'owner', 'invalid', 'valid', 'unknown',
]);

export const username: Validator = (value) => {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (v.length < 3 || v.length > 32) return fail('length outside 3-32');
  if (NOT_A_LOGIN.has(lower)) return fail(`"${v}" is a type, keyword or placeholder`);
  const head = lower.split(/[.[(]/)[0]!;
  if (v.includes('.') && NOT_A_LOGIN.has(head)) return fail(`"${v}" is an expression (${head}.…)`);
  const last = lower.split('.').pop()!;
  if (v.includes('.') && /^(?:username|user_name|user|login|name|email|value|text)$/.test(last)) return fail(`"${v}" reads a field (….${last})`);
  if (/^[A-Z][A-Z0-9_]+$/.test(v)) return fail('an upper-case constant or environment variable name');
  if (/^(?:get|set|find|fetch|load|create|update|delete)[A-Z_]/.test(v)) return fail('a function name');
  if (/^[a-z]+[A-Z]/.test(v) && !/\d/.test(v)) return fail('a camelCase identifier');
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]*)*$/.test(v)) return fail('a capitalised word or PascalCase name, not a login');
  if (/^[0-9a-f-]{8,}$/i.test(v) && /\d/.test(v)) return fail('a hex id or UUID');
  // customer1, user-123, test_user_02: an id word with a number is a numbered test or internal account.
  const words = lower.split(/[-_.]+/).map((w) => w.replace(/\d+$/, '')).filter(Boolean);
  if (words.length > 0 && words.every((w) => ID_WORDS.has(w))) return fail('an internal or test account id (user-123, test-user-id), not a login name');
  if (/^v?\d+(?:\.\d+)+/.test(v) || /^v\d/.test(v)) return fail('a version');
  if (/^[A-Z]{2,}[-_/]?\d/.test(v)) return fail('an order/ticket code');
  const digits = (v.match(/\d/g) ?? []).length;
  const letters = (v.match(/[A-Za-z]/g) ?? []).length;
  if (digits > 2 * letters) return fail('mostly digits: an id or cookie value, not a login');
  if (/^(?:sha\d*|md\d|icd\d+|utf-?\d+|base\d+|x86|x64|arm\d*|h26\d|mp\d|ipv\d|oauth\d|http\d|es\d+|ecma\d+|iso\d+|rfc\d+|tls\d*|ssl\d*)$/i.test(v)) {
    return fail('a technical term (hash, codec, standard)');
  }
  return ok('login name after a username label');
};
