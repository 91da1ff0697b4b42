// The shapes of the grading API as the screens read them (JSON: dates are ISO strings, Jalali dates are 'YYYY/MM/DD'
// strings where named so). Types only.
//
// Routes (problem+json errors with a Persian `title` and a stable `code`):
//  public
//   GET  /api/v1/grading/public?subject=municipality&q=&provinceId=&grade=&page=    → { items: PublicGrade[], total }
//  rules (read: any staff of the service; write: admin)
//   GET  /api/v1/grading/rules?subject=                                 → { items: RuleSetView[] } (all versions, newest first)
//   GET  /api/v1/grading/rules/current?subject=&date=YYYY/MM/DD         → RuleSetView (the version in effect that day)
//   POST /api/v1/grading/rules            RuleSetCreate (admin)          → 201 RuleSetView (next version number)
//   POST /api/v1/grading/evaluate         { subject, values, date? }     → Evaluation (nothing stored; the live grade)
//  municipality / dehyari (their own entity only)
//   GET  /api/v1/grading/entities/mine                                  → { items: EntityView[] }
//   GET  /api/v1/grading/sheets?subject=&divisionId=                    → { items: SheetView[] } (newest year first)
//   PUT  /api/v1/grading/sheets           SheetInput                     → SheetView (one per entity and year; locked while a request on it is open)
//   GET  /api/v1/grading/sheets/:id                                     → SheetView
//   POST /api/v1/grading/requests         RequestCreate                  → 201 RequestView | 409 request_open | 422 not_upgrade | 422 too_soon
//   PUT  /api/v1/grading/requests/:id     { values, documents, justification } (when returned) → RequestView (resubmitted)
//   POST /api/v1/grading/requests/:id/withdraw                          → RequestView
//  staff (scoped: province reviewer his province; experts and the committee nationally; the entity its own)
//   GET  /api/v1/grading/requests?subject=&state=&provinceId=&q=&overdue=true&page=&pageSize=  → { items: RequestListItem[], total }
//   GET  /api/v1/grading/requests/export.csv | export.xlsx (same filters)
//   GET  /api/v1/grading/requests/:id                                  → RequestView
//   POST /api/v1/grading/requests/:id/review   ReviewInput              → RequestView
//   GET  /api/v1/grading/history?subject=&divisionId=                   → { items: GradeHistoryItem[] }
//   GET  /api/v1/grading/dashboard?subject=                             → Dashboard
import type { IndicatorVerdict, RequestState, Subject } from './enums.js';
import type { IndicatorValue, RuleDefinition } from './contract.js';

export interface RuleSetView {
  id: number;
  subject: Subject;
  version: number;
  title: string;
  /** Jalali 'YYYY/MM/DD' */
  effectiveFrom: string;
  approvedBy: string;
  createdBy: string | null;
  createdAt: string;
  /** the shipped example set (to be replaced by the official tables) */
  isExample: boolean;
  definition: RuleDefinition;
  /** decisions (requests) that used this version */
  usedBy: number;
}

export interface EvaluationPart {
  key: string;
  title: string;
  unit: string;
  value: IndicatorValue;
  /** the value in words: «۲۵٬۴۰۰ نفر», «مرکز شهرستان» */
  valueText: string;
  points: number;
  maxPoints: number;
  /** which band or choice gave the points: «از ۲۵٬۰۰۰ تا ۵۰٬۰۰۰ نفر → ۲۰ امتیاز» */
  rule: string;
  missing: boolean;
  /** a number outside the indicator's accepted range */
  outOfRange: boolean;
}

export interface Evaluation {
  ruleSetId: number;
  version: number;
  ruleTitle: string;
  isExample: boolean;
  parts: EvaluationPart[];
  total: number;
  grade: number;
  maxGrade: number;
  /** points still needed for the next grade (null at the top) */
  toNextGrade: number | null;
  /** required indicators without a value */
  missing: string[];
}

export interface GradeHistoryItem {
  grade: number;
  ruleSetId: number | null;
  ruleVersion: number | null;
  ruleTitle: string | null;
  orderNumber: string | null;
  /** Jalali 'YYYY/MM/DD' */
  effectiveDate: string;
  requestId: string | null;
}

export interface EntityView {
  subject: Subject;
  /** the city (municipality) or village (dehyari) */
  divisionId: number;
  name: string;
  place: string;
  grade: number | null;
  /** Jalali date of the current grade */
  gradedOn: string | null;
  /** dehyaris: the first Jalali date a new review may start (4 years after the last grade), null when now */
  nextReviewFrom: string | null;
  openRequestId: string | null;
  history: GradeHistoryItem[];
}

export interface DocumentRef {
  id: string;
  filename: string;
  mime: string;
  size: number;
}

export interface SheetView {
  id: number;
  subject: Subject;
  divisionId: number;
  name: string;
  year: number;
  values: Record<string, IndicatorValue>;
  documents: Record<string, DocumentRef[]>;
  evaluation: Evaluation;
  /** a request on this sheet is under review: the sheet cannot change */
  locked: boolean;
  updatedAt: string;
}

export interface IndicatorReview {
  verdict: IndicatorVerdict;
  /** adjusted value (same as submitted when accepted) */
  value: IndicatorValue;
  reason: string;
  documentsVerified: boolean;
  reviewer: string | null;
}

export interface RequestStep {
  state: RequestState;
  title: string;
  enteredAt: string;
  leftAt: string | null;
  dueAt: string | null;
  /** working days spent (so far) */
  days: number;
  late: boolean;
}

export interface RequestListItem {
  id: string;
  trackingCode: string;
  subject: Subject;
  divisionId: number;
  name: string;
  place: string;
  fromGrade: number | null;
  supportedGrade: number;
  state: RequestState;
  stateTitle: string;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

export interface RequestView extends RequestListItem {
  year: number;
  justification: string;
  version: number;
  ruleSet: { id: number; version: number; title: string; isExample: boolean };
  values: Record<string, IndicatorValue>;
  documents: Record<string, DocumentRef[]>;
  /** the grade the submitted values support */
  evaluation: Evaluation;
  /** expert verdicts per indicator, and the grade the reviewed values support (null before the expert review) */
  verdicts: Record<string, IndicatorReview>;
  reviewedEvaluation: Evaluation | null;
  decision: { grade: number; effectiveDate: string | null; orderNumber: string | null; reasons: string | null } | null;
  steps: RequestStep[];
  history: { action: string; title: string; fromState: string | null; toState: string; comment: string | null; actor: string | null; at: string }[];
  /** what the viewer may do now; `needs` tells the screen which extra input the action takes */
  actions: { key: string; title: string; requireComment: boolean; needs: 'verdicts' | 'effectiveDate' | null }[];
  /** the viewer is the requesting entity (may correct when returned, or withdraw) */
  mine: boolean;
}

export interface PublicGrade {
  divisionId: number;
  name: string;
  county: string;
  province: string;
  grade: number;
  effectiveDate: string | null;
  orderNumber: string | null;
}

export interface Dashboard {
  subject: Subject;
  byState: { state: RequestState; title: string; count: number }[];
  byProvince: { provinceId: number; name: string; open: number; approved: number; rejected: number; overdue: number }[];
  /** average working days a request spends in each review step (finished steps) */
  stepTimes: { state: RequestState; title: string; avgDays: number | null; count: number }[];
  /** grade distribution: per province, how many entities hold each grade */
  distribution: { provinceId: number; name: string; grades: Record<number, number> }[];
}
