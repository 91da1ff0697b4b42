import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../core/audit/audit.js';
import { zFaText } from '../../../core/fa/zod.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import type { AppContext } from '../../../core/http/context.js';
import { AppError, notFound, tooMany } from '../../../core/http/errors.js';
import { sendExport } from '../../../core/http/export.js';
import { MissLimiter } from '../../../core/http/miss-limiter.js';
import { AssignInput, COURSE_MODES, COURSE_STATES, CourseCreate, EvaluationInput, INSTRUCTOR_STATUSES, RatingSubmit, zFieldKey } from '../contract.js';
import { BANK_COLUMNS, bankExportRows, requireViewer, searchBank, staffProfileView } from './bank.js';
import { assignInstructor, cancelCourse, closeCourse, markHeld, unassignInstructor } from './course-steps.js';
import { candidates, courseView, createCourse, listCourses } from './courses.js';
import { CFA } from './fa-courses.js';
import { courseOfToken, evaluateAssignment, ratingPage, submitRatings } from './ratings.js';
import { coverageTable, reports } from './reports.js';
import { originOf } from '../../../core/http/origin.js';

const tags = ['instructors'];
const INT_MAX = 2_147_483_647;
const zId = z.coerce.number().int().positive().max(INT_MAX);
const IdParam = z.object({ id: zId });
const TokenParam = z.object({ token: z.string().max(100) });
const zPage = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };
const zSort = z.enum(['score', 'rating', 'name']);
const zMinScore = z.coerce.number().min(0).max(100);
const zMinRating = z.coerce.number().min(1).max(5);
const BankFilters = z.object({
  field: zFieldKey.optional(),
  provinceId: zId.optional(),
  minScore: zMinScore.optional(),
  minRating: zMinRating.optional(),
  mode: z.enum(COURSE_MODES).optional(),
  status: z.enum([...INSTRUCTOR_STATUSES, 'all']).default('qualified'),
  q: z.string().max(100).optional(),
  sort: zSort.default('score'),
});
const STAFF = { access: 'staff' as const };
const COURSES = { access: { permission: 'instructors.courses' as const } };

/**
 * Guessing defence of the public rating link: wrong links per client (IP), and wrong trainee codes per client and
 * link — a classroom behind one address mistyping codes stops only itself on its own course, and a guesser gets a
 * few dozen tries at a code space of 31⁶ per course.
 */
const LINK_MISSES = { max: 20, windowMs: 10 * 60_000 };
const CODE_MISSES = { max: 30, windowMs: 10 * 60_000 };

