// The shapes of the festival's API as the screens read them (JSON: instants are ISO strings; Jalali dates are
// 'YYYY/MM/DD' strings where named so). Types only.
//
// Routes (problem+json errors with a Persian `title` and a stable `code`):
//  public
//   GET  /api/v1/festival/rounds/current                       → RoundPublic (the open round, else the newest not draft) | 404 no_round
//   GET  /api/v1/festival/rounds/:id/public                    → RoundPublic | 404
//   GET  /api/v1/showcase?q=&axis=&category=&provinceId=&year=&minJobs=&sort=relevance|jobs|recent|replications&page=&pageSize=
//                                                               → ShowcasePage (selected plans of announced rounds)
//   GET  /api/v1/showcase/:id                                  → ShowcasePlan | 404 (only selected plans exist here)
//   GET  /api/v1/showcase/:id/photos/:docId                    → the image (only photos of a selected plan) | 404
//   GET  /api/v1/showcase/facets                               → ShowcaseFacets (axes/categories/provinces/years in the catalogue)
//  owners: a dehyari (staff, for his village) or an entrepreneur (a citizen, one-time code); access 'authenticated'
//   GET  /api/v1/festival/mine                                 → MyEntries (the current round and my entries of every round)
//   POST /api/v1/festival/mine/entries   EntryCreate           → 201 OwnerEntry | 409 deadline_passed | 409 round_not_open | 409 entry_limit
//                                                                 | 422 village_required | 403 not_your_village (dehyari outside his grants)
//   GET  /api/v1/festival/mine/entries/:id                     → OwnerEntry | 404 (others' entries do not exist)
//   PUT  /api/v1/festival/mine/entries/:id   EntryUpdate       → OwnerEntry | 409 version_conflict | 409 not_editable | 409 deadline_passed
//   POST /api/v1/festival/mine/entries/:id/submit {version}    → OwnerEntry (opens the case; tracking code) | 422 entry_incomplete {missing}
//                                                                 | 409 deadline_passed | 409 version_conflict
//   POST /api/v1/festival/mine/entries/:id/resubmit {version}  → OwnerEntry (returned → back to whoever returned it) | 409 deadline_passed
//   POST /api/v1/festival/mine/entries/:id/withdraw {version}  → OwnerEntry (until judging starts)
//   DELETE /api/v1/festival/mine/entries/:id                   → 204 (drafts only)
//   GET  /api/v1/festival/mine/questions                       → { items: QuestionItem[] } (asked about my plans, and asked by me)
//   POST /api/v1/festival/mine/questions/:id/answer  AnswerInput → QuestionItem (the author's dehyari, or the entrepreneur)
//  dehyaris on the showcase
//   POST /api/v1/showcase/:id/replicate   ReplicateInput       → ShowcasePlan (idempotent per village) | 403 (not a dehyari)
//   DELETE /api/v1/showcase/:id/replicate?villageId=           → ShowcasePlan
//   POST /api/v1/showcase/:id/questions   QuestionInput        → 201 QuestionItem (the author is notified)
//  secretariat (expert.rural national: festival.manage; province screening: expert.rural / province.reviewer in scope)
//   GET  /api/v1/festival/rounds                               → { items: RoundView[] } (newest year first)
//   POST /api/v1/festival/rounds          RoundInput (festival.manage, national) → 201 RoundView | 409 year_taken
//   GET  /api/v1/festival/rounds/:id                           → RoundView
//   PUT  /api/v1/festival/rounds/:id      RoundUpdate          → RoundView | 409 version_conflict | 409 round_locked {fields}
//   POST /api/v1/festival/rounds/:id/open {version}            → RoundView (draft → open) | 409 round_open_exists
//   GET  /api/v1/festival/rounds/:id/judges                    → RoundJudgesView (the round's judges, and every user holding `judge`)
//   PUT  /api/v1/festival/rounds/:id/judges  RoundJudges        → RoundJudgesView (until the announcement; removing a judge with scores: 409 judge_has_scores)
//   POST /api/v1/festival/rounds/:id/start-judging {version}   → RoundView (after the deadline, screening finished: 409 screening_open {count};
//                                                                 eligible → judging, returned → expired, judges assigned) | 409 not_enough_judges {entries}
//   POST /api/v1/festival/rounds/:id/fill-panels               → RoundView (assigns judges to entries short of a panel after declared conflicts)
//   GET  /api/v1/festival/rounds/:id/results                   → RoundResults (live while judging; stored after the announcement)
//   POST /api/v1/festival/rounds/:id/announce  AnnounceInput   → RoundView (every panel scored, else 409 scores_missing {missing}; winners → selected)
//   GET  /api/v1/festival/entries?roundId=&state=&axis=&provinceId=&ownerKind=&q=&flagged=&page=&pageSize= → { items: EntryListItem[], total, counts }
//   GET  /api/v1/festival/entries/export.csv | export.xlsx (same filters)
//   GET  /api/v1/festival/entries/:id                          → StaffEntryView (scope: the entry's village in the actor's grants)
//   POST /api/v1/festival/entries/:id/screen   ScreeningInput  → StaffEntryView | 409 deadline_passed (a return after the deadline)
//   GET  /api/v1/festival/spread?roundId=                      → Spread (which experiences spread where)
//  judges (festival.judge)
//   GET  /api/v1/festival/judging                              → JudgeQueue (my assignments in rounds being judged, with my progress)
//   GET  /api/v1/festival/judging/:entryId                     → JudgeEntryView | 404 (not assigned to me)
//   PUT  /api/v1/festival/judging/:entryId/score  ScoreInput   → JudgeEntryView | 422 rubric_mismatch | 409 version_conflict | 409 judging_closed
//   POST /api/v1/festival/judging/:entryId/conflict ConflictInput → JudgeQueue (the entry leaves his queue; another judge takes the seat when one is free)
import type { Axis, Figure, Plan, RequiredDocument } from './contract.js';
import type { EntryState, FundingSource, OptionalPart, OwnerKind, RoundPhase, RoundState } from './enums.js';

