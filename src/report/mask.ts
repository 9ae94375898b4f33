/**
 * Masking of personal values. Output goes to GitHub code scanning and CI logs, so values are
 * masked unless the user asks for --show-data. Enough stays visible to recognise the finding
 * (first/last characters, the shape) but not to reuse the value.
 */

export function maskValue(value: string): string {
  const v = value.trim();
  if (v.length === 0) return v;
  const at = v.indexOf('@');
  if (at > 0 && at < v.length - 1 && !/\s/.test(v)) return maskEmail(v, at);
  if (/^[\d\s.+()\-/]+$/.test(v)) return maskKeepingShape(v, 2, 2);
  if (/\s/.test(v) && /\p{L}/u.test(v)) return maskWords(v);
  if (v.length <= 4) return v[0] + '*'.repeat(v.length - 1);
  return maskKeepingShape(v, 2, 2);
}

/** Replace letters/digits by '*', keeping separators and the first/last few characters. */
function maskKeepingShape(v: string, keepStart: number, keepEnd: number): string {
  const chars = [...v];
  const alnum = chars.map((c, i) => (/[\p{L}\p{N}]/u.test(c) ? i : -1)).filter((i) => i >= 0);
  if (alnum.length <= keepStart + keepEnd + 2) {
    return chars.map((c, i) => (i === alnum[0] || !/[\p{L}\p{N}]/u.test(c) ? c : '*')).join('');
  }
  const visible = new Set([...alnum.slice(0, keepStart), ...alnum.slice(alnum.length - keepEnd)]);
  return chars.map((c, i) => (visible.has(i) || !/[\p{L}\p{N}]/u.test(c) ? c : '*')).join('');
}

function maskEmail(v: string, at: number): string {
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}${'*'.repeat(Math.max(2, local.length - 1))}@${host[0]}${'*'.repeat(Math.max(2, host.length - 1))}${tld}`;
}

function maskWords(v: string): string {
  const words = v.split(/(\s+)/);
  const masked = words.map((w) => (/\s/.test(w) || w.length === 0 ? w : [...w][0] + '*'.repeat(Math.max(1, [...w].length - 1))));
  const out = masked.join('');
  return out.length > 60 ? `${out.slice(0, 57)}...` : out;
}

/** The value as it may appear in output. */
export function displayValue(value: string | undefined, showData: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (showData) return value.length > 200 ? `${value.slice(0, 197)}...` : value;
  return maskValue(value);
}

const VALIDATOR_STEP = /^(validator \S+ (?:passed|failed))(?::.*?)?( \([+-][\d.]+\))?$/s;

/**
 * An explanation as it may appear in output. A validator's reason restates the value or what it
 * encodes (a name in quotes; a CCCD's province, sex and birth year), so without --show-data only
 * the verdict stays; the value itself is masked wherever another step quotes it.
 */
export function displayExplain(steps: readonly string[], value: string | undefined, showData: boolean): string[] {
  if (showData) return [...steps];
  const raw = value?.trim();
  return steps.map((step) => {
    const validator = VALIDATOR_STEP.exec(step);
    const shown = validator ? `${validator[1]} (reason hidden; --show-data shows it)${validator[2] ?? ''}` : step;
    return raw && raw.length > 1 ? shown.split(raw).join(maskValue(raw)) : shown;
  });
}
