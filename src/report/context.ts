import type { Regime } from '../model/categories.js';
import type { RuleCatalog } from '../rules/meta/index.js';

export interface ReportContext {
  regime: Regime;
  showData: boolean;
  explain: boolean;
  /** Directory that finding paths are relative to (the repository root in CI). */
  cwd: string;
  toolVersion: string;
  rules: RuleCatalog;
  color?: boolean;
  /** The configuration file used, as shown to the user (text output names it). */
  configFile?: string;
}
