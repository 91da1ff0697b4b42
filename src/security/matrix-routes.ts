// The route map of the access matrix (access-matrix.test.ts): which record kind each route's path parameter names,
// the routes with no scope and why, valid bodies for the writes on records, and the routes left out.
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../core/db/client.js';
import type { KindKey, MatrixRecord } from './records.js';

/** Which record kind the (first) path parameter of each route names. A route with a parameter must be here or in NOT_SCOPED. */
export const BIND: Record<string, KindKey> = {
  '/api/v1/documents/:id': 'document',
  '/api/v1/cases/:id': 'case',
  '/api/v1/cases/:id/transitions': 'case',
  '/api/v1/complaints/mine/:code': 'complaintCode',
  '/api/v1/complaints/mine/:code/documents/:documentId': 'complaintCode',
  '/api/v1/complaints/mine/:code/info': 'complaintCode',
  '/api/v1/complaints/mine/:code/rate': 'complaintCode',
  '/api/v1/complaints/mine/:code/reopen': 'complaintCode',
  '/api/v1/complaints/mine/:code/withdraw': 'complaintCode',
  '/api/v1/complaints/:id': 'complaint',
  '/api/v1/complaints/:id/actions': 'complaint',
  '/api/v1/complaints/:id/notes': 'complaint',
  '/api/v1/amriyeh/applications/mine/:id': 'amriyehMine',
  '/api/v1/amriyeh/applications/mine/:id/withdraw': 'amriyehMine',
  '/api/v1/amriyeh/letters/:number': 'amriyehLetter',
  '/api/v1/amriyeh/letters/:number/revoke': 'amriyehLetter',
  '/api/v1/amriyeh/stations/:id/confirm': 'amriyehStation',
  '/api/v1/amriyeh/applications/:id': 'amriyehApplication',
  '/api/v1/amriyeh/applications/:id/review': 'amriyehApplication',
  '/api/v1/landfills/sites/:id': 'landfillSite',
  '/api/v1/landfills/sites/:id/review': 'landfillSite',
  '/api/v1/landfills/imports/:id': 'landfillImport',
  '/api/v1/landfills/imports/:id/report.csv': 'landfillImport',
  '/api/v1/landfills/scenarios/:id': 'landfillScenario',
  '/api/v1/landfills/scenarios/:id/progress': 'landfillScenario',
  '/api/v1/landfills/scenarios/:id/:file': 'landfillScenario',
  '/api/v1/landfills/allocations/:id': 'landfillAllocation',
  '/api/v1/landfills/allocations/:id/export.csv': 'landfillAllocation',
  '/api/v1/grading/sheets/:id': 'gradingSheet',
  '/api/v1/grading/requests/:id': 'gradingRequest',
  '/api/v1/grading/requests/:id/withdraw': 'gradingRequest',
  '/api/v1/grading/requests/:id/review': 'gradingRequest',
  '/api/v1/instructors/me/applications/:id/resubmit': 'instructorMine',
  '/api/v1/instructors/me/applications/:id/withdraw': 'instructorMine',
  '/api/v1/instructors/applications/:id': 'instructorApplication',
  '/api/v1/instructors/applications/:id/review': 'instructorApplication',
  '/api/v1/instructors/profiles/:id': 'instructorProfile',
  '/api/v1/instructors/profiles/:id/certificate': 'instructorProfile',
  '/api/v1/instructors/courses/:id': 'course',
  '/api/v1/instructors/courses/:id/candidates': 'course',
  '/api/v1/instructors/courses/:id/assignments': 'course',
  '/api/v1/instructors/courses/:id/assignments/:assignmentId': 'course',
  '/api/v1/instructors/courses/:id/held': 'course',
  '/api/v1/instructors/courses/:id/close': 'course',
  '/api/v1/instructors/courses/:id/cancel': 'course',
  '/api/v1/instructors/assignments/:id/evaluation': 'courseAssignment',
  '/api/v1/festival/mine/entries/:id': 'festivalMine',
  '/api/v1/festival/mine/entries/:id/submit': 'festivalMine',
  '/api/v1/festival/mine/entries/:id/resubmit': 'festivalMine',
  '/api/v1/festival/mine/entries/:id/withdraw': 'festivalMine',
  '/api/v1/festival/entries/:id': 'festivalEntry',
  '/api/v1/festival/entries/:id/screen': 'festivalEntry',
  '/api/v1/festival/judging/:entryId': 'judging',
  '/api/v1/festival/judging/:entryId/score': 'judging',
  '/api/v1/festival/judging/:entryId/conflict': 'judging',
  '/api/v1/festival/mine/questions/:id/answer': 'festivalQuestion',
};

/**
 * Routes whose parameter names no record placed in the divisions tree, so there is no "out of scope" for it; the
 * role matrix still covers them, and GETs among them are checked for out-of-scope records in their bodies.
 */
