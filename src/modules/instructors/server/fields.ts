// The organization's training taxonomy: the fields of expertise an instructor chooses from, a course is planned in,
// and a qualification is granted for. Admins (a national `instructors.criteria` grant) add and edit fields; a field
// in use is deactivated, never deleted, so old applications still show its title.
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { badRequest } from '../../../core/http/errors.js';
import type { FieldView } from '../api-types.js';
import { FieldInput } from '../contract.js';
import type { ScoredField } from '../scoring.js';
import { IFA } from './fa.js';
import { instFields } from './schema.js';

type FieldRow = typeof instFields.$inferSelect;

const view = (f: FieldRow): FieldView => ({ key: f.key, title: f.title, relatedStudies: f.relatedStudies, active: f.active });

/** The taxonomy in its order; inactive fields only with `all` (staff screens, titles of old records). */
export async function listFields(db: DbOrTx, all = false): Promise<FieldView[]> {
  const found = await db.select().from(instFields).where(all ? undefined : eq(instFields.active, true)).orderBy(asc(instFields.sortOrder), asc(instFields.id));
  return found.map(view);
}

/** Every field (active or not) as scoring reads it. */
export async function taxonomy(db: DbOrTx): Promise<(ScoredField & { active: boolean })[]> {
  return listFields(db, true);
}

/** key → title of every field (an unknown key shows as itself). */
export async function fieldTitles(db: DbOrTx): Promise<(key: string) => string> {
  const titles = new Map((await listFields(db, true)).map((f) => [f.key, f.title]));
  return (key) => titles.get(key) ?? key;
}

/** The active fields among `keys`, or 400 naming the first unknown or inactive one. */
export async function assertActiveFields(db: DbOrTx, keys: readonly string[], path: string): Promise<void> {
  if (!keys.length) return;
  const active = new Set((await listFields(db)).map((f) => f.key));
  const bad = keys.find((k) => !active.has(k));
  if (bad) throw badRequest('field_invalid', IFA.fieldInvalid, undefined, { errors: [{ path, message: IFA.fieldUnknown(bad) }] });
}

/** Creates or updates a field (national `instructors.criteria` only); new fields go last. Audited. */
export async function upsertField(db: DbOrTx, actor: Actor, key: string, input: FieldInput): Promise<FieldView> {
  authorize(actor, 'instructors.criteria', '/');
  if (input.key !== key) throw badRequest('key_mismatch', IFA.fieldKeyMismatch);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(instFields).where(eq(instFields.key, key));
    const values = { title: input.title, relatedStudies: [...new Set(input.relatedStudies)], active: input.active, updatedAt: new Date() };
    const [row] = await tx
      .insert(instFields)
      .values({ key, ...values, sortOrder: sql`(select coalesce(max(sort_order), 0) + 10 from inst_fields)` })
      .onConflictDoUpdate({ target: instFields.key, set: values })
      .returning();
    await appendAudit(tx, actor, {
      action: before ? 'instructors.field.update' : 'instructors.field.create', entityType: 'inst_field', entityId: key,
      data: { before: before ? view(before) : null, after: view(row!) },
    });
    return view(row!);
  });
}
