// The site registry's commands: register, edit (back to verification), review, and the checks they share. Every
// change is one transaction with its workflow step, status history and audit event.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authorize, can } from '../../../core/access/policy.js';
import { SYSTEM_ACTOR } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { Db, DbOrTx, Tx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import { openCase, transition, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { SiteInput } from '../contract.js';
import { landfillSites, landfillStatusHistory } from './schema.js';
import { landfillSiteWorkflow } from './workflow.js';

export type SiteRow = typeof landfillSites.$inferSelect;
export interface LoadedSite {
  site: SiteRow;
  case: WorkflowCase;
}

/** The levels a site may be placed at: a district governorate verifies it, so never above a district. */
export const SITE_LEVELS = ['district', 'rural_district', 'village'] as const;

const SITE_NOUN = 'محل دفن';
const fieldError = (code: string, message: string, path: string) =>
  new AppError(400, code, message, undefined, { errors: [{ path: `body.${path}`, message }] });

/** The site with its case, if it exists and `actor` may use `permission` on it; else 404 (out of scope looks absent). */
export async function loadSite(db: DbOrTx, actor: Actor, id: number, permission: 'landfills.read' | 'landfills.edit' = 'landfills.read', lock = false): Promise<LoadedSite> {
  const q = db.select({ site: landfillSites, case: wfCases }).from(landfillSites).innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId)).where(eq(landfillSites.id, id));
  const [found] = lock ? await q.for('update', { of: landfillSites }) : await q;
  if (!found || !can(actor, permission, found.site.divisionPath)) throw notFound(SITE_NOUN);
  return found;
}

/** The division a site is placed at: it exists, is a district or below, and lies in the editor's scope. */
export async function checkDivision(tx: DbOrTx, actor: Actor, divisionId: number): Promise<{ id: number; path: string }> {
  const [d] = await tx.select({ id: orgDivisions.id, path: orgDivisions.path, level: orgDivisions.level }).from(orgDivisions).where(eq(orgDivisions.id, divisionId));
  if (!d || !(SITE_LEVELS as readonly string[]).includes(d.level)) throw fieldError('division_invalid', 'محل باید یک روستا، دهستان یا بخش باشد.', 'divisionId');
  if (!can(actor, 'landfills.edit', d.path)) throw fieldError('division_out_of_scope', 'این محل در حوزه کاری شما نیست.', 'divisionId');
  return { id: d.id, path: d.path };
}

async function checkVillages(tx: DbOrTx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.select({ id: orgDivisions.id }).from(orgDivisions).where(and(inArray(orgDivisions.id, ids), eq(orgDivisions.level, 'village')));
  if (found.length !== new Set(ids).size) throw fieldError('villages_invalid', 'روستاهای تحت پوشش باید از فهرست روستاها انتخاب شوند.', 'servedVillageIds');
}

/**
 * Attachments: files the editor uploaded himself and that are not placed yet, or files already on this site. New
 * ones are placed at the site's division so reviewers in scope may open them.
 */
async function checkDocuments(tx: DbOrTx, actor: Actor, ids: string[], path: string, current: string[] = []): Promise<void> {
  const fresh = [...new Set(ids)].filter((id) => !current.includes(id));
  if (!fresh.length) return;
  if (actor.id == null) throw fieldError('attachment_invalid', 'پیوست معتبر نیست.', 'documentIds');
  const owned = await tx.select({ id: docFiles.id }).from(docFiles).where(and(inArray(docFiles.id, fresh), eq(docFiles.ownerId, actor.id), or(isNull(docFiles.divisionPath), eq(docFiles.divisionPath, path))));
  if (owned.length !== fresh.length) throw fieldError('attachment_invalid', 'پیوست‌ها باید فایل‌هایی باشند که خودتان بارگذاری کرده‌اید.', 'documentIds');
  await tx.update(docFiles).set({ divisionPath: path }).where(inArray(docFiles.id, fresh));
}

/** The stored columns of an input (what an edit compares and writes). */
export function siteValues(input: SiteInput, division: { id: number; path: string }) {
  return {
    externalId: input.externalId, name: input.name, kind: input.kind, status: input.status, lat: input.lat, lon: input.lon,
    divisionId: division.id, divisionPath: division.path, operator: input.operator, startYear: input.startYear, areaM2: input.areaM2,
    capacity: input.capacity, capacityUnit: input.capacityUnit, fillPercent: input.fillPercent, dailyIntakeT: input.dailyIntakeT,
    designIntakeT: input.designIntakeT, servedVillageIds: [...new Set(input.servedVillageIds)], distWaterM: input.distWaterM,
    distSettlementM: input.distSettlementM, distRoadM: input.distRoadM, groundwaterDepthM: input.groundwaterDepthM, soilNotes: input.soilNotes,
    flags: input.flags, populationExposed: input.populationExposed, requiredFundingMrial: input.requiredFundingMrial, documentIds: [...new Set(input.documentIds)],
  };
}
type SiteValues = ReturnType<typeof siteValues>;

/** The fields whose value differs (arrays compared as sets); empty = nothing to save. */
export function changedFields(site: SiteRow, next: SiteValues): string[] {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].map(String).sort().join('\u0000') === [...b].map(String).sort().join('\u0000') : a === b;
  return (Object.keys(next) as (keyof SiteValues)[]).filter((k) => !same(site[k], next[k]));
}

