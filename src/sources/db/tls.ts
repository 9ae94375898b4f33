/**
 * TLS settings for pg and mysql2 from the URL's sslmode (libpq's words; MySQL's ssl-mode values
 * are mapped to them in url.ts) and --ssl-ca. Node's TLS cannot fall back to plain text, so
 * `prefer`/`allow` connect without TLS unless a CA file is given.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ConfigError } from '../../util/errors.js';
import type { SslMode } from './url.js';

export interface TlsPlan {
  ca?: string;
  /** none: encrypt only; ca: check the chain; full: check the chain and the host name. */
  verify: 'none' | 'ca' | 'full';
}

export function tlsPlan(mode: SslMode | undefined, caFile: string | undefined): TlsPlan | false {
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch {
      throw new ConfigError(`--ssl-ca: cannot read "${caFile}"`);
    }
  }
  const effective: SslMode | undefined = mode ?? (ca ? 'verify-full' : undefined);
  const withCa = ca ? { ca } : {};
  switch (effective) {
    case undefined:
    case 'disable':
      return false;
    case 'allow':
    case 'prefer':
      return ca ? { ca, verify: 'full' } : false;
    case 'require':
      // libpq: with a root certificate available, `require` verifies the chain like verify-ca.
      return ca ? { ca, verify: 'ca' } : { verify: 'none' };
    case 'verify-ca':
      return { ...withCa, verify: 'ca' };
    case 'verify-full':
      return { ...withCa, verify: 'full' };
  }
}

/** Options for pg (node:tls ConnectionOptions). */
export function nodeTls(plan: TlsPlan | false): ConnectionOptions | false {
  if (!plan) return false;
  return {
    ...(plan.ca ? { ca: plan.ca } : {}),
    rejectUnauthorized: plan.verify !== 'none',
    ...(plan.verify === 'ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}

/** Options for mysql2 (its own SslOptions: verifyIdentity instead of checkServerIdentity). */
export function mysqlTls(plan: TlsPlan | false): { ca?: string; rejectUnauthorized: boolean; verifyIdentity: boolean } | undefined {
  if (!plan) return undefined;
  return { ...(plan.ca ? { ca: plan.ca } : {}), rejectUnauthorized: plan.verify !== 'none', verifyIdentity: plan.verify === 'full' };
}
