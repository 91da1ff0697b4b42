// The shapes of the landfill API as the screens read them (JSON: dates are ISO strings). Types only.
//
// Routes (all JSON unless said; problem+json errors with a Persian `title` and a stable `code`). Staff only; every
// list, count, map and export is filtered to the caller's scope.
//  registry (landfills.read / landfills.edit)
//   GET  /api/v1/landfills/sites?q=&kind=&status=&verification=&divisionId=&page=&pageSize=  → { items: SiteListItem[], total }
//   GET  /api/v1/landfills/sites/map?kind=&status=&divisionId=                 → { items: SitePoint[] } (all in scope)
//   GET  /api/v1/landfills/sites/export.csv | export.xlsx  (same filters)      → file
//   GET  /api/v1/landfills/sites/:id                                           → SiteView
//   POST /api/v1/landfills/sites           SiteInput                          → 201 SiteView (verification opened)
//   PUT  /api/v1/landfills/sites/:id       SiteUpdate (version)               → SiteView (back to district verification)
//   POST /api/v1/landfills/sites/:id/review  { action, version, comment? }     → SiteView
//   GET  /api/v1/landfills/summary?divisionId=                                → Summary (national or a province)
//  import (landfills.edit)
//   GET  /api/v1/landfills/import/template.csv | template.xlsx                → the template with Persian headers
//   POST /api/v1/landfills/imports         multipart file (csv|xlsx)           → 202 ImportView (rows applied in chunks)
//   GET  /api/v1/landfills/imports/:id                                        → ImportView (progress and report)
//   GET  /api/v1/landfills/imports/:id/report.csv                             → the per-row report
//  planning (landfills.plan)
//   GET  /api/v1/landfills/scenarios                                          → { items: ScenarioSummary[] }
//   POST /api/v1/landfills/scenarios       ScenarioCreate                      → 202 ScenarioView (solved off the request)
//   GET  /api/v1/landfills/scenarios/:id                                      → ScenarioView (progress / result)
//   GET  /api/v1/landfills/scenarios/:id/progress                             → { id, state, progress, error } (light, for polling)
//   GET  /api/v1/landfills/scenarios/:id/input.json | plan.json | plan.csv     → the solver's input / output / assignment
//   GET  /api/v1/landfills/scenarios/compare?ids=1,2,3                        → { items: ScenarioView[] }
//   GET  /api/v1/landfills/allocations                                        → { items: AllocationSummary[] }
//   POST /api/v1/landfills/allocations     AllocationCreate                    → 201 AllocationView | 422 ahp_inconsistent
//   GET  /api/v1/landfills/allocations/:id                                    → AllocationView
//   GET  /api/v1/landfills/allocations/:id/export.csv                         → file
import type {
  CapacityUnit,
  PriorityCriterionKey,
  ScenarioState,
  SensitivityFlag,
  SiteKind,
  SiteStatus,
  VerificationState,
} from './enums.js';
import type { PriorityWeights } from './contract.js';

export interface SiteListItem {
  id: number;
  externalId: string | null;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  verification: VerificationState;
  divisionId: number;
  /** "village، district، county، province" */
  place: string;
  lat: number;
  lon: number;
  dailyIntakeT: number | null;
  fillPercent: number | null;
  /** years left from fill and intake, null when not computable */
  remainingYears: number | null;
  flags: SensitivityFlag[];
  updatedAt: string;
}

/** A marker of the map: few fields, every site in scope (the map clusters them). */
export interface SitePoint {
  id: number;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  lat: number;
  lon: number;
  provinceId: number;
}

export interface StatusChange {
  fromStatus: SiteStatus | null;
  toStatus: SiteStatus;
  note: string;
  actor: string | null;
  at: string;
}

export interface VerificationStep {
  action: string;
  title: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  actor: string | null;
  at: string;
}

export interface SiteView extends SiteListItem {
  operator: string;
  startYear: number | null;
  areaM2: number | null;
  capacity: number | null;
  capacityUnit: CapacityUnit;
  designIntakeT: number | null;
  servedVillages: { id: number; name: string }[];
  distWaterM: number | null;
  distSettlementM: number | null;
  distRoadM: number | null;
  groundwaterDepthM: number | null;
  soilNotes: string;
  populationExposed: number | null;
  requiredFundingMrial: number | null;
  documents: { id: string; filename: string; mime: string; size: number }[];
  /** remaining capacity in tons (volume × density when the unit is m³) */
  remainingTons: number | null;
  version: number;
  caseId: string;
  verificationTitle: string;
  dueAt: string | null;
  statusHistory: StatusChange[];
  verificationHistory: VerificationStep[];
  /** what the caller may do now */
  actions: { key: string; title: string; requireComment: boolean }[];
  canEdit: boolean;
  createdAt: string;
}