export const NOT_SCOPED: Record<string, string> = {
  '/api/v1/holidays/:day': 'the national holiday calendar (holidays.manage, national)',
  '/api/v1/complaints/templates/:templateId': 'national response templates (complaints.configure)',
  '/api/v1/amriyeh/calls/:id/state': 'an amriyeh call is national; its stations and applications are scoped',
  '/api/v1/amriyeh/calls/:id/seed': 'national call',
  '/api/v1/amriyeh/calls/:id/stations/manage': 'national call; the stations listed are checked by the body check',
  '/api/v1/amriyeh/calls/:id/stations': 'national call; the station declared is the dehyar\'s own',
  '/api/v1/amriyeh/calls/:id/caps': 'national call; caps are per province of the caller',
  '/api/v1/amriyeh/calls/:id/runs': 'national call; a run covers the caller\'s province',
  '/api/v1/amriyeh/calls/:id/letters': 'national call; letters of the caller\'s province',
  '/api/v1/instructors/fields/:key': 'the national training taxonomy',
  '/api/v1/festival/rounds/:id': 'a festival round is national (festival.manage)',
  '/api/v1/festival/rounds/:id/open': 'national round',
  '/api/v1/festival/rounds/:id/judges': 'national round',
  '/api/v1/festival/rounds/:id/start-judging': 'national round',
  '/api/v1/festival/rounds/:id/fill-panels': 'national round',
  '/api/v1/festival/rounds/:id/results': 'national round',
  '/api/v1/festival/rounds/:id/announce': 'national round',
  '/api/v1/showcase/:id/replicate': 'showcase plans are public; any staff may mark one',
  '/api/v1/showcase/:id/questions': 'showcase plans are public; any staff may ask',
};

/**
 * Valid bodies for the writes on records, so a refusal comes from the scope check and not from validation (the
 * versions are the record's current ones). A write without one here may be refused with 400 (listed in LOOSE).
 */
export const BODIES: Record<string, (r: MatrixRecord, db: DbOrTx) => Promise<object> | object> = {
  'POST /api/v1/cases/:id/transitions': (r) => ({ action: 'approve', expectedVersion: r.caseVersion ?? 1, comment: 'آزمون دسترسی' }),
  'POST /api/v1/complaints/:id/actions': (r) => ({ action: 'answer', expectedVersion: r.caseVersion ?? 1, comment: 'آزمون دسترسی' }),
  'POST /api/v1/complaints/:id/notes': () => ({ body: 'آزمون دسترسی' }),
  'POST /api/v1/complaints/mine/:code/info': () => ({ body: 'آزمون دسترسی' }),
  'POST /api/v1/complaints/mine/:code/rate': () => ({ rating: 5 }),
  'POST /api/v1/complaints/mine/:code/reopen': () => ({ reason: 'آزمون دسترسی' }),
  'POST /api/v1/amriyeh/applications/:id/review': (r) => ({ action: 'district_approve', expectedVersion: r.caseVersion ?? 1, comment: 'آزمون دسترسی' }),
  'POST /api/v1/amriyeh/letters/:number/revoke': () => ({ reason: 'آزمون دسترسی' }),
  'POST /api/v1/amriyeh/stations/:id/confirm': () => ({ seats: 1 }),
  'POST /api/v1/landfills/sites/:id/review': (r) => ({ action: 'district_verify', version: r.version ?? 0, comment: 'آزمون دسترسی' }),
  'PUT /api/v1/landfills/sites/:id': async (r, db) => {
    const [x] = await rows<{ name: string; kind: string; status: string; lat: number; lon: number; division_id: number }>(db, sql`select name, kind, status, lat, lon, division_id from landfill_sites where id = ${Number(r.id)}`);
    return { name: x!.name + ' (تغییر)', kind: x!.kind, status: x!.status, lat: x!.lat, lon: x!.lon, divisionId: x!.division_id, version: r.version ?? 0 };
  },
  'POST /api/v1/grading/requests/:id/review': (r) => ({ action: 'province_forward', version: r.caseVersion ?? 1, comment: 'آزمون دسترسی' }),
  'PUT /api/v1/grading/requests/:id': () => ({ values: {}, justification: 'آزمون دسترسی' }),
  'POST /api/v1/instructors/applications/:id/review': (r) => ({ action: 'expert_return', version: r.caseVersion ?? 1, comment: 'آزمون دسترسی' }),
  'POST /api/v1/instructors/assignments/:id/evaluation': () => ({ scores: { content: 5, delivery: 5, punctuality: 5, materials: 5 } }),
  'POST /api/v1/instructors/courses/:id/assignments': () => ({ profileId: 1, hours: 1 }),
  'POST /api/v1/instructors/courses/:id/cancel': () => ({ reason: 'آزمون دسترسی' }),
  'POST /api/v1/festival/entries/:id/screen': (r) => ({ action: 'province_accept', expectedVersion: r.caseVersion ?? 1, comment: '' }),
  'POST /api/v1/festival/judging/:entryId/conflict': () => ({ reason: 'آزمون دسترسی' }),
  'PUT /api/v1/festival/judging/:entryId/score': () => ({ criteria: {}, version: 0 }),
  'POST /api/v1/festival/mine/entries/:id/submit': (r) => ({ version: r.version ?? 1 }),
  'POST /api/v1/festival/mine/entries/:id/resubmit': (r) => ({ version: r.version ?? 1 }),
  'POST /api/v1/festival/mine/entries/:id/withdraw': (r) => ({ version: r.version ?? 1 }),
  'PUT /api/v1/festival/mine/entries/:id': (r) => ({ plan: { title: 'آزمون دسترسی' }, version: r.version ?? 1 }),
  'POST /api/v1/festival/mine/questions/:id/answer': () => ({ answer: 'آزمون دسترسی' }),
  'PUT /api/v1/instructors/me/applications/:id/resubmit': () => ({}),
};
/** Writes whose full body is too large to build here (a whole application form): a 400 also counts as refused, the record must still be unchanged. */
export const LOOSE = new Set(['PUT /api/v1/amriyeh/applications/mine/:id']);

export const FAKE = '00000000-0000-0000-0000-000000000000';
/** Extra path parameters of two-parameter routes (the first one is the bound record). */
export const SECOND: Record<string, string> = { file: 'input.json', documentId: FAKE, assignmentId: '1' };
/** Logging out would end the session the rest of the matrix needs; logout invalidation is the auth suite's part. */
export const SKIP = new Set(['POST /api/v1/auth/logout']);
