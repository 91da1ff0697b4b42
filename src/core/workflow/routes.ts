import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import { appendAudit } from '../audit/audit.js';
import { formatJalaliDate, tehranDateKey, zFaText, zJalaliDate } from '../fa/index.js';
import type { AppContext } from '../http/context.js';
import { conflict, notFound } from '../http/errors.js';
import { WF_FA } from './fa.js';
import { invalidateHolidays } from './calendar.js';
import { getWorkflow, stateTitle } from './definition.js';
import { availableActions, caseHistory, getCase, transition, type WorkflowCase } from './engine.js';
import { inbox } from './inbox.js';
import { wfHolidays } from './schema.js';

export const InboxQuerySchema = z.object({
  definition: z.string().max(100).optional(),
  state: z.string().max(100).optional(),
  overdueOnly: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const CaseParams = z.object({ id: z.string().max(64) });
export const TransitionCreate = z.object({
  action: z.string().min(1).max(100),
  expectedVersion: z.number().int().min(1),
  comment: z.string().trim().max(4000).optional(),
  documentIds: z.array(z.uuid()).max(10).optional(),
  /** For an action that assigns (see `actions[].assigns`): the user who holds the case next. */
  assigneeId: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
});
export const HolidayCreate = z.object({ day: zJalaliDate, title: zFaText(100) });
const HolidayParams = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** A case is visible to its creator and to staff whose workflow scope contains it; to anyone else it does not exist. */
async function visibleCase(db: AppContext['db'], id: string, actor: Actor): Promise<WorkflowCase> {
  const c = await getCase(db, id);
  if (!c || !(c.createdById === actor.id || can(actor, 'workflow.act', c.divisionPath))) throw notFound('پرونده');
  return c;
}

/** How a case is shown: its state's title, what the actor may do now, and when it is due. */
function presentCase(c: WorkflowCase, actor: Actor) {
  const def = getWorkflow(c.definition);
  return {
    ...c,
    stateTitle: stateTitle(def, c.state),
    // A service-routes-only case is moved from its service's pages: offering its actions here would invite a 409.
    actions: (def.serviceRoutesOnly ? [] : availableActions(c, actor)).map((key) => ({ key, title: def.actions[key]!.title, requireComment: !!def.actions[key]!.requireComment, requireDocument: !!def.actions[key]!.requireDocument, assigns: def.actions[key]!.assigns ?? null })),
  };
}

/** The generic case API of the workflow engine (inbox, case with history, transitions) and the holiday calendar. */
export function workflowRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    app.get('/api/v1/inbox', { config: { access: { permission: 'workflow.act' } }, schema: { tags: ['workflow'], querystring: InboxQuerySchema } }, async (request) => inbox(db, request.actor!, request.query));

    app.get('/api/v1/cases/:id', { config: { access: 'authenticated' }, schema: { tags: ['workflow'], params: CaseParams } }, async (request) => {
      const c = await visibleCase(db, request.params.id, request.actor!);
      return { case: presentCase(c, request.actor!), history: await caseHistory(db, c.id) };
    });

    app.post('/api/v1/cases/:id/transitions', { config: { access: 'authenticated' }, schema: { tags: ['workflow'], params: CaseParams, body: TransitionCreate } }, async (request) => {
      const actor = request.actor!;
      const c = await visibleCase(db, request.params.id, actor);
      if (getWorkflow(c.definition).serviceRoutesOnly) throw conflict('use_service_route', WF_FA.useServiceRoute);
      const updated = await transition(db, { caseId: c.id, actor, ...request.body });
      return { case: presentCase(updated, actor) };
    });

    app.get('/api/v1/holidays', { config: { access: 'authenticated' }, schema: { tags: ['workflow'] } }, async () => {
      const items = await db.select().from(wfHolidays).orderBy(asc(wfHolidays.day));
      return { items: items.map((h) => ({ ...h, jalali: formatJalaliDate(`${h.day}T12:00:00+03:30`) })) };
    });

    app.post('/api/v1/holidays', { config: { access: { permission: 'holidays.manage' } }, schema: { tags: ['workflow'], body: HolidayCreate } }, async (request, reply) => {
      const day = tehranDateKey(request.body.day);
      await db.transaction(async (tx) => {
        await tx.insert(wfHolidays).values({ day, title: request.body.title }).onConflictDoUpdate({ target: wfHolidays.day, set: { title: request.body.title } });
        await appendAudit(tx, request.actor, { action: 'holiday.set', entityType: 'holiday', entityId: day, data: { title: request.body.title } });
      });
      invalidateHolidays();
      return reply.status(201).send({ day, title: request.body.title });
    });

    app.delete('/api/v1/holidays/:day', { config: { access: { permission: 'holidays.manage' } }, schema: { tags: ['workflow'], params: HolidayParams } }, async (request, reply) => {
      const removed = await db.transaction(async (tx) => {
        const r = await tx.delete(wfHolidays).where(eq(wfHolidays.day, request.params.day)).returning();
        if (r.length) await appendAudit(tx, request.actor, { action: 'holiday.remove', entityType: 'holiday', entityId: request.params.day, data: { title: r[0]!.title } });
        return r.length;
      });
      if (!removed) throw notFound('تعطیلی');
      invalidateHolidays();
      return reply.status(204).send();
    });
  };
}