/** Bank search, courses, ratings and reports routes (see api-types.ts). */
export function courseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const linkMisses = new MissLimiter(db, 'rating-link', LINK_MISSES);
  const codeMisses = new MissLimiter(db, 'rating-code', CODE_MISSES);
  const today = () => formatJalaliDate(new Date()).replaceAll('/', '-');

  /** Runs a public rating lookup: refused while the client is blocked; an unknown link or a wrong code is a miss. */
  async function guarded<T>(request: FastifyRequest, token: string, run: () => Promise<T>): Promise<T> {
    const codeKey = `${request.ip} ${token}`;
    const wait = (await linkMisses.blockedFor(request.ip)) ?? (await codeMisses.blockedFor(codeKey));
    if (wait !== null) throw tooMany(wait);
    try {
      return await run();
    } catch (e) {
      if (e instanceof AppError && e.status === 404) await linkMisses.miss(request.ip);
      if (e instanceof AppError && e.code === 'code_invalid') await codeMisses.miss(codeKey);
      throw e;
    }
  }

  return async (app) => {
    // ---- public: trainees rate their instructors ---------------------------------------------------------------
    app.get('/api/v1/rate/:token', { config: { access: 'public' }, schema: { tags, params: TokenParam } }, async (request) =>
      guarded(request, request.params.token, async () => {
        const c = await courseOfToken(db, request.params.token);
        if (!c) throw notFound(CFA.ratingLinkNoun);
        return ratingPage(db, c);
      }));

    app.post('/api/v1/rate/:token', {
      config: { access: 'public', rateLimit: { max: 600, timeWindow: '10 minutes' } },
      schema: { tags, params: TokenParam, body: RatingSubmit },
    }, async (request) => guarded(request, request.params.token, () => submitRatings(db, request.params.token, request.body)));

    // ---- the bank ----------------------------------------------------------------------------------------------
    app.get('/api/v1/instructors/bank', { config: STAFF, schema: { tags, querystring: BankFilters.extend(zPage) } }, async (request) =>
      searchBank(db, request.actor!, request.query));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/instructors/bank/export.${format}`, { config: STAFF, schema: { tags, querystring: BankFilters } }, async (request, reply) => {
        requireViewer(request.actor!);
        await appendAudit(db, request.actor!, { action: 'instructors.bank.export', entityType: 'inst_profile', entityId: 'export', data: { format, filters: request.query } });
        return sendExport(reply, { format, filename: `${CFA.exportBankFile}-${today()}`, columns: BANK_COLUMNS, rows: bankExportRows(db, request.actor!, request.query) });
      });
    }

    app.get('/api/v1/instructors/profiles/:id', { config: STAFF, schema: { tags, params: IdParam } }, async (request) =>
      staffProfileView(db, request.actor!, request.params.id));

    // ---- courses -----------------------------------------------------------------------------------------------
    app.get('/api/v1/instructors/courses', {
      config: STAFF,
      schema: { tags, querystring: z.object({ state: z.enum(COURSE_STATES).optional(), field: zFieldKey.optional(), provinceId: zId.optional(), q: z.string().max(100).optional(), ...zPage }) },
    }, async (request) => listCourses(db, request.actor!, request.query));

    app.post('/api/v1/instructors/courses', { config: COURSES, schema: { tags, body: CourseCreate } }, async (request, reply) => {
      const id = await createCourse(db, request.actor!, request.body);
      return reply.status(201).send(await courseView(db, request.actor!, id, originOf(request)));
    });

    app.get('/api/v1/instructors/courses/:id', { config: STAFF, schema: { tags, params: IdParam } }, async (request) =>
      courseView(db, request.actor!, request.params.id, originOf(request)));

    app.get('/api/v1/instructors/courses/:id/candidates', {
      config: STAFF,
      schema: { tags, params: IdParam, querystring: z.object({ minScore: zMinScore.optional(), minRating: zMinRating.optional(), sort: zSort.default('score') }) },
    }, async (request) => candidates(db, request.actor!, request.params.id, request.query));

    app.post('/api/v1/instructors/courses/:id/assignments', { config: COURSES, schema: { tags, params: IdParam, body: AssignInput } }, async (request) => {
      await assignInstructor(db, request.actor!, request.params.id, request.body);
      return courseView(db, request.actor!, request.params.id, originOf(request));
    });

    app.delete('/api/v1/instructors/courses/:id/assignments/:assignmentId', {
      config: COURSES, schema: { tags, params: z.object({ id: zId, assignmentId: zId }) },
    }, async (request) => {
      await unassignInstructor(db, request.actor!, request.params.id, request.params.assignmentId);
      return courseView(db, request.actor!, request.params.id, originOf(request));
    });

    const steps = { held: markHeld, close: closeCourse } as const;
    for (const [step, run] of Object.entries(steps)) {
      app.post(`/api/v1/instructors/courses/:id/${step}`, { config: COURSES, schema: { tags, params: IdParam } }, async (request) => {
        await run(db, request.actor!, request.params.id);
        return courseView(db, request.actor!, request.params.id, originOf(request));
      });
    }

    app.post('/api/v1/instructors/courses/:id/cancel', { config: COURSES, schema: { tags, params: IdParam, body: z.object({ reason: zFaText(500) }) } }, async (request) => {
      await cancelCourse(db, request.actor!, request.params.id, request.body.reason);
      return courseView(db, request.actor!, request.params.id, originOf(request));
    });

    app.post('/api/v1/instructors/assignments/:id/evaluation', { config: COURSES, schema: { tags, params: IdParam, body: EvaluationInput } }, async (request) => {
      const courseId = await evaluateAssignment(db, request.actor!, request.params.id, request.body);
      return courseView(db, request.actor!, courseId, originOf(request));
    });

    // ---- reports -----------------------------------------------------------------------------------------------
    app.get('/api/v1/instructors/reports', { config: STAFF, schema: { tags, querystring: z.object({ provinceId: zId.optional() }) } }, async (request) =>
      reports(db, request.actor!, request.query.provinceId));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/instructors/reports/coverage.${format}`, { config: STAFF, schema: { tags, querystring: z.object({ provinceId: zId.optional() }) } }, async (request, reply) => {
        const { columns, rows } = coverageTable(await reports(db, request.actor!, request.query.provinceId));
        return sendExport(reply, { format, filename: `${CFA.exportCoverageFile}-${today()}`, columns, rows });
      });
    }
  };
}

