import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { Db, DbOrTx } from '../../../core/db/client.js';
import { badRequest, notFound } from '../../../core/http/errors.js';
import type { TemplateCreate, TemplateUpdate } from '../contract.js';
import { DEFAULT_TEMPLATES, STAFF_FA } from './fa-staff.js';
import { complaintsCategories, complaintsTemplates } from './schema.js';

// Arbitrary constant: serializes the first-start seeding when several instances start at once.
const TEMPLATES_LOCK = 7349107;

/**
 * Start-up hook: when there are no response templates yet, seeds the defaults — general ones (for every category)
 * and one for each of some default categories (found by their stable code; a category the installation lacks is
 * skipped). Like ensureCategories it never touches a table that already has rows, so a template an administrator
 * edited or deleted stays so; an advisory lock makes it safe with several instances starting together. Call it
 * after the categories exist.
 */
export async function ensureTemplates(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TEMPLATES_LOCK})`);
    const [any] = await tx.select({ id: complaintsTemplates.id }).from(complaintsTemplates).limit(1);
    if (any) return;
    const codes = DEFAULT_TEMPLATES.byCategory.map((t) => t.code);
    const cats = await tx.select({ id: complaintsCategories.id, code: complaintsCategories.code }).from(complaintsCategories).where(inArray(complaintsCategories.code, codes));
    const idOf = new Map(cats.map((c) => [c.code, c.id]));
    await tx.insert(complaintsTemplates).values([
      ...DEFAULT_TEMPLATES.general.map((t) => ({ categoryId: null, title: t.title, body: t.body })),
      ...DEFAULT_TEMPLATES.byCategory.filter((t) => idOf.has(t.code)).map((t) => ({ categoryId: idOf.get(t.code)!, title: t.title, body: t.body })),
    ]);
  });
}

async function checkCategory(db: DbOrTx, categoryId: number | null | undefined): Promise<void> {
  if (categoryId == null) return;
  const [cat] = await db.select({ id: complaintsCategories.id }).from(complaintsCategories).where(eq(complaintsCategories.id, categoryId));
  if (!cat) throw badRequest('category_not_found', STAFF_FA.categoryNotFound);
}

/** Adds a response template (audited). 400 `category_not_found` for an unknown category. */
export async function createTemplate(db: Db, actor: Actor, input: TemplateCreate) {
  return db.transaction(async (tx) => {
    await checkCategory(tx, input.categoryId);
    const [t] = await tx.insert(complaintsTemplates).values({ categoryId: input.categoryId, title: input.title, body: input.body, active: input.active }).returning();
    await appendAudit(tx, actor, { action: 'complaint.template.create', entityType: 'complaints_template', entityId: t!.id, data: { after: t } });
    return t!;
  });
}

/** Changes a response template (audited, before and after). 404 when it does not exist. */
export async function updateTemplate(db: Db, actor: Actor, id: number, input: TemplateUpdate) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(complaintsTemplates).where(eq(complaintsTemplates.id, id)).for('update');
    if (!before) throw notFound(STAFF_FA.templateNoun);
    await checkCategory(tx, input.categoryId);
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = Object.keys(set).length
      ? await tx.update(complaintsTemplates).set(set).where(eq(complaintsTemplates.id, id)).returning()
      : [before];
    await appendAudit(tx, actor, { action: 'complaint.template.update', entityType: 'complaints_template', entityId: id, data: { before, after } });
    return after!;
  });
}

/** Deletes a response template (audited; nothing refers to templates). 404 when it does not exist. */
export async function deleteTemplate(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(complaintsTemplates).where(eq(complaintsTemplates.id, id)).returning();
    if (!gone) throw notFound(STAFF_FA.templateNoun);
    await appendAudit(tx, actor, { action: 'complaint.template.delete', entityType: 'complaints_template', entityId: id, data: { before: gone } });
  });
}
