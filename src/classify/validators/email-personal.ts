/**
 * E-mail addresses that plausibly belong to a person. Rejected:
 *   - reserved documentation/test domains (RFC 2606, RFC 6761: example.*, *.example, *.test,
 *     *.invalid, *.localhost, localhost) and internal pseudo-TLDs (.local, .internal, .lan);
 *   - role and system mailboxes (noreply, support, info, admin, lienhe, hotro, cskh, ...);
 *   - obvious placeholders (your-email@..., test@..., abc@...);
 *   - things that only look like addresses: asset names ("logo@2x.png"), git remotes ("git@github.com"),
 *     token-like local parts (API keys in DSNs).
 */
import { fail, ok, type Validator } from './types.js';

const RESERVED_DOMAINS = new Set([
  'example.com', 'example.net', 'example.org', 'example.edu', 'example.vn', 'example.com.vn',
  'localhost', 'localhost.localdomain', 'domain.com', 'yourdomain.com', 'your-domain.com', 'mydomain.com',
  'yourcompany.com', 'company.com', 'email.com', 'test.com', 'sample.com', 'acme.com', 'foo.com', 'bar.com',
  'xxx.com', 'abc.com', 'xyz.com',
]);
const RESERVED_SUFFIXES = ['.example', '.test', '.invalid', '.localhost', '.local', '.internal', '.lan', '.localdomain'];

/** Role, system and placeholder mailboxes (compared after dropping "+tag", dots kept). */
const NON_PERSONAL_LOCALS = new Set([
  'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'do_not_reply', 'mailer-daemon', 'bounce', 'bounces',
  'support', 'info', 'admin', 'administrator', 'contact', 'contacts', 'sales', 'hr', 'lienhe', 'hotro', 'cskh', 'chamsockhachhang',
  'webmaster', 'postmaster', 'hostmaster', 'abuse', 'security', 'privacy', 'dpo', 'legal', 'compliance', 'billing',
  'marketing', 'team', 'hello', 'help', 'helpdesk', 'service', 'services', 'customerservice', 'customer-service', 'care',
  'careers', 'career', 'jobs', 'tuyendung', 'recruitment', 'press', 'media', 'office', 'accounts', 'accounting', 'ketoan',
  'finance', 'feedback', 'gopy', 'notification', 'notifications', 'notify', 'alerts', 'alert', 'newsletter', 'news',
  'root', 'system', 'bot', 'devops', 'ops', 'it', 'partner', 'partners', 'enquiries', 'inquiry', 'orders', 'order',
  'booking', 'reservations', 'cs', 'ads', 'git', 'hi', 'mail', 'email', 'test', 'tester', 'testing', 'example', 'sample',
  'demo', 'user', 'username', 'name', 'yourname', 'your.name', 'youremail', 'your-email', 'your.email', 'your_email',
  'email.cua.ban', 'emailcuaban', 'abc', 'xyz', 'xxx', 'foo', 'bar', 'foobar', 'someone', 'somebody', 'nobody', 'null',
  'me', 'you', 'a', 'b', 'x', 'y', 'z',
  // Company mailboxes of software projects (ping@, hey@, founders@): the project's, not a person's.
  'ping', 'hey', 'hola', 'founders', 'founder', 'community', 'partnerships', 'investors', 'sponsors', 'oss', 'opensource',
  'maintainers', 'releases', 'status', 'updates', 'dev', 'developers', 'engineering', 'product', 'design', 'growth',
  'social', 'events', 'welcome', 'sayhello', 'say-hello', 'howdy', 'general', 'enterprise', 'api', 'app', 'apps',
]);

const FILE_TLDS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'tif', 'tiff', 'avif', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx',
  'css', 'scss', 'sass', 'less', 'html', 'htm', 'json', 'xml', 'yml', 'yaml', 'md', 'txt', 'pdf', 'zip', 'gz', 'tgz',
  'tar', 'map', 'woff', 'woff2', 'ttf', 'eot', 'otf', 'mp4', 'mp3', 'wav', 'webm', 'mov', 'csv', 'xls', 'xlsx', 'doc',
  'docx', 'ppt', 'pptx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'swift', 'php', 'sh', 'lock', 'log', 'bak', 'vue', 'svelte',
]);

export const emailPersonal: Validator = (value) => {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@')) return fail('not one local part and one domain');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return fail('malformed local part');
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !/^[a-z]{2,24}$/.test(tld)) return fail('no alphabetic top-level domain');
  if (FILE_TLDS.has(tld)) return fail(`".${tld}" is a file extension (an asset name like logo@2x.png)`);
  // example.com and its subdomains (republic-widgets.example.com, email.example.com) are reserved for documentation.
  if (RESERVED_DOMAINS.has(domain) || labels.slice(0, -1).includes('example')) return fail(`${domain} is a documentation/placeholder domain`);
  if (RESERVED_SUFFIXES.some((s) => domain.endsWith(s))) return fail(`${domain} is a reserved or internal domain`);
  const base = local.toLowerCase().replace(/\+.*$/, '');
  const role = base.replace(/[-_.]?\d+$/, '');
  if (NON_PERSONAL_LOCALS.has(base) || NON_PERSONAL_LOCALS.has(role)) return fail(`"${local}" is a role, system or placeholder mailbox`);
  if (/^[0-9a-f]{24,}$/i.test(base) || /^[A-Za-z0-9]{32,}$/.test(base)) return fail('token-like local part (an API key, not a person)');
  return ok('personal-looking e-mail address', true);
};
