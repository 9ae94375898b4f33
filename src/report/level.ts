import type { Finding, Level } from '../model/finding.js';
import { findingKind, raisesLevel, type Regime } from '../model/categories.js';

/**
 * Policy level of a finding (for --fail-on, SARIF level and security-severity):
 * sensitive data (and data flagged as a precaution) is high unless the evidence is weak; basic
 * data is medium at high confidence.
 */
export function findingLevel(f: Finding, regime: Regime): Level {
  if (f.level) return f.level;
  if (raisesLevel(findingKind(f), regime)) return f.confidence === 'low' ? 'medium' : 'high';
  return f.confidence === 'high' ? 'medium' : 'low';
}

export const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };
export const SECURITY_SEVERITY: Record<Level, string> = { high: '8.0', medium: '5.5', low: '3.0' };
