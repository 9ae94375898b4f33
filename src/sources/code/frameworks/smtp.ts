/**
 * E-mail through SMTP (nodemailer): `transporter.sendMail({ to, html })` sends to the SMTP server
 * the transport is configured with: a known service (`service: 'gmail'`, the recipients'
 * `smtp_services` in rules/recipients.yml), a host the recipient catalogue knows, or a server
 * named only by an environment variable.
 */
import { ts } from 'ts-morph';
import { objectStringProp, propName } from '../engine/ast.js';
import type { EngineQueries, Framework } from '../engine/framework-api.js';
import { unknownHostRecipient, type Recipient } from '../flows/recipients.js';
import { envName, isInternalHost, urlShape } from '../flows/urls.js';

const MAIL_NAME = /transport|mailer|smtp|mail/i;
const PURPOSES = ['essential.service.notifications.email'];

/** SMTP server named only by an environment variable: a recipient the DPO must identify. */
export function smtpFromEnv(env: string): Recipient {
  return { id: `smtp:${env}`, name: `SMTP server (from ${env})`, kind: 'email' };
}

function smtpRecipient(cfg: ts.Expression | undefined, engine: EngineQueries): Recipient {
  const { catalog, consts } = engine;
  const service = objectStringProp(cfg, ['service'], consts);
  const svc = service ? catalog.bySmtpService(service) : undefined;
  if (svc) return catalog.describe(svc);
  // A connection URL ('smtps://user:pass@smtp.gmail.com:465') or { host }.
  const url = cfg && (ts.isStringLiteralLike(cfg) || ts.isIdentifier(cfg)) ? urlShape(cfg, consts)?.prefix : undefined;
  const host = (url ? /^smtps?:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url)?.[1] : objectStringProp(cfg, ['host'], consts))?.toLowerCase();
  if (host) {
    const def = catalog.byHost(host);
    if (def) return catalog.describe(def, def.region_provider ? catalog.regionInHost(def.region_provider, host) : undefined);
    if (!isInternalHost(host)) return { ...unknownHostRecipient(host), kind: 'email' };
  }
  // The host from the environment: a recipient to identify, not a known country.
  const env = cfg && !ts.isObjectLiteralExpression(cfg) ? envName(cfg) : envProp(cfg, ['host', 'url']);
  if (env) return smtpFromEnv(env);
  return { id: 'smtp', name: 'SMTP server (not identified)', kind: 'email' };
}

/** The environment variable a config property reads ({ host: process.env.SMTP_HOST }). */
function envProp(cfg: ts.Expression | undefined, names: readonly string[]): string | undefined {
  if (!cfg || !ts.isObjectLiteralExpression(cfg)) return undefined;
  for (const p of cfg.properties) {
    if (ts.isPropertyAssignment(p) && names.includes(propName(p.name) ?? '')) {
      const env = envName(p.initializer);
      if (env) return env;
    }
  }
  return undefined;
}

/** The transport's configuration: the first argument of `createTransport(...)`. */
function transportConfig(init: ts.Expression | undefined): ts.Expression | undefined {
  return init && (ts.isCallExpression(init) || ts.isNewExpression(init)) ? init.arguments?.[0] : undefined;
}

export const smtp: Framework = {
  id: 'smtp',
  description: 'nodemailer: sendMail() sends to the configured SMTP server',
  calls: {
    // A transporter imported from another project file is linked to its configuration later (client hits).
    classify({ chain, method, rootName, binding: rb, api, engine }) {
      if (method !== 'sendMail' || chain.members.length < 1) return undefined;
      if (rb?.module !== 'nodemailer' && !(MAIL_NAME.test(rootName) && !engine.clientUseOf(chain))) return undefined;
      const cfg = rb?.module === 'nodemailer' ? transportConfig(rb.init) : undefined;
      const recipient = smtpRecipient(cfg, engine);
      return { t: 'sink', info: { kind: 'messaging', api, label: 'SMTP (nodemailer)', recipient, ...(rb?.module === 'nodemailer' ? {} : { heuristic: true }), recipientPurposes: PURPOSES }, args: 'all' };
    },
    clientFacts(b, engine) {
      if (b.module !== 'nodemailer') return undefined;
      return { sink: { kind: 'messaging', label: 'SMTP (nodemailer)', recipient: smtpRecipient(transportConfig(b.init), engine), recipientPurposes: PURPOSES }, methods: ['sendMail'] };
    },
    clientFallback({ chain, method, api, engine }) {
      if (method !== 'sendMail' || !MAIL_NAME.test(chain.root)) return undefined;
      return { sink: { kind: 'messaging', api, label: 'SMTP (nodemailer)', recipient: smtpRecipient(undefined, engine), heuristic: true, recipientPurposes: PURPOSES } };
    },
  },
};