/** A place as lists show it. */
export interface PlaceRef {
  villageId: number;
  village: string;
  county: string;
  province: string;
  provinceId: number;
}

/** What a citizen, a dehyari or a judge needs of a round. */
export interface RoundPublic {
  id: number;
  year: number;
  title: string;
  phase: RoundPhase;
  phaseTitle: string;
  axes: Axis[];
  /** Jalali days */
  opensOn: string;
  deadline: string;
  /** instants: submissions are accepted in [opensAt, closesAt) */
  opensAt: string;
  closesAt: string;
  /** the server's clock when answering, so a page can count down without trusting the phone's clock */
  serverNow: string;
  requiredParts: OptionalPart[];
  requiredDocuments: RequiredDocument[];
  judgesPerEntry: number;
  /** counts once announced (else null) */
  selectedCount: number | null;
}

export interface RoundView extends RoundPublic {
  state: RoundState;
  version: number;
  disagreementThreshold: number;
  /** entries by state */
  counts: Partial<Record<EntryState, number>>;
  judgeCount: number;
  judgingStartedAt: string | null;
  announcedAt: string | null;
  /** which settings may still change: 'all' (draft), 'deadline_rubric' (open, before judging), 'none' */
  editable: 'all' | 'deadline_rubric' | 'none';
  /** what the secretariat may do now */
  can: { edit: boolean; open: boolean; startJudging: boolean; announce: boolean; manageJudges: boolean };
}

/** An entry as its owner sees it. */
export interface OwnerEntry {
  id: string;
  roundId: number;
  roundYear: number;
  ownerKind: OwnerKind;
  state: EntryState;
  stateTitle: string;
  trackingCode: string | null;
  place: PlaceRef;
  plan: Plan;
  version: number;
  /** the round's completeness of the saved plan */
  completeness: { ready: boolean; missing: string[]; percent: number };
  /** may he edit / submit / resubmit / withdraw / delete now (deadline and state considered) */
  can: { edit: boolean; submit: boolean; resubmit: boolean; withdraw: boolean; delete: boolean };
  /** the screener's comment when returned or found ineligible */
  reviewerComment: string | null;
  history: HistoryItem[];
  submittedAt: string | null;
  updatedAt: string;
  /** after the announcement */
  award: string | null;
  rankNational: number | null;
}

export interface HistoryItem {
  at: string;
  action: string;
  actionTitle: string;
  toStateTitle: string;
  /** staff names are shown as their role title to citizens */
  actor: string;
  comment: string | null;
}

export interface MyEntries {
  /** the round open for submissions, or null */
  round: RoundPublic | null;
  entries: OwnerEntry[];
  /** for a dehyari: the villages he may file for (his grants); for a citizen: [] (he picks any village) */
  villages: { id: number; label: string }[];
}

export interface EntryListItem {
  id: string;
  roundId: number;
  trackingCode: string | null;
  title: string;
  axis: string;
  axisTitle: string;
  category: string;
  ownerKind: OwnerKind;
  state: EntryState;
  stateTitle: string;
  place: PlaceRef;
  jobs: number | null;
  submittedAt: string | null;
  /** the SLA of the screening step */
  dueAt: string | null;
  overdue: boolean;
  /** judging */
  judges: number;
  scored: number;
  flagged: boolean | null;
  rankNational: number | null;
  award: string | null;
}

export interface StaffEntryView extends Omit<OwnerEntry, 'can'> {
  caseId: string | null;
  caseVersion: number | null;
  /** screening actions the actor may take now */
  actions: { key: string; title: string; requireComment: boolean }[];
  dueAt: string | null;
  /** the owner's contact (entrepreneur's mobile; the dehyari) — staff only */
  owner: { name: string; mobile: string | null };
  /** judges and their scores (secretariat only, after judging starts) */
  panel: { judgeId: number; judge: string; total: number | null; z: number | null; criteria: Record<string, { score: number; comment: string }> | null }[];
  conflicts: { judge: string; reason: string; at: string }[];
  result: EntryResult | null;
}

