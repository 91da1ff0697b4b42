// The shapes of the complaints API as the screens read them. Types only: nothing here reaches the bundle.
import type { ComplaintListItem } from '../server/queries.js';
import type { Jsonified } from '../../../web/api.js';
import type { CategoryQuestion, ComplaintKind, ComplaintState, ResponsibleOffice } from '../contract.js';

export type { CategoryQuestion, ComplaintKind, ComplaintState, ResponsibleOffice };

export interface CategoryLeaf {
  id: number;
  code: string;
  name: string;
  description?: string;
  office: ResponsibleOffice;
  officeTitle: string;
  slaDays: number;
  questions: CategoryQuestion[];
}

export interface CategoryGroup {
  id: number;
  code: string;
  name: string;
  description?: string;
  children: CategoryLeaf[];
}

export interface SimilarItem {
  subject: string;
  state?: string;
  stateTitle?: string;
  placeName?: string;
  createdAt?: string;
  publicReplies?: number;
}

/** A message the citizen sees: a public reply, an information request, or their own addition. */
export interface PublicMessage {
  id?: number;
  kind?: 'reply' | 'citizen' | 'info_request';
  fromCitizen?: boolean;
  body: string;
  documentIds?: string[];
  createdAt: string;
}

/** A state change as the owner sees it (no staff names). */
export interface OwnerHistoryItem {
  action: string;
  actionTitle: string;
  fromState: string | null;
  toState: string;
  toStateTitle: string;
  byCitizen: boolean;
  comment: string | null;
  at: string;
}

/** What `GET /complaints/track/:code` shows anyone who has the code (server/citizen-present.ts presentTrack). */
export interface PublicTrack {
  trackingCode: string;
  trackingCodeDisplay?: string;
  kind: ComplaintKind;
  kindTitle: string;
  category: { code: string; name: string; groupName: string };
  subject: string;
  place: { id: number; title: string; chain: { id: number; level: string; name: string }[] };
  state: ComplaintState;
  stateTitle: string;
  status: 'open' | 'closed';
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  replies: { body: string; createdAt: string }[];
}

export interface OwnerAttachment {
  id: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
  mine: boolean;
}

/** What the owner sees at `GET /complaints/mine/:code` (presentOwnerView). */
export interface CitizenCase extends PublicTrack {
  body: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  answers: { code: string; label: string; type: string; value: string | number | boolean; valueLabel: string | null }[];
  name: string | null;
  anonymous: boolean;
  mobile: string | null;
  source: string;
  rating: number | null;
  ratingComment: string | null;
  reopenedCount: number;
  attachments: OwnerAttachment[];
  messages: PublicMessage[];
  history: OwnerHistoryItem[];
  actions: { key: string; title: string }[];
  canAddInfo: boolean;
  satisfactionWindowEnd: string | null;
}

// ---- staff (server/queries.ts listComplaints, server/present.ts presentComplaintForStaff, server/stats.ts) ----

/** One line of the staff list: the server's type as it arrives over JSON (dates as ISO strings). */
export type StaffListItem = Jsonified<ComplaintListItem>;

export interface StaffAction {
  key: string;
  title: string;
  requireComment: boolean;
  requireDocument: boolean;
  assigns: 'required' | 'optional' | null;
  needsDuplicateOf: boolean;
}

export interface StaffMessage {
  id: number;
  kind: 'reply' | 'note' | 'citizen' | 'info_request';
  kindTitle: string;
  body: string;
  internal: boolean;
  author: string;
  documentIds: string[];
  createdAt: string;
}

export interface StaffAttachment {
  documentId: string;
  filename: string;
  mime: string;
  size: number;
  isPublic: boolean;
  addedBy: string | null;
  createdAt: string;
}

export interface StaffHistoryItem {
  seq: number;
  action: string;
  actionTitle: string;
  fromState: string | null;
  fromStateTitle: string | null;
  toState: string;
  toStateTitle: string;
  actor: string;
  assignee: string | null;
  comment: string | null;
  documentIds: string[];
  at: string;
}

export interface AssignableUser {
  id: number;
  displayName: string;
  roles: string[];
}

export interface ResponseTemplate {
  id: number;
  categoryId: number | null;
  title: string;
  body: string;
}

export interface StaffCase {
  id: string;
  caseId: string;
  trackingCode: string;
  kind: ComplaintKind;
  kindTitle: string;
  category: { id: number; name: string; parentId: number | null; office: ResponsibleOffice; slaDays: number };
  place: { id: number; name: string; chain: string; lat: number | null; lon: number | null; address: string | null };
  subject: string;
  body: string;
  answers: Record<string, string | number | boolean>;
  source: 'web' | 'open311';
  citizen: { name: string | null; mobile: string | null; anonymous: boolean; hidden: boolean };
  state: ComplaintState;
  stateTitle: string;
  version: number;
  dueAt: string | null;
  overdue: boolean;
  escalated: number;
  assignee: { id: number; name: string } | null;
  rating: number | null;
  ratingComment: string | null;
  reopenedCount: number;
  duplicateOf: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  messages: StaffMessage[];
  attachments: StaffAttachment[];
  history: StaffHistoryItem[];
  actions: StaffAction[];
  templates: ResponseTemplate[];
  assignees: AssignableUser[];
}

export interface Stats {
  total: number;
  open: number;
  overdue: number;
  byState: { state: ComplaintState; title: string; count: number }[];
  byCategory: { id: number; name: string; count: number }[];
  byProvince: { id: number; name: string; count: number }[];
  byMonth: { year: number; month: number; label: string; count: number }[];
  sla: { answered: number; withDeadline: number; onTime: number; compliance: number | null };
  answerTime: { avgWorkingDays: number | null; avgHours: number | null };
  satisfaction: { rated: number; average: number | null; distribution: Record<string, number> };
  reopen: { reopened: number; rate: number | null };
}
