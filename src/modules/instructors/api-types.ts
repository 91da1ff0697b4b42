// The shapes of the instructor bank's API as the screens read them (JSON: instants are ISO strings; Jalali dates are
// 'YYYY/MM/DD' strings where named so). Types only.
//
// Routes (problem+json errors with a Persian `title` and a stable `code`):
//  public
//   GET  /api/v1/instructors/fields                                 → { items: FieldView[] } (active fields; ?all=true for staff: inactive too)
//   GET  /api/v1/verify/training-id/:id                             → TrainingIdVerification | 400 training_id_invalid (check digit) | 404
//   GET  /api/v1/rate/:token                                        → RatingPage (the course and its instructors) | 404
//   POST /api/v1/rate/:token        RatingSubmit                    → { saved: number } | 404 | 422 code_invalid | 409 already_rated | 409 rating_closed | 429
//  instructor (citizen session from the one-time code)
//   GET  /api/v1/instructors/me                                     → MyInstructor | 404 (no profile yet)
//   PUT  /api/v1/instructors/me/profile   ProfileInput              → MyInstructor (409 version_conflict; 409 application_open while in review;
//                                                                        409 national_code_taken)
//   POST /api/v1/instructors/me/applications   {}                   → 201 MyInstructor (kind derived: initial | renewal | update)
//                                                                        | 422 profile_incomplete {missing} | 409 application_open | 409 nothing_to_review
//   PUT  /api/v1/instructors/me/applications/:id/resubmit {}        → MyInstructor (when returned; the profile as now saved)
//   POST /api/v1/instructors/me/applications/:id/withdraw           → MyInstructor
//   GET  /api/v1/instructors/me/certificate                         → Certificate | 404 (not qualified)
//   POST /api/v1/instructors/me/prescore                            → { scores: FieldScore[] } (the saved profile under the current criteria; nothing stored)
//  staff (expert.training: reviews and criteria; training.committee: decisions; training.unit: courses; scoped by province)
//   GET  /api/v1/instructors/criteria                               → { items: CriteriaSetView[] } (newest first)
//   GET  /api/v1/instructors/criteria/current                       → CriteriaSetView
//   POST /api/v1/instructors/criteria      CriteriaSetCreate (instructors.criteria) → 201 CriteriaSetView
//   PUT  /api/v1/instructors/fields/:key   FieldInput (instructors.criteria) → FieldView (create or update)
//   GET  /api/v1/instructors/applications?state=&kind=&field=&provinceId=&q=&overdue=true&page=&pageSize= → { items: ApplicationListItem[], total }
//   GET  /api/v1/instructors/applications/export.csv | export.xlsx (same filters)
//   GET  /api/v1/instructors/applications/:id                       → ApplicationView
//   POST /api/v1/instructors/applications/:id/review  ReviewInput  → ApplicationView
//   GET  /api/v1/instructors/bank?field=&provinceId=&minScore=&minRating=&mode=&status=&q=&sort=score|rating|name&page=&pageSize=
//                                                                    → { items: BankItem[], total } (status default: qualified = valid today; status=all: any)
//   GET  /api/v1/instructors/bank/export.csv | export.xlsx (same filters)
//   GET  /api/v1/instructors/profiles/:id                           → StaffProfileView
//   GET  /api/v1/instructors/profiles/:id/certificate               → Certificate
//   GET  /api/v1/instructors/courses?state=&field=&provinceId=&q=&page=  → { items: CourseListItem[], total }
//   POST /api/v1/instructors/courses        CourseCreate (training.unit) → 201 CourseView
//   GET  /api/v1/instructors/courses/:id                            → CourseView
//   GET  /api/v1/instructors/courses/:id/candidates?minScore=&minRating=&sort=  → { items: BankItem[] } (qualified in its field, valid
//                                                                      through its dates, available in its province or online, not busy)
//   POST /api/v1/instructors/courses/:id/assignments  AssignInput   → CourseView | 409 instructor_busy | 409 already_assigned | 422 not_qualified_for_course
//   DELETE /api/v1/instructors/courses/:id/assignments/:assignmentId → CourseView (planned courses only)
//   POST /api/v1/instructors/courses/:id/held                       → CourseView (makes the trainee codes and the rating link) | 409 course_not_started | 409 no_instructors
//   POST /api/v1/instructors/courses/:id/close                      → CourseView (no more ratings)
//   POST /api/v1/instructors/courses/:id/cancel   { reason }         → CourseView (planned only)
//   POST /api/v1/instructors/assignments/:id/evaluation  EvaluationInput → CourseView (held courses; replaces his earlier one) | 409 rating_closed
//   GET  /api/v1/instructors/reports?provinceId=                    → Reports
//   GET  /api/v1/instructors/reports/coverage.csv | coverage.xlsx   → the field × province table
import type { Availability, CriteriaDefinition, FieldReview, MeasureValue, Profile } from './contract.js';
import type {
  ApplicationKind,
  ApplicationState,
  CourseMode,
  CourseState,
  EvaluationItem,
  InstructorStatus,
  Measure,
  RatingItem,
} from './enums.js';