export interface EntryResult {
  rawMean: number;
  meanZ: number;
  spread: number;
  flagged: boolean;
  rankNational: number;
  rankProvince: number;
  judges: number;
}

export interface RoundJudgesView {
  judges: { userId: number; name: string; username: string; countyId: number | null; county: string | null; assigned: number; scored: number; conflicts: number }[];
  /** every active user holding the `judge` role (to add) */
  available: { userId: number; name: string; username: string }[];
}

/** Agreement of an axis's judges. */
export interface AxisAgreement {
  axis: string;
  axisTitle: string;
  entries: number;
  judges: number;
  design: 'complete' | 'incomplete';
  /** ICC(1,1) and ICC(1,k) of the raw totals and of the z-scores; null when not computable (too few entries or judges) */
  icc1: number | null;
  icc1k: number | null;
  icc1Z: number | null;
  icc1kZ: number | null;
  /** a Persian reading of icc1k: poor / moderate / good / excellent (Koo & Li 2016) */
  reading: string | null;
}

export interface ResultRow extends EntryResult {
  entryId: string;
  title: string;
  trackingCode: string | null;
  place: PlaceRef;
  ownerKind: OwnerKind;
  /** each judge's weighted total and z-score */
  scores: { judgeId: number; judge: string; total: number; z: number }[];
  suggested: boolean;
  award: string | null;
}

export interface RoundResults {
  roundId: number;
  final: boolean;
  axes: { axis: string; axisTitle: string; agreement: AxisAgreement; rows: ResultRow[] }[];
  /** assignments without a score yet */
  missing: { entryId: string; title: string; judgeId: number; judge: string }[];
  /** entries whose panel is short (after conflicts) */
  shortPanels: { entryId: string; title: string; judges: number }[];
}

export interface JudgeQueueItem {
  entryId: string;
  roundId: number;
  roundYear: number;
  title: string;
  axisTitle: string;
  categoryTitle: string | null;
  place: PlaceRef;
  scored: boolean;
  total: number | null;
}

export interface JudgeQueue {
  items: JudgeQueueItem[];
  done: number;
  total: number;
}

export interface JudgeEntryView {
  entryId: string;
  round: { id: number; year: number; title: string; state: RoundState };
  axis: Axis;
  categoryTitle: string | null;
  place: PlaceRef;
  ownerKind: OwnerKind;
  plan: Plan;
  score: { criteria: Record<string, { score: number; comment: string }>; total: number; version: number; updatedAt: string } | null;
  /** may he still change his scores */
  open: boolean;
}

export interface ShowcaseCard {
  id: string;
  title: string;
  summary: string;
  axis: string;
  axisTitle: string;
  category: string;
  categoryTitle: string | null;
  year: number;
  ownerKind: OwnerKind;
  place: PlaceRef;
  award: string | null;
  jobs: number | null;
  beneficiaries: number | null;
  incomePerYear: number | null;
  /** URL of the first photo, or null */
  cover: string | null;
  replications: number;
}

export interface ShowcasePage {
  items: ShowcaseCard[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ShowcaseFacets {
  axes: { key: string; title: string; categories: { key: string; title: string }[] }[];
  provinces: { id: number; name: string; count: number }[];
  years: number[];
}

export interface ShowcasePlan extends ShowcaseCard {
  problem: string;
  actions: string;
  partners: string;
  lessons: string;
  startYear: number | null;
  cost: number | null;
  funding: { source: FundingSource; sourceTitle: string; amount: number }[];
  investment: number | null;
  figures: Figure[];
  photos: { url: string; filename: string }[];
  contact: { name: string; phone: string } | null;
  rankNational: number | null;
  rankProvince: number | null;
  similar: ShowcaseCard[];
  /** answered questions */
  questions: { question: string; answer: string; village: string; askedAt: string; answeredAt: string }[];
  /** villages replicating it */
  replicatedBy: { village: string; province: string; at: string }[];
  /** for a signed-in dehyari: his villages that marked it, and whether he may mark or ask */
  viewer: { canReplicate: boolean; replicatedVillageIds: number[]; villages: { id: number; label: string }[] } | null;
}

export interface QuestionItem {
  id: number;
  entryId: string;
  entryTitle: string;
  question: string;
  answer: string | null;
  askedBy: string;
  askedAt: string;
  answeredAt: string | null;
  /** this viewer may answer it (he is the plan's author side) */
  canAnswer: boolean;
  mine: boolean;
}

export interface Spread {
  /** selected plans with their replications */
  plans: { entryId: string; title: string; place: PlaceRef; replications: number; questions: number; answered: number; provinces: number }[];
  /** replications by the adopting province */
  byProvince: { provinceId: number; province: string; replications: number; fromOtherProvinces: number }[];
  /** origin → adopting village, for the map's lines (centroids when known) */
  links: { entryId: string; from: { villageId: number; lat: number | null; lon: number | null }; to: { villageId: number; village: string; lat: number | null; lon: number | null } }[];
  totals: { plans: number; replications: number; villages: number; provinces: number; questions: number; answered: number };
}
