import type { DivisionLevel } from '../org/schema.js';

/**
 * Every permission in the platform, written once. Policies grant them to roles; routes and queries ask for them.
 * Modules add theirs here (a permission is a core concept: the access layer must know all of them).
 */
export const PERMISSIONS = [
  'home.view',
  'divisions.read',
  'divisions.manage',
  'users.manage',
  'audit.read',
  'documents.read',
  'documents.upload',
  'workflow.act',
  'holidays.manage',
  'jobs.read',
  /** Complaints service settings: response templates (national grants only edit them). */
  'complaints.configure',
  /** Landfill registry: read sites and summaries in scope. */
  'landfills.read',
  /** Landfill registry: register, edit and import sites in scope. */
  'landfills.edit',
  /** Landfill decision support: planning scenarios and fund allocations in scope. */
  'landfills.plan',
  /** Grading rules: publish a new version of the grading instruction's tables. */
  'grading.rules',
  /** Instructor bank: publish a new version of the qualification criteria and edit the training taxonomy (national grants). */
  'instructors.criteria',
  /** Instructor bank: search the bank, plan courses and assign instructors, evaluate them (training units). */
  'instructors.courses',
  /** Festival: rounds (axes, rubric, dates), judges, the start of judging and the announcement; the spread report (national secretariat). */
  'festival.manage',
  /** Festival: score the entries assigned to him and declare conflicts of interest (judges). */
  'festival.judge',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

interface RoleSpec {
  /** Persian title shown to people. */
  title: string;
  /** The lowest division level the role may be bound to; `country` means national only. */
  levels: readonly (DivisionLevel | 'country')[];
  permissions: readonly Permission[];
}

const STAFF_BASE: Permission[] = ['home.view', 'divisions.read', 'documents.read', 'documents.upload', 'workflow.act'];
const LANDFILL_ALL: Permission[] = ['landfills.read', 'landfills.edit', 'landfills.plan'];

/** Roles of the platform, their Persian titles, where they may be bound, and what they may do. */
export const ROLES = {
  admin: { title: 'مدیر سامانه', levels: ['country'], permissions: [...STAFF_BASE, 'divisions.manage', 'users.manage', 'audit.read', 'holidays.manage', 'jobs.read', 'complaints.configure', 'landfills.read', 'grading.rules', 'instructors.criteria', 'festival.manage'] },
  inspector: { title: 'دفتر بازرسی', levels: ['country', 'province'], permissions: [...STAFF_BASE, 'audit.read', 'complaints.configure', 'landfills.read'] },
  'expert.municipal': { title: 'کارشناس معاونت امور شهری', levels: ['country', 'province'], permissions: STAFF_BASE },
  'expert.rural': { title: 'کارشناس معاونت امور دهیاری‌ها', levels: ['country', 'province'], permissions: [...STAFF_BASE, ...LANDFILL_ALL, 'festival.manage'] },
  'expert.training': { title: 'کارشناس مرکز مطالعات برنامه‌ریزی شهری و روستایی', levels: ['country', 'province'], permissions: [...STAFF_BASE, 'instructors.criteria', 'instructors.courses'] },
  'training.unit': { title: 'واحد آموزش', levels: ['country', 'province'], permissions: [...STAFF_BASE, 'instructors.courses'] },
  'training.committee': { title: 'کمیته تشخیص صلاحیت مدرسان', levels: ['country'], permissions: ['home.view', 'divisions.read', 'documents.read', 'workflow.act'] },
  'province.reviewer': { title: 'کارشناس استانداری', levels: ['province'], permissions: [...STAFF_BASE, ...LANDFILL_ALL] },
  'district.reviewer': { title: 'کارشناس بخشداری', levels: ['district'], permissions: [...STAFF_BASE, 'landfills.read', 'landfills.edit'] },
  municipality: { title: 'کارشناس شهرداری', levels: ['city'], permissions: STAFF_BASE },
  dehyari: { title: 'دهیار', levels: ['village'], permissions: [...STAFF_BASE, 'landfills.read', 'landfills.edit'] },
  'grading.committee': { title: 'کارگروه درجه‌بندی', levels: ['country'], permissions: ['home.view', 'divisions.read', 'documents.read', 'workflow.act'] },
  // No documents.read: a judge reads only the documents of the entries assigned to him (the festival module's document reader).
  judge: { title: 'داور جشنواره', levels: ['country', 'province'], permissions: ['home.view', 'divisions.read', 'festival.judge'] },
  citizen: { title: 'شهروند', levels: ['country'], permissions: ['documents.upload'] },
} as const satisfies Record<string, RoleSpec>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** True when `name` is a role of the platform. */
export function isRole(name: string): name is Role {
  return Object.hasOwn(ROLES, name);
}
