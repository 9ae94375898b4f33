/**
 * Driver errors are the usual way credentials leak: pg says `password authentication failed for
 * user "alice"`, mysql2 `Access denied for user 'alice'@'10.0.0.5' (using password: YES)`, and the
 * MongoDB driver sometimes echoes the connection string. Every message that leaves a connector
 * goes through `redact`, which removes the password, the user name and the raw URL in every
 * spelling we know (plain, URL-encoded, quoted).
 */
import type { DbUrl } from './url.js';

export interface Redactor {
  (message: string): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function createRedactor(url: Pick<DbUrl, 'user' | 'password' | 'raw'>): Redactor {
  // secret → whole words only (short user names such as "sa" or "app" also occur inside words).
  const secrets = new Map<string, boolean>();
  const add = (s: string | undefined, wholeWordIfShort: boolean) => {
    if (!s) return;
    const spellings = [s, encodeURIComponent(s)];
    try {
      spellings.push(decodeURIComponent(s));
    } catch {
      /* not encoded */
    }
    for (const v of spellings) {
      if (!v) continue;
      const whole = wholeWordIfShort && v.length < 6 && /^\w+$/.test(v);
      secrets.set(v, (secrets.get(v) ?? true) && whole);
    }
  };
  add(url.raw, false);
  add(url.password, false);
  add(url.user, true);
  // Longest first so that a URL is removed whole before its parts.
  const patterns = [...secrets]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([s, whole]) => new RegExp(whole ? `(?<![\\w])${escapeRegExp(s)}(?![\\w])` : escapeRegExp(s), 'g'));
  return (message: string) => {
    let out = message;
    for (const p of patterns) out = out.replace(p, '***');
    // Any other URL with credentials (e.g. a resolved SRV host list) loses its userinfo.
    out = out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
    return out;
  };
}

/** One line, redacted, without the driver's stack or nested causes. */
export function cleanMessage(err: unknown, redact: Redactor): string {
  const e = err as { message?: unknown; code?: unknown; errors?: unknown } | undefined;
  let msg = typeof e?.message === 'string' ? e.message : '';
  // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1) has an empty message.
  if (!msg.trim() && Array.isArray(e?.errors) && e.errors.length) msg = cleanMessage(e.errors[0], redact);
  if (!msg.trim() && typeof e?.code === 'string') msg = e.code;
  if (!msg.trim()) msg = String(err);
  return redact(msg.split('\n')[0]!.trim());
}