/** A profile as the API sends it: the saved ProfileInput with the birth date as an ISO string. */
export type ProfileView = Omit<Profile, 'birthDate'> & { birthDate: string };

export interface FieldView {
  key: string;
  title: string;
  relatedStudies: string[];
  active: boolean;
}

export interface CriteriaSetView {
  id: number;
  version: number;
  title: string;
  /** Jalali 'YYYY/MM/DD' */
  effectiveFrom: string;
  approvedBy: string;
  isExample: boolean;
  createdBy: string | null;
  createdAt: string;
  definition: CriteriaDefinition;
  /** applications scored with this version */
  usedBy: number;
}

/** One criterion's part of a score, explained. */
export interface ScorePart {
  measure: Measure;
  title: string;
  /** the measured value (a number, or a choice value) */
  value: MeasureValue | null;
  /** the value in words: «کارشناسی ارشد», «۳۲۰ ساعت», «۴٫۲ از ۵ (۱۸ ارزیابی)» */
  valueText: string;
  share: number;
  points: number;
  weight: number;
  /** which band or choice applied: «از ۲۰۰ تا کمتر از ۵۰۰ ساعت: ۷۵٪ وزن» */
  rule: string;
  /** set when a reviewer replaced the measured value */
  adjusted: { from: MeasureValue | null; reason: string } | null;
}

/** The score of one field of expertise (of 100). */
export interface FieldScore {
  field: string;
  fieldTitle: string;
  total: number;
  passScore: number;
  passes: boolean;
  parts: ScorePart[];
}

/** What the profile still lacks: the form shows it, and submitting refuses while `ready` is false. */
export interface Completeness {
  /** 0–100 */
  percent: number;
  ready: boolean;
  /** Persian sentences: «دست‌کم یک مدرک تحصیلی با سند آن» */
  missing: string[];
}

export interface HistoryEntry {
  seq: number;
  action: string;
  actionTitle: string;
  fromState: string | null;
  toState: string;
  toStateTitle: string;
  actor: string | null;
  comment: string | null;
  at: string;
}

export interface ApplicationSummary {
  id: string;
  trackingCode: string;
  kind: ApplicationKind;
  kindTitle: string;
  state: ApplicationState;
  stateTitle: string;
  createdAt: string;
  fields: string[];
  preScores: FieldScore[];
  reviewedScores: FieldScore[] | null;
  qualifiedFields: string[] | null;
  /** Jalali */
  validUntil: string | null;
  decisionReasons: string | null;
  /** the comment of the last return (what to add) */
  returnComment: string | null;
  version: number;
  history: HistoryEntry[];
}

/** The instructor's own page. */
export interface MyInstructor {
  profileId: number;
  status: InstructorStatus;
  statusTitle: string;
  profile: ProfileView;
  /** Jalali birth date for the form */
  birthDateJalali: string;
  version: number;
  completeness: Completeness;
  /** the saved profile under the current criteria */
  preScores: FieldScore[];
  trainingId: string | null;
  qualifiedFields: { key: string; title: string }[];
  /** Jalali */
  qualifiedUntil: string | null;
  /** saved changes since the qualification in force (they need a review to count) */
  changedSinceQualification: boolean;
  /** he may file: an initial application, a renewal (within the window or expired), or a review of changes */
  canApply: ApplicationKind | null;
  /** Bayesian average (1–5) and number of ratings */
  rating: { average: number | null; count: number };
  open: ApplicationSummary | null;
  past: ApplicationSummary[];
  courses: { id: number; title: string; fieldTitle: string; startsOn: string; endsOn: string; state: CourseState; stateTitle: string; ratingAverage: number | null; ratingCount: number }[];
}

