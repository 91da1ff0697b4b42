// Yearly indicator sheets: one per entity and year, written by the entity's own staff, values checked against the
// rule set in effect, supporting documents per indicator (the uploader's own files, placed at the entity), locked
// while a request on it is under review. Also the value and document checks the requests reuse.
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { AppError, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import type { DocumentRef, SheetView } from '../api-types.js';
import type { IndicatorValue, SheetInput } from '../contract.js';
import type { Subject } from '../enums.js';
import { canView, getEntity, isEntityStaff, type Entity } from './entities.js';
import { GFA } from './fa.js';
import { currentRuleSet, toRuleSetLike } from './rule-sets.js';
import { acceptedRangeText, evaluate, evaluateIndicator, missingDocuments, type RuleSetLike } from './rules.js';
import { gradingRequests, gradingSheets } from './schema.js';

export type SheetRow = typeof gradingSheets.$inferSelect;
export interface FieldIssue {
  path: string;
  message: string;
}

const problem = (status: number, code: string, title: string, errors: FieldIssue[]) =>
  new AppError(status, code, title, errors.map((e) => e.message).join(' '), { errors });

/** The rule set in effect now for a subject, as the engine takes it. */
export async function rulesNow(db: DbOrTx, subject: Subject, at = new Date()): Promise<RuleSetLike> {
  return toRuleSetLike(await currentRuleSet(db, subject, at));
}

/** Why one value is not acceptable for its indicator (wrong type, out of range, not a choice), or null. */
export function valueProblem(rules: RuleSetLike, key: string, value: IndicatorValue | undefined): string | null {
  const ind = rules.definition.indicators.find((i) => i.key === key);
  if (!ind || value === null || value === undefined) return null;
  if (!evaluateIndicator(ind, value).outOfRange) return null;
  if (ind.kind === 'choice') return GFA.notAChoice(ind.title);
  if (typeof value !== 'number') return GFA.notANumber(ind.title);
  return GFA.outOfRange(ind.title, acceptedRangeText(ind) ?? '');
}

/**
 * Values and documents keyed by indicator, checked against `rules`: a key the rules do not define → 400
 * `unknown_indicator`; a value of the wrong kind, outside its range or not in its choices → 400 `values_invalid`,
 * each with a Persian field error at `prefix.values.<key>` / `prefix.documents.<key>`.
 */
export function checkValues(rules: RuleSetLike, values: Record<string, IndicatorValue>, documents: Record<string, string[]>, prefix = 'body'): void {
  const known = new Set(rules.definition.indicators.map((i) => i.key));
  const unknown = [
    ...Object.keys(values).filter((k) => !known.has(k)).map((k) => ({ path: `${prefix}.values.${k}`, message: GFA.unknownIndicator(k) })),
    ...Object.keys(documents).filter((k) => !known.has(k)).map((k) => ({ path: `${prefix}.documents.${k}`, message: GFA.unknownIndicator(k) })),
  ];
  if (unknown.length) throw problem(400, 'unknown_indicator', GFA.unknownIndicatorTitle, unknown);
  const bad = Object.entries(values).flatMap(([k, v]) => {
    const message = valueProblem(rules, k, v);
    return message ? [{ path: `${prefix}.values.${k}`, message }] : [];
  });
  if (bad.length) throw problem(400, 'values_invalid', GFA.valuesInvalid, bad);
}

/** What a request still lacks: a value for each required indicator, a document for each that asks for evidence. */
export function completenessProblems(rules: RuleSetLike, values: Record<string, IndicatorValue>, documents: Record<string, string[]>): FieldIssue[] {
  return rules.definition.indicators.flatMap((ind) => {
    const out: FieldIssue[] = [];
    const v = values[ind.key];
    if (ind.required && (v === null || v === undefined)) out.push({ path: `values.${ind.key}`, message: GFA.missingValue(ind.title) });
    else if (v !== null && v !== undefined) {
      const message = valueProblem(rules, ind.key, v);
      if (message) out.push({ path: `values.${ind.key}`, message });
    }
    return out;
  }).concat(missingDocuments(rules.definition, documents).map((ind) => ({ path: `documents.${ind.key}`, message: GFA.missingDocument(ind.title, ind.evidence) })));
}

/** 422 `incomplete` with the missing pieces, when there are any. */
export function assertComplete(rules: RuleSetLike, values: Record<string, IndicatorValue>, documents: Record<string, string[]>): void {
  const missing = completenessProblems(rules, values, documents);
  if (missing.length) throw problem(422, 'incomplete', GFA.incomplete, missing);
}

/** Documents without duplicates or empty lists, keys sorted (what is stored). */
export function cleanDocuments(documents: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(documents).sort().flatMap((k) => {
    const ids = [...new Set(documents[k])];
    return ids.length ? [[k, ids]] : [];
  }));
}

/**
 * Supporting documents: files already attached (`current`), or files the actor uploaded himself that are not placed
 * elsewhere; the new ones are placed at the entity's division so its reviewers may open them. 400 `attachment_invalid`.
 */