const externalTaken = () => conflict('external_id_taken', 'شناسه خارجی تکراری است: محل دیگری با همین شناسه ثبت شده است.');

/** Registers a site and opens its verification case at its division. Returns the new id. */
export async function createSite(db: Db | Tx, actor: Actor, input: SiteInput): Promise<number> {
  authorize(actor, 'landfills.edit');
  try {
    return await db.transaction(async (tx) => {
      const division = await checkDivision(tx, actor, input.divisionId);
      await checkVillages(tx, input.servedVillageIds);
      await checkDocuments(tx, actor, input.documentIds, division.path);
      const c = await openCase(tx, { definition: landfillSiteWorkflow, divisionId: division.id, title: input.name, actor });
      const [site] = await tx.insert(landfillSites).values({ ...siteValues(input, division), caseId: c.id, createdById: actor.id }).returning({ id: landfillSites.id });
      await tx.update(wfCases).set({ subjectRef: `landfill:${site!.id}` }).where(eq(wfCases.id, c.id));
      await tx.insert(landfillStatusHistory).values({ siteId: site!.id, fromStatus: null, toStatus: input.status, actorId: actor.id, note: '' });
      await appendAudit(tx, actor, { action: 'landfills.site.create', entityType: 'landfill_site', entityId: String(site!.id), divisionPath: division.path, data: { name: input.name, externalId: input.externalId } });
      return site!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'landfill_sites_external_id', 'external_id')) throw externalTaken();
    throw e;
  }
}

/**
 * Saves an edit. `expectedVersion` is the version the editor saw (null: an import, which overwrites). A change sends
 * the record back to the district for verification (`resubmit` when it was returned, else `amend`). Returns the
 * changed fields (empty: nothing to do, nothing written).
 */
export async function updateSite(db: Db | Tx, actor: Actor, id: number, input: SiteInput, opts: { expectedVersion: number | null; statusNote?: string }): Promise<string[]> {
  try {
    return await db.transaction(async (tx) => {
      const { site, case: c } = await loadSite(tx, actor, id, 'landfills.edit', true);
      if (opts.expectedVersion != null && site.version !== opts.expectedVersion) throw conflict('version_conflict', 'این رکورد را کس دیگری همین حالا تغییر داده است.');
      if (c.state === 'removed') throw conflict('site_removed', 'این محل حذف شده است و ویرایش نمی‌شود.');
      const division = input.divisionId === site.divisionId ? { id: site.divisionId, path: site.divisionPath } : await checkDivision(tx, actor, input.divisionId);
      const next = siteValues(input, division);
      const changed = changedFields(site, next);
      if (!changed.length) return [];
      if (changed.includes('servedVillageIds')) await checkVillages(tx, next.servedVillageIds);
      await checkDocuments(tx, actor, next.documentIds, division.path, site.documentIds);
      await tx.update(landfillSites).set({ ...next, version: sql`${landfillSites.version} + 1`, updatedAt: new Date() }).where(eq(landfillSites.id, id));
      if (next.status !== site.status) {
        await tx.insert(landfillStatusHistory).values({ siteId: id, fromStatus: site.status, toStatus: next.status, actorId: actor.id, note: opts.statusNote ?? '' });
      }
      if (division.path !== site.divisionPath) await tx.update(wfCases).set({ divisionId: division.id, divisionPath: division.path }).where(eq(wfCases.id, c.id));
      if (c.state !== 'submitted') {
        await transition(tx, { caseId: c.id, action: c.state === 'returned' ? 'resubmit' : 'amend', actor: SYSTEM_ACTOR, expectedVersion: c.version, comment: `ویرایش: ${changed.length.toLocaleString('fa-IR')} مورد` });
      }
      await appendAudit(tx, actor, { action: 'landfills.site.update', entityType: 'landfill_site', entityId: String(id), divisionPath: division.path, data: { changed, from: pick(site, changed), to: pick(next, changed) } });
      return changed;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'landfill_sites_external_id', 'external_id')) throw externalTaken();
    throw e;
  }
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}

/** A reviewer's step on the site's verification case; `version` is the site's version the reviewer saw. */
export async function reviewSite(db: Db, actor: Actor, id: number, input: { action: string; version: number; comment?: string | null | undefined }): Promise<void> {
  if (!Object.hasOwn(landfillSiteWorkflow.actions, input.action) || landfillSiteWorkflow.actions[input.action as keyof typeof landfillSiteWorkflow.actions].system) {
    throw badRequest('invalid_action', 'این اقدام برای ثبت محل دفن تعریف نشده است.');
  }
  await db.transaction(async (tx) => {
    const { site, case: c } = await loadSite(tx, actor, id, 'landfills.read', true);
    if (site.version !== input.version) throw conflict('version_conflict', 'این رکورد را کس دیگری همین حالا تغییر داده است.');
    await transition(tx, {
      caseId: c.id, action: input.action, actor, expectedVersion: c.version, comment: input.comment ?? null,
      apply: async (t) => {
        await t.update(landfillSites).set({ version: sql`${landfillSites.version} + 1`, updatedAt: new Date() }).where(eq(landfillSites.id, id));
      },
    });
  });
}
