// The complaints service's contract: every enum once, and the zod schemas of its inputs, shared by server and web.
import { z } from 'zod';
import { zFaText } from '../../core/fa/zod.js';

export const COMPLAINT_KINDS = ['complaint', 'request', 'report', 'suggestion', 'appreciation'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const KIND_TITLES: Record<ComplaintKind, string> = {
  complaint: 'شکایت',
  request: 'درخواست',
  report: 'گزارش',
  suggestion: 'پیشنهاد',
  appreciation: 'قدردانی',
};

/** Who answers a category: the municipality of the city, the dehyari of the village, the governorate, or inspection. */
export const RESPONSIBLE_OFFICES = ['municipality', 'dehyari', 'governorate', 'inspection'] as const;
export type ResponsibleOffice = (typeof RESPONSIBLE_OFFICES)[number];
export const OFFICE_TITLES: Record<ResponsibleOffice, string> = {
  municipality: 'شهرداری',
  dehyari: 'دهیاری',
  governorate: 'فرمانداری / بخشداری',
  inspection: 'دفتر بازرسی',
};

/** An extra question of a category (an Open311 attribute). */
export const CategoryQuestion = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  label: z.string().min(1).max(200),
  type: z.enum(['text', 'number', 'select', 'boolean']),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string().max(50), label: z.string().max(100) })).max(30).optional(),
});
export type CategoryQuestion = z.infer<typeof CategoryQuestion>;

/** Workflow states of a complaint, with the Open311 status each maps to. */
export const COMPLAINT_STATES = ['submitted', 'in_progress', 'needs_info', 'answered', 'reopened', 'closed', 'rejected', 'duplicate', 'withdrawn'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const OPEN_STATES: readonly ComplaintState[] = ['submitted', 'in_progress', 'needs_info', 'answered', 'reopened'];

export const MAX_ATTACHMENTS = 5;
export const MAX_BODY = 4000;

/** What a citizen files (after signing in with the one-time code sent to the mobile). */
export const ComplaintCreate = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  categoryId: z.number().int().positive(),
  divisionId: z.number().int().positive(),
  lat: z.number().min(24).max(40).optional(),
  lon: z.number().min(44).max(64).optional(),
  address: z.string().trim().max(300).optional(),
  subject: zFaText(150),
  body: zFaText(MAX_BODY),
  answers: z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
  name: z.string().trim().max(100).optional(),
  anonymous: z.boolean().default(false),
  documentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
});
export type ComplaintCreate = z.infer<typeof ComplaintCreate>;

/** Similar open cases, asked before submitting. */
export const SimilarQuery = z.object({
  categoryId: z.coerce.number().int().positive(),
  divisionId: z.coerce.number().int().positive(),
  text: z.string().trim().min(3).max(MAX_BODY),
});

/** A tracking code: digits only (Persian digits accepted), 13 long (12 random + a Verhoeff check digit). */
export const TrackingCodeParam = z.object({ code: z.string().max(40) });

export const CitizenInfoCreate = z.object({ body: zFaText(MAX_BODY), documentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]) });
export const RatingCreate = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() });
export const ReopenCreate = z.object({ reason: zFaText(MAX_BODY), rating: z.number().int().min(1).max(5).optional() });

/** A staff action on a complaint. */
export const ComplaintActionCreate = z.object({
  action: z.string().min(1).max(50),
  expectedVersion: z.number().int().min(1),
  comment: z.string().trim().max(MAX_BODY).optional(),
  assigneeId: z.number().int().positive().optional(),
  /** For `mark_duplicate`: the tracking code of the original. */
  duplicateOf: z.string().max(40).optional(),
  documentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).optional(),
});
export const NoteCreate = z.object({ body: zFaText(MAX_BODY) });

/** The largest id of an integer column: larger ids are refused as input instead of failing in the database. */
const INT_MAX = 2_147_483_647;

/** Filters of the staff list and its export. */
export const ComplaintListQuery = z.object({
  state: z.enum(COMPLAINT_STATES).optional(),
  categoryId: z.coerce.number().int().positive().max(INT_MAX).optional(),
  kind: z.enum(COMPLAINT_KINDS).optional(),
  divisionId: z.coerce.number().int().positive().max(INT_MAX).optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  mine: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  sort: z.enum(['due', 'created', '-created']).default('due'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;
export const ExportQuery = ComplaintListQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const StatsQuery = z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional(), provinceId: z.coerce.number().int().positive().max(INT_MAX).optional() });

/** A response template (staff side). `categoryId` null = offered for every category. */
export const TemplateCreate = z.object({
  categoryId: z.number().int().positive().max(INT_MAX).nullable().default(null),
  title: zFaText(100),
  body: zFaText(MAX_BODY),
  active: z.boolean().default(true),
});
export type TemplateCreate = z.infer<typeof TemplateCreate>;
export const TemplateUpdate = z.object({
  categoryId: z.number().int().positive().max(INT_MAX).nullable().optional(),
  title: zFaText(100).optional(),
  body: zFaText(MAX_BODY).optional(),
  active: z.boolean().optional(),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;
/** Templates offered for a category (its own, its group's and the general ones); without it, all active ones. */
export const TemplateQuery = z.object({ categoryId: z.coerce.number().int().positive().max(INT_MAX).optional() });
