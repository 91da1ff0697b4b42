// The shapes of the amriyeh API as the screens read them (JSON: dates are ISO strings). Types only: the server's
// presenters return exactly these, and nothing here reaches the web bundle.
//
// Routes (all JSON; problem+json errors with a Persian `title` and a stable `code`):
//  public
//   GET  /api/v1/amriyeh/calls                                  → { items: CallSummary[] }   (not drafts)
//   GET  /api/v1/amriyeh/calls/:id                              → CallView
//   GET  /api/v1/amriyeh/calls/:id/stations?provinceId=         → { items: StationPublic[] } (confirmed seats > 0)
//   GET  /api/v1/amriyeh/calls/:id/runs                         → { items: RunSummary[] }
//   GET  /api/v1/amriyeh/runs/:id                               → RunView (the published list, masked codes)
//   GET  /api/v1/amriyeh/runs/:id/input.json | output.json      → the exact input/output of `amriyeh-allocate`
//   GET  /api/v1/verify/amriyeh/:number                         → LetterVerification | 404
//  applicant (citizen session from the one-time code)
//   POST /api/v1/amriyeh/applications/check   ApplicationCreate → EligibilityCheck (nothing stored)
//   POST /api/v1/amriyeh/applications         ApplicationCreate → 201 ApplicantView | 422 not_eligible {failures}
//   GET  /api/v1/amriyeh/applications/mine                      → { items: ApplicationListItem[] }
//   GET  /api/v1/amriyeh/applications/mine/:id                  → ApplicantView
//   PUT  /api/v1/amriyeh/applications/mine/:id  ApplicationCreate (when returned) → ApplicantView (resubmitted)
//   POST /api/v1/amriyeh/applications/mine/:id/withdraw         → ApplicantView
//   GET  /api/v1/amriyeh/letters/:number                        → LetterView (its holder, or staff in scope)
//  staff
//   POST /api/v1/amriyeh/calls                  CallCreate (expert.rural, national) → 201 CallView
//   POST /api/v1/amriyeh/calls/:id/state        { state: 'open'|'closed'|'archived' } → CallView
//   POST /api/v1/amriyeh/calls/:id/seed         { sources: (number[]|string)[] } → CallView (once, before the end)
//   GET  /api/v1/amriyeh/calls/:id/stations/manage               → { items: StationManage[] } (in scope)
//   POST /api/v1/amriyeh/calls/:id/stations     { dehyariId, name, seats } (dehyari) → StationManage
//   POST /api/v1/amriyeh/stations/:id/confirm   { seats } (district.reviewer) → StationManage
//   POST /api/v1/amriyeh/calls/:id/caps         { provinceId, caps: [{ stationId, seats }] } (province.reviewer)
//                                                                                  → { items: StationManage[] }
//   GET  /api/v1/amriyeh/applications?callId=&state=&q=&overdue=true&page=&pageSize=  → { items: StaffListItem[], total }
//   GET  /api/v1/amriyeh/applications/:id                        → StaffView
//   POST /api/v1/amriyeh/applications/:id/review  ReviewInput   → StaffView
//   POST /api/v1/amriyeh/calls/:id/runs          { provinceId?: number } → 201 RunView
//   POST /api/v1/amriyeh/calls/:id/letters       { provinceId?: number } → { issued: number }
//   POST /api/v1/amriyeh/letters/:number/revoke  { reason } → LetterView
import type {
  ApplicationState,
  CallState,
  ClaimablePriorityGroup,
  ConscriptionStatus,
  CriterionKind,
  EducationLevel,
  EligibilityRules,
  MaritalStatus,
  ScoringCriterion,
} from './contract.js';

export interface CallSummary {
  id: number;
  title: string;
  state: CallState;
  stateTitle: string;
  startsAt: string;
  endsAt: string;
  /** True while applications are accepted (state open and now within the period). */
  accepting: boolean;
  nationalQuota: number;
  stationCount: number;
}

export interface CallView extends CallSummary {
  description: string;
  referenceDate: string;
  provinceQuotas: { provinceId: number; provinceName: string; quota: number }[];
  rules: EligibilityRules;
  /** The rules in plain Persian, one sentence each, as published. */
  rulesText: string[];
  criteria: ScoringCriterion[];
  /** Each criterion in plain Persian: what it rewards and its weight. */
  criteriaText: { kind: CriterionKind; title: string; weight: number; description: string }[];
  /** The RFC 3797 key of the tie-breaking lottery, once published; null before. */
  lotterySeed: string | null;
  seedPublishedAt: string | null;
}

export interface StationPublic {
  id: number;
  name: string;
  villageName: string;
  districtName: string;
  countyName: string;
  provinceId: number;
  provinceName: string;
  /** Seats the allocation uses: the province's cap, else the district's confirmation. */
  seats: number;
}

export interface StationManage extends StationPublic {
  callId: number;
  dehyariId: number;
  seatsRequested: number;
  seatsConfirmed: number | null;
  seatsCapped: number | null;
  /** requested → confirmed (district) → capped (province). */
  status: 'requested' | 'confirmed' | 'capped';
  statusTitle: string;
  /** What the viewer may do now. */
  canConfirm: boolean;
  canCap: boolean;
}