export interface SummaryRow {
  /** the province (national summary) or null for the total row */
  divisionId: number | null;
  name: string;
  sites: number;
  byKind: Record<SiteKind, number>;
  byStatus: Record<SiteStatus, number>;
  /** sites awaiting verification */
  unverified: number;
  /** sensitive sites (any flag) still active */
  sensitiveActive: number;
  /** tons/day received by active sites */
  dailyIntakeT: number;
  /** remaining capacity in tons of active sites */
  remainingTons: number;
  /** remaining tons / (intake × 365) over active sites with both known; null when none */
  remainingYears: number | null;
  /** active sites with less than two years left */
  nearlyFull: number;
}

export interface Summary {
  scope: { divisionId: number | null; name: string };
  rows: SummaryRow[];
  total: SummaryRow;
  densityTPerM3: number;
}

export interface ImportIssue {
  /** 1-based data row (the header is row 1, so the first data row is 2 as spreadsheets show it) */
  row: number;
  /** the column's Persian header */
  column: string;
  reason: string;
}

export interface ImportView {
  id: number;
  filename: string;
  state: 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** rows refused */
  failedRows: number;
  issues: ImportIssue[];
  createdAt: string;
  finishedAt: string | null;
}

export interface ScenarioParams {
  source: 'registry' | 'upload';
  p: number | null;
  openCost: number | null;
  roadFactor: number | null;
  timeLimitSeconds: number | null;
  kgPerCapita: number | null;
  candidateStatuses: SiteStatus[];
  capacitated: boolean;
  /** villages left out (no coordinates or no population) */
  skippedVillages: number;
}

/** Display data of the solver's ids. `siteId` is the registry site when the candidate is one. */
export interface ScenarioLabels {
  sites: Record<string, { name: string; lat: number | null; lon: number | null; existing: boolean; siteId: number | null }>;
  villages: Record<string, { name: string; lat: number | null; lon: number | null }>;
}

export interface ScenarioProgress {
  phase: string;
  /** Persian title of the phase */
  phaseTitle: string;
  fraction: number;
  best: number | null;
  lowerBound: number | null;
  elapsedMs: number;
}

export interface ScenarioResult {
  open: string[];
  assignment: Record<string, string>;
  cost: number;
  fixedCost: number;
  objective: number;
  lowerBound: number | null;
  gap: number | null;
  loads: { siteId: string; villages: number; load: number; capacity: number | null; tonKm: number }[];
  stats: { method: string; provedOptimal: boolean; stoppedBy: string; elapsedMs: number };
  /** closed candidates that are existing sites: pollution points removed */
  pollutionPointsRemoved: number;
  explanation: { summary: string; kept: { siteId: string; text: string }[]; closed: { siteId: string; text: string }[] };
}

export interface ScenarioSummary {
  id: number;
  name: string;
  division: string;
  state: ScenarioState;
  villages: number;
  candidates: number;
  open: number | null;
  cost: number | null;
  gap: number | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ScenarioView extends ScenarioSummary {
  /** null = the whole country */
  divisionId: number | null;
  params: ScenarioParams;
  labels: ScenarioLabels;
  progress: ScenarioProgress | null;
  result: ScenarioResult | null;
  error: string | null;
  totalDemand: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface AllocationSite {
  siteId: number;
  name: string;
  place: string;
  cost: number;
  /** TOPSIS closeness 0..1 */
  score: number;
  rank: number;
  /** criterion values as measured, and each criterion's part */
  parts: { criterion: PriorityCriterionKey; title: string; value: number; weight: number; position: number }[];
  funded: boolean;
  reason: string;
  /** plain Persian: the score and why it was or was not funded */
  scoreText: string;
  fundingText: string;
}

export interface AllocationResult {
  criteria: { key: PriorityCriterionKey; title: string; direction: 'benefit' | 'cost'; weight: number }[];
  /** AHP only */
  consistencyRatio: number | null;
  budget: number;
  spent: number;
  /** Σ priority × 1000 of the funded sites (the knapsack works on whole units) */
  value: number;
  sites: AllocationSite[];
  /** sites in scope left out because they have no required funding set */
  withoutCost: number;
}

export interface AllocationSummary {
  id: number;
  name: string;
  division: string;
  budget: number;
  spent: number;
  funded: number;
  sites: number;
  createdBy: string | null;
  createdAt: string;
}

export interface AllocationView extends AllocationSummary {
  /** null = the whole country */
  divisionId: number | null;
  weights: PriorityWeights;
  result: AllocationResult;
}