export interface ApplicationListItem {
  id: string;
  trackingCode: string;
  kind: ApplicationKind;
  kindTitle: string;
  name: string;
  province: string;
  fields: { key: string; title: string }[];
  /** best pre-score of its fields */
  preScore: number;
  state: ApplicationState;
  stateTitle: string;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export interface EvidenceItem {
  id: string;
  section: 'education' | 'teaching' | 'experience' | 'publications' | 'certificates';
  /** the item in words: «کارشناسی ارشد مدیریت شهری — دانشگاه تهران (۱۳۹۵)» */
  text: string;
  documents: { id: string; filename: string }[];
  verified: boolean;
}

export interface ApplicationView extends ApplicationSummary {
  profileId: number;
  name: string;
  nationalCode: string;
  mobile: string;
  province: string;
  snapshot: ProfileView;
  criteriaSet: { id: number; version: number; title: string; passScore: number; validityYears: number };
  evidence: EvidenceItem[];
  review: Record<string, FieldReview>;
  reviewedBy: string | null;
  trainingId: string | null;
  /** earlier decisions of this instructor (newest first) */
  earlier: { id: string; trackingCode: string; kindTitle: string; stateTitle: string; createdAt: string }[];
  actions: { action: string; title: string; requireComment: boolean }[];
  dueAt: string | null;
  overdue: boolean;
}

export interface BankItem {
  profileId: number;
  name: string;
  province: string;
  trainingId: string | null;
  status: InstructorStatus;
  statusTitle: string;
  fields: { key: string; title: string; score: number | null }[];
  /** score in the searched field (or the best one) */
  score: number | null;
  rating: { average: number | null; count: number };
  availability: Availability & { provinceNames: string[] };
  /** Jalali */
  qualifiedUntil: string | null;
  courseCount: number;
}

export interface StaffProfileView {
  item: BankItem;
  profile: ProfileView;
  mobile: string;
  applications: { id: string; trackingCode: string; kindTitle: string; stateTitle: string; createdAt: string }[];
  courses: MyInstructor['courses'];
  evaluations: { courseTitle: string; scores: Record<EvaluationItem, number>; comment: string; at: string }[];
}

export interface Certificate {
  trainingId: string;
  name: string;
  fields: { key: string; title: string }[];
  /** Jalali */
  qualifiedAt: string;
  validUntil: string;
  province: string;
  valid: boolean;
  verifyUrl: string;
  qrSvg: string;
}

export interface TrainingIdVerification {
  trainingId: string;
  valid: boolean;
  status: 'valid' | 'expired';
  statusTitle: string;
  name: string;
  province: string;
  fields: { key: string; title: string }[];
  /** Jalali */
  qualifiedAt: string;
  expiresAt: string;
  /** ISO of the expiry day's end, for programs */
  expiresAtIso: string;
}

export interface CourseAssignmentView {
  id: number;
  profileId: number;
  name: string;
  trainingId: string | null;
  hours: number;
  ratingAverage: number | null;
  ratingCount: number;
  evaluation: { scores: Record<EvaluationItem, number>; comment: string; by: string | null; at: string } | null;
}

export interface CourseListItem {
  id: number;
  title: string;
  field: string;
  fieldTitle: string;
  province: string | null;
  mode: CourseMode;
  modeTitle: string;
  /** Jalali */
  startsOn: string;
  endsOn: string;
  state: CourseState;
  stateTitle: string;
  instructors: string[];
}

export interface CourseView extends CourseListItem {
  provinceId: number | null;
  place: string;
  hours: number;
  trainees: number;
  description: string;
  /** why it was cancelled */
  cancelReason: string | null;
  assignments: CourseAssignmentView[];
  /** when held: the rating link, its QR code (SVG) and the trainee codes to hand out */
  rating: { url: string; qrSvg: string; codes: string[]; used: number } | null;
  canManage: boolean;
}

export interface RatingPage {
  courseTitle: string;
  fieldTitle: string;
  /** Jalali */
  startsOn: string;
  endsOn: string;
  open: boolean;
  instructors: { assignmentId: number; name: string }[];
  items: { key: RatingItem; title: string }[];
}

export interface Reports {
  fields: FieldView[];
  provinces: { id: number; name: string }[];
  /** qualified (valid) instructors per field and province: counts[fieldKey][provinceId] (available there: lives there, or teaches there in person) */
  counts: Record<string, Record<number, number>>;
  /** online-available qualified instructors per field */
  online: Record<string, number>;
  /** fields with no qualified instructor available in a province (in person or online) */
  gaps: { field: string; fieldTitle: string; provinceId: number; province: string }[];
  /** ratings per Jalali month (last 12): count and plain mean of `overall` */
  trend: { month: string; count: number; mean: number | null }[];
  totals: { instructors: number; qualified: number; inReview: number; expiringSoon: number; courses: number; ratings: number };
  byStatus: Record<InstructorStatus, number>;
}
