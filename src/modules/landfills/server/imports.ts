// Bulk import of sites: the file is parsed at once (a refused file stores nothing), its rows are stored, and the
// import runner applies them in chunks of CHUNK rows — one short transaction each, so requests keep flowing on the
// embedded database — recording progress and the per-row report. Re-importing the same external ids updates those
// records (unchanged rows stay untouched), so importing a file twice changes nothing the second time.
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authorize, can } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { actorOf } from '../../../core/auth/sessions.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, notFound } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { ImportIssue, ImportView } from '../api-types.js';
import { codesOfRow, columnHeader, isTemplateExample, rowToSiteInput } from './import-format.js';
import { parseImportFile, WHOLE_ROW } from './import-parse.js';
import { BackgroundRunner, type RunnerLog } from '../../../core/jobs/runner.js';
import { landfillImports, landfillSites } from './schema.js';
import { createSite, SITE_LEVELS, updateSite } from './sites.js';

/** Rows applied per transaction. */
export const CHUNK = 100;
/** Issues kept in the report (a file of 20,000 bad rows still answers quickly). */
export const MAX_ISSUES = 5_000;

const IMPORT_NOUN = 'ورود گروهی';
type ImportRow = typeof landfillImports.$inferSelect;

function view(r: Omit<ImportRow, 'content' | 'rows'>): ImportView {
  const failedRows = new Set(r.issues.map((i) => i.row)).size;
  return {
    id: r.id, filename: r.filename, state: r.state, totalRows: r.totalRows, processedRows: r.processedRows, created: r.created, updated: r.updated,
    unchanged: r.unchanged, failedRows: Math.max(failedRows, r.processedRows - r.created - r.updated - r.unchanged), issues: r.issues,
    createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

// Everything but the file and its rows (a progress poll every second must stay small).
const { content: _content, rows: _rows, ...summaryColumns } = getTableColumns(landfillImports);

/** Parses the file and stores its rows; the runner applies them. A file that cannot be read → 400 with the reason. */
export async function startImport(db: Db, actor: Actor, file: { buffer: Buffer; filename: string }, runner: BackgroundRunner): Promise<ImportView> {
  authorize(actor, 'landfills.edit');
  // A file that cannot be read at all throws ImportFileError (400, Persian reason, stable code): nothing is stored.
  const parsed = await parseImportFile(file.buffer, file.filename);
  // Rows that could not be read go straight into the report; the template's example row left in is skipped.
  const unread: ImportIssue[] = parsed.problems.map((p) => ({ row: p.row, column: p.column, reason: p.reason }));
  const rows: Record<string, string>[] = [];
  parsed.rows.forEach((r, i) => {
    const row = parsed.rowNumbers[i] ?? i + 2;
    if (isTemplateExample(r)) unread.push({ row, column: WHOLE_ROW, reason: 'ردیف نمونهٔ الگو است و ثبت نشد؛ آن را از فایل پاک کنید.' });
    else rows.push({ ...r, __row: String(row) });
  });
  const [stored] = await db
    .insert(landfillImports)
    .values({
      filename: file.filename.slice(0, 200), format: parsed.format, content: file.buffer, rows, totalRows: rows.length, issues: unread.slice(0, MAX_ISSUES),
      createdById: actor.id!, state: rows.length ? 'running' : 'done', finishedAt: rows.length ? null : new Date(),
    })
    .returning();
  await appendAudit(db, actor, { action: 'landfills.import.start', entityType: 'landfill_import', entityId: String(stored!.id), data: { filename: stored!.filename, rows: rows.length } });
  runner.kick();
  return view(stored!);
}

/** An import as its author sees it (progress and report). Someone else's import is 404. */
export async function importView(db: Db, actor: Actor, id: number): Promise<ImportView> {
  const [r] = await db.select(summaryColumns).from(landfillImports).where(and(eq(landfillImports.id, id), eq(landfillImports.createdById, actor.id ?? -1)));
  if (!r) throw notFound(IMPORT_NOUN);
  return view(r);
}

/** Resolves the codes of a chunk in one query per level set: code → division (id, path, level). */
async function resolveCodes(tx: Tx, rows: Record<string, string>[]) {
  const codes = new Set<string>();
  for (const r of rows) {
    const c = codesOfRow(r);
    if (c.division) codes.add(c.division);
    c.villages.forEach((v) => codes.add(v));
  }
  const found = codes.size
    ? await tx.select({ id: orgDivisions.id, code: orgDivisions.code, level: orgDivisions.level, path: orgDivisions.path }).from(orgDivisions)
        .where(and(inArray(orgDivisions.code, [...codes]), inArray(orgDivisions.level, [...SITE_LEVELS])))
    : [];
  const order = (l: string) => (l === 'village' ? 0 : l === 'rural_district' ? 1 : 2);
  const byCode = new Map<string, { id: number; level: string; path: string }>();
  for (const d of found.sort((a, b) => order(a.level) - order(b.level))) if (!byCode.has(d.code)) byCode.set(d.code, d);
  return {
    division: (code: string) => byCode.get(code) ?? null,
    village: (code: string) => {
      const d = byCode.get(code);
      return d && d.level === 'village' ? d : null;
    },
  };
}

/** The column an AppError's field path points at (the checks of sites.ts speak in API field names). */
function issueOf(row: number, e: unknown): ImportIssue {
  if (e instanceof AppError) {
    const path = ((e.extra?.errors as { path?: string }[] | undefined)?.[0]?.path ?? '').replace(/^body\./, '');
    const key = path === 'divisionId' ? 'division_code' : path === 'servedVillageIds' ? 'villages_served' : path;
    return { row, column: key ? columnHeader(key) : '', reason: e.title };
  }
  throw e;
}

/** Applies one row: create, update by external id, or leave unchanged. */
async function applyRow(tx: Tx, actor: Actor, raw: Record<string, string>, resolve: Awaited<ReturnType<typeof resolveCodes>>): Promise<'created' | 'updated' | 'unchanged' | ImportIssue[]> {
  const row = Number(raw.__row);
  const { input, issues } = rowToSiteInput(raw, resolve);
  if (!input) return issues.map((i) => ({ row, ...i }));
  try {
    const [existing] = input.externalId
      ? await tx.select({ id: landfillSites.id, path: landfillSites.divisionPath, documentIds: landfillSites.documentIds }).from(landfillSites).where(eq(landfillSites.externalId, input.externalId))
      : [];
    if (!existing) {
      await createSite(tx, actor, input);
      return 'created';
    }
    if (!can(actor, 'landfills.edit', existing.path)) return [{ row, column: columnHeader('externalId'), reason: 'محلی با این شناسه خارجی در حوزه دیگری ثبت شده است.' }];
    const changed = await updateSite(tx, actor, existing.id, { ...input, documentIds: existing.documentIds }, { expectedVersion: null, statusNote: 'ورود گروهی' });
    return changed.length ? 'updated' : 'unchanged';
  } catch (e) {
    return [issueOf(row, e)];
  }
}

/**
 * Applies the next chunk of one running import, if any: the import row is claimed with SKIP LOCKED (two server
 * processes never apply the same chunk), rows are applied each in its own savepoint (a bad row never undoes the
 * good ones), and progress is committed with them. Returns false when no import is waiting.
 */
export async function importStep(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [imp] = await tx.select().from(landfillImports).where(eq(landfillImports.state, 'running')).orderBy(landfillImports.id).limit(1).for('update', { skipLocked: true });
    if (!imp) return false;
    const [user] = await tx.select().from(authUsers).where(eq(authUsers.id, imp.createdById));
    const actor = user && !user.disabled ? await actorOf(tx, user) : null;
    const slice = imp.rows.slice(imp.processedRows, imp.processedRows + CHUNK);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const issues: ImportIssue[] = [];
    if (!actor) {
      slice.forEach((r) => issues.push({ row: Number(r.__row), column: '', reason: 'حساب واردکننده غیرفعال شده است.' }));
    } else {
      const resolve = await resolveCodes(tx, slice);
      for (const raw of slice) {
        const outcome = await tx.transaction((sp) => applyRow(sp, actor, raw, resolve)).catch((e: unknown) => [{ row: Number(raw.__row), column: '', reason: e instanceof AppError ? e.title : 'خطای پیش‌بینی‌نشده در ثبت این ردیف.' }]);
        if (typeof outcome === 'string') counts[outcome]++;
        else issues.push(...outcome);
      }
    }
    const processed = imp.processedRows + slice.length;
    const done = processed >= imp.totalRows;
    await tx
      .update(landfillImports)
      .set({
        processedRows: processed, created: imp.created + counts.created, updated: imp.updated + counts.updated, unchanged: imp.unchanged + counts.unchanged,
        issues: [...imp.issues, ...issues].slice(0, MAX_ISSUES), ...(done ? { state: 'done' as const, finishedAt: new Date() } : {}),
      })
      .where(eq(landfillImports.id, imp.id));
    if (done) {
      await appendAudit(tx, actor, {
        action: 'landfills.import.done', entityType: 'landfill_import', entityId: String(imp.id),
        data: { rows: imp.totalRows, created: imp.created + counts.created, updated: imp.updated + counts.updated, unchanged: imp.unchanged + counts.unchanged },
      });
    }
    return true;
  });
}

/** The background runner of imports: applies chunks until none is waiting. */
export function importRunner(db: Db, log?: RunnerLog): BackgroundRunner {
  return new BackgroundRunner(async () => {
    while (await importStep(db));
  }, log);
}

/** Counts rows of an import still to apply (tests and the runner's drain use it). */
export async function pendingImports(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(landfillImports).where(eq(landfillImports.state, 'running'));
  return r?.n ?? 0;
}