export async function placeDocuments(tx: DbOrTx, actor: Actor, documents: Record<string, string[]>, path: string, current: Iterable<string> = []): Promise<void> {
  const have = new Set(current);
  const fresh = [...new Set(Object.values(documents).flat())].filter((id) => !have.has(id));
  if (!fresh.length) return;
  const owned = actor.id == null ? [] : await tx.select({ id: docFiles.id }).from(docFiles)
    .where(and(inArray(docFiles.id, fresh), eq(docFiles.ownerId, actor.id), or(isNull(docFiles.divisionPath), eq(docFiles.divisionPath, path))));
  if (owned.length !== fresh.length) {
    const key = Object.keys(documents).find((k) => documents[k]!.some((id) => !owned.some((o) => o.id === id)))!;
    throw problem(400, 'attachment_invalid', GFA.attachmentInvalid, [{ path: `body.documents.${key}`, message: GFA.attachmentInvalid }]);
  }
  await tx.update(docFiles).set({ divisionPath: path }).where(inArray(docFiles.id, fresh));
}

/** The entity of a subject at a division, which the actor must be staff of (400 when there is none, 403 when not his). */
export async function ownEntity(db: DbOrTx, actor: Actor, subject: Subject, divisionId: number): Promise<Entity> {
  const entity = await getEntity(db, subject, divisionId);
  if (!entity) throw problem(400, 'entity_invalid', GFA.entityInvalid(subject), [{ path: 'body.divisionId', message: GFA.entityInvalid(subject) }]);
  if (!isEntityStaff(actor, subject, entity.path)) throw forbidden(GFA.notOwnEntity(subject));
  return entity;
}

/** Is a request on this sheet open (the sheet is then locked)? */
async function isLocked(db: DbOrTx, sheetId: number): Promise<boolean> {
  const [r] = await db.select({ id: gradingRequests.id }).from(gradingRequests).where(and(eq(gradingRequests.sheetId, sheetId), isNull(gradingRequests.closedAt))).limit(1);
  return !!r;
}

/** Creates or replaces the entity's sheet of a year (its own staff only; 409 `sheet_locked` under review). Returns its id. */
export async function saveSheet(db: DbOrTx, actor: Actor, input: SheetInput): Promise<number> {
  const entity = await ownEntity(db, actor, input.subject, input.divisionId);
  const rules = await rulesNow(db, input.subject);
  checkValues(rules, input.values, input.documents);
  const documents = cleanDocuments(input.documents);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(gradingSheets)
      .where(and(eq(gradingSheets.subject, input.subject), eq(gradingSheets.divisionId, input.divisionId), eq(gradingSheets.year, input.year)))
      .for('update');
    if (existing && (await isLocked(tx, existing.id))) throw conflict('sheet_locked', GFA.sheetLocked);
    await placeDocuments(tx, actor, documents, entity.path, existing ? Object.values(existing.documents).flat() : []);
    const now = new Date();
    const [row] = await tx
      .insert(gradingSheets)
      .values({ subject: input.subject, divisionId: entity.divisionId, divisionPath: entity.path, year: input.year, values: input.values, documents, updatedById: actor.id, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [gradingSheets.subject, gradingSheets.divisionId, gradingSheets.year], set: { values: input.values, documents, divisionPath: entity.path, updatedById: actor.id, updatedAt: now } })
      .returning({ id: gradingSheets.id });
    await appendAudit(tx, actor, {
      action: existing ? 'grading.sheet.update' : 'grading.sheet.create', entityType: 'grading_sheet', entityId: row!.id, divisionPath: entity.path,
      data: { subject: input.subject, year: input.year, values: input.values },
    });
    return row!.id;
  });
}

/** A sheet the actor may see (the entity's staff and its reviewers in scope), or 404. */
export async function loadSheet(db: DbOrTx, actor: Actor, id: number): Promise<SheetRow> {
  const [s] = await db.select().from(gradingSheets).where(eq(gradingSheets.id, id));
  if (!s || !canView(actor, s.subject, s.divisionPath)) throw notFound(GFA.sheetNoun);
  return s;
}

/** Documents by indicator with their file names, in the stored order. */
export async function documentRefs(db: DbOrTx, documents: Record<string, string[]>): Promise<Record<string, DocumentRef[]>> {
  const ids = [...new Set(Object.values(documents).flat())];
  const found = ids.length ? await db.select({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size }).from(docFiles).where(inArray(docFiles.id, ids)) : [];
  const byId = new Map(found.map((d) => [d.id, d]));
  return Object.fromEntries(Object.entries(documents).map(([k, list]) => [k, list.flatMap((id) => byId.get(id) ?? [])]));
}

/** A sheet with its documents, the live evaluation under the rules in effect, and whether it is locked. */
export async function sheetView(db: DbOrTx, s: SheetRow, rules?: RuleSetLike): Promise<SheetView> {
  const [entity, documents, locked, r] = await Promise.all([
    getEntity(db, s.subject, s.divisionId), documentRefs(db, s.documents), isLocked(db, s.id), rules ? Promise.resolve(rules) : rulesNow(db, s.subject),
  ]);
  return {
    id: s.id, subject: s.subject, divisionId: s.divisionId, name: entity?.name ?? '', year: s.year, values: s.values, documents,
    evaluation: evaluate(r, s.values), locked, updatedAt: s.updatedAt.toISOString(),
  };
}

/** An entity's sheets, newest year first (its staff and its reviewers in scope; 404 otherwise). */
export async function listSheets(db: DbOrTx, actor: Actor, subject: Subject, divisionId: number): Promise<SheetView[]> {
  const entity = await getEntity(db, subject, divisionId);
  if (!entity || !canView(actor, subject, entity.path)) throw notFound(GFA.entityNoun(subject));
  const found = await db.select().from(gradingSheets).where(and(eq(gradingSheets.subject, subject), eq(gradingSheets.divisionId, divisionId))).orderBy(desc(gradingSheets.year));
  const rules = await rulesNow(db, subject);
  return Promise.all(found.map((s) => sheetView(db, s, rules)));
}