export interface ScorePartView { criterion: CriterionKind; title: string; points: number; max: number; reason: string }

export interface EligibilityCheck {
  eligible: boolean;
  failures: { rule: string; message: string }[];
  /** The score the application would get if every claimed priority group is verified. */
  score: number;
  scoreParts: ScorePartView[];
}

export interface HistoryItem { at: string; action: string; actionTitle: string; toState: string; toStateTitle: string; comment: string | null; byApplicant: boolean; bySystem: boolean }

export interface PreferenceView { rank: number; stationId: number; name: string; villageName: string; districtName: string; provinceId: number }

export interface ApplicationListItem {
  id: string;
  trackingCode: string;
  callId: number;
  callTitle: string;
  state: ApplicationState;
  stateTitle: string;
  score: number | null;
  createdAt: string;
}

/** What the applicant sees of his own application. */
export interface ApplicantView extends ApplicationListItem {
  nationalCode: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  birthDate: string;
  educationLevel: EducationLevel;
  fieldOfStudy: string;
  gpa: number | null;
  residenceDivisionId: number;
  residenceName: string;
  birthPlaceDivisionId: number;
  birthPlaceName: string;
  maritalStatus: MaritalStatus;
  conscriptionStatus: ConscriptionStatus;
  priorityClaims: {
    group: ClaimablePriorityGroup;
    title: string;
    documentIds: string[];
    /** The claim's documents as uploaded (download: GET /api/v1/documents/:id). */
    documents: { id: string; filename: string; mime: string; size: number }[];
    verified: boolean | null;
  }[];
  preferences: PreferenceView[];
  eligibility: { eligible: boolean; failures: { rule: string; message: string }[] };
  scoreParts: ScorePartView[];
  /** The station he got, when selected or issued. */
  assignedStation: PreferenceView | null;
  /** Why he was or was not selected, in Persian (his rank, the last admitted score of his preferences…). */
  selectionExplanation: string | null;
  /** The run that decided it (its public list), if any. */
  runId: number | null;
  letterNumber: string | null;
  /** The last reviewer comment (e.g. why it was returned or rejected). */
  lastComment: string | null;
  history: HistoryItem[];
  canResubmit: boolean;
  canWithdraw: boolean;
  dueAt: string | null;
}

export interface StaffListItem {
  id: string;
  caseId: string;
  trackingCode: string;
  callId: number;
  nationalCode: string;
  fullName: string;
  state: ApplicationState;
  stateTitle: string;
  score: number | null;
  firstStation: string;
  districtName: string;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

export interface StaffView extends ApplicantView {
  caseId: string;
  version: number;
  mobile: string;
  /** Review actions the viewer may take now, with their Persian titles. */
  actions: { key: ReviewAction; title: string; requireComment: boolean }[];
  /** The viewer may revoke its issued letter (POST /letters/:number/revoke). */
  canRevoke: boolean;
}

export const REVIEW_ACTIONS = ['district_approve', 'return', 'district_reject', 'province_confirm', 'province_reject', 'issue'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewInput {
  action: ReviewAction;
  expectedVersion: number;
  comment?: string;
  /** district_approve: the verdict on each claimed priority group (unlisted = not verified). */
  claims?: { group: ClaimablePriorityGroup; verified: boolean }[];
}

export interface RunSummary {
  id: number;
  callId: number;
  scope: 'province' | 'national';
  provinceId: number | null;
  provinceName: string | null;
  seed: string;
  inputHash: string;
  applicants: number;
  selected: number;
  reserve: number;
  createdAt: string;
}

export interface RunRow {
  rank: number;
  /** The application's tracking code: the applicant id in input.json. */
  ref: string;
  maskedNationalCode: string;
  score: number;
  result: 'selected' | 'reserve' | 'not_selected';
  resultTitle: string;
  stationId: number | null;
  stationName: string | null;
}

export interface RunView extends RunSummary {
  callTitle: string;
  /** One page of the list in rank order (GET /runs/:id?page=&pageSize=&q=; q = a tracking code or masked code digits). */
  rows: RunRow[];
  /** Rows matching q over all pages. */
  total: number;
  /** How to recompute it, in Persian (the CLI command and the hash). */
  recomputeHelp: string;
}

export interface LetterView {
  number: string;
  issuedAt: string;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  holderName: string;
  fatherName: string;
  nationalCode: string;
  birthDate: string;
  stationName: string;
  villageName: string;
  districtName: string;
  countyName: string;
  provinceName: string;
  callTitle: string;
  /** The public verification address the QR code points to. */
  verifyUrl: string;
  /** The QR code of verifyUrl as an SVG document. */
  qrSvg: string;
}

export interface LetterVerification {
  number: string;
  valid: boolean;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  /** Partly masked: 'ع*** ر*****ی'. */
  holderName: string;
  stationName: string;
  villageName: string;
  provinceName: string;
  callTitle: string;
  issuedAt: string;
}
