/**
 * credential-value: the value written after a password/PIN label is a real secret and not code or
 * a placeholder. Rejects references (${DB_PASSWORD}, process.env.X, os.getenv(...), {{ pass }},
 * %s, :password), code expressions (calls, member access, trailing , or ;), empty or masked values
 * (****, xxx, <password>), the label repeated ("password", "mật khẩu"), UI text (anything with a
 * space: "Nhập mật khẩu"), booleans and nulls. A hash (bcrypt/argon2) is not a plaintext secret
 * either: the password-hash rule reports those separately.
 */
import { fail, ok, type Validator } from './types.js';
import { fold } from '../../util/fold.js';

const PLACEHOLDERS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'matkhau', 'mat khau', 'secret', 'changeme', 'change me', 'change-me', 'change_me', 'changeit',
  'yourpassword', 'your password', 'your-password', 'your_password', 'mypassword', 'my_password', 'example', 'sample',
  'placeholder', 'replace_me', 'replaceme', 'todo', 'tbd', 'fixme', 'null', 'nil', 'none', 'undefined', 'true', 'false',
  'required', 'optional', 'string', 'str', 'text', 'hidden', 'redacted', 'masked', 'empty', 'xxx', 'n/a', 'na',
  'new-password', 'current-password', 'confirm', 'confirm_password', 'confirmpassword', 'newpassword', 'oldpassword',
  'hashedpassword', 'hashed_password', 'password_hash', 'passwordhash', 'bcrypt', 'sha256', 'md5',
  // Default passwords of service containers (POSTGRES_PASSWORD: postgres in CI): not a person's.
  'postgres', 'postgresql', 'mysql', 'mariadb', 'root', 'admin', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'guest', 'minio',
  'minioadmin', 'docker', 'keycloak', 'supabase', 'prisma', 'localdev', 'devpassword', 'testpassword', 'test1234',
  // Outcomes and access modes next to a "pass"/"password" word: `ok ? "PASS" : "FAIL"`, `protected ? "password" : "public"`.
  'fail', 'failed', 'failure', 'passed', 'success', 'error', 'skip', 'skipped', 'public', 'private', 'protected', 'pending',
  'test', 'testing', 'demo', 'dev',
]);

export const credentialValue: Validator = (value) => {
  const v = value.trim();
  if (v.length < 4) return fail('too short for a password');
  if (/\s/.test(v)) return fail('contains spaces: UI text or prose, not a secret');
  if (/^\$(?:\{|\(|[A-Za-z_]\w*[,;]?$)|^\$\$|\$\{|\{\{|\}\}|%\(|%s|^:\w+$|^\?$|^<.*>$|^\[.*\]$|^\{.*\}$/.test(v)) return fail('template or variable reference');
  // "(CRI+informer", "&str," (a Rust type), "1.5:" (a heading): prose and code around the word "pass".
  if (/^[(&]|:\**$/.test(v)) return fail('prose, a type or a heading after the word, not a secret');
  if (/^(?:~?\/|\.\.?\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(v)) return fail('a path or URL, not a secret');
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return fail('an e-mail address, not a secret');
  if (/^#[A-Z]{1,4}-?\d/.test(v)) return fail('an order or ticket number (#DH-22936)');
  if (/[^\x20-\x7e]/.test(v) && /\p{L}/u.test(v.replace(/[\x20-\x7e]/g, ''))) return fail('contains non-ASCII letters: prose, not a secret');
  if (/(?:process\.env|os\.getenv|os\.environ|getenv|env\(|config\(|\bENV\[|System\.getenv|settings\.)/i.test(v)) return fail('environment/config lookup');
  if (/\)\s*[,;]?$|\(.*\)|^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+!?[,;]?$|[,;]$/.test(v)) return fail('code expression');
  // "**Pass Criteria:** All rows match": the word after the label is another label.
  if (/^[A-Za-z][A-Za-z-]*:\**$/.test(v)) return fail('a label (Criteria:), not a secret');
  if (/^[*•x#._-]+$/i.test(v) || /^(.)\1+$/.test(v)) return fail('masked or repeated character');
  if (/^\$2[aby]?\$\d{2}\$|^\$argon2|^\$pbkdf2|^\$scrypt|^\$6\$|^\$5\$|^\{(?:SSHA|SHA|BCRYPT)\}/i.test(v)) return fail('a password hash, not a plaintext password');
  const key = fold(v).replace(/^["'`]|["'`]$/g, '');
  if (PLACEHOLDERS.has(key)) return fail(`placeholder "${v}"`);
  if (/^(?:[a-z]+_)+[a-z]+$/i.test(v) && /(?:pass|pwd|secret|key|token|hash)/i.test(v)) return fail('an identifier name, not a value');
  if (/^[a-z][a-zA-Z]*(?:Password|Pass|Pwd|Secret|Hash)$/.test(v)) return fail('a variable name, not a value');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return ok(`literal secret of ${v.length} characters, ${classes} character classes`, classes >= 3 && v.length >= 8);
};
