import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../core/db/client.js';
import { OFFICE_TITLES, type CategoryQuestion, type ResponsibleOffice } from '../contract.js';
import { DEFAULT_CATEGORIES } from './categories-data.js';
import { complaintsCategories } from './schema.js';

export type CategoryRow = typeof complaintsCategories.$inferSelect;

// Arbitrary constant: serializes the first-start insert when several instances start at once.
const CATEGORIES_LOCK = 7349106;

/**
 * Start-up hook of the module: when the category table is empty, fills it with the default two-level tree
 * (categories-data.ts). Idempotent and safe with several instances starting together (an advisory lock orders
 * them; the second sees rows and does nothing). A table an administrator has already edited is never touched.
 */
export async function ensureCategories(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CATEGORIES_LOCK})`);
    const [{ n }] = (await tx.select({ n: count() }).from(complaintsCategories)) as [{ n: number }];
    if (Number(n) > 0) return;
    let sort = 0;
    for (const group of DEFAULT_CATEGORIES) {
      const [parent] = await tx
        .insert(complaintsCategories)
        .values({ code: group.code, name: group.name, description: group.description ?? '', sort: sort++ })
        .returning({ id: complaintsCategories.id });
      await tx.insert(complaintsCategories).values(
        group.children.map((c, i) => ({
          parentId: parent!.id, code: c.code, name: c.name, description: c.description ?? '', office: c.office ?? group.office,
          slaDays: c.slaDays ?? 15, questions: c.questions ?? [], keywords: c.keywords ?? '', sort: i,
        })),
      );
    }
  });
}

/** A leaf (selectable) category as the public API shows it. */
export interface PublicCategory {
  id: number;
  code: string;
  name: string;
  description: string;
  office: ResponsibleOffice;
  officeTitle: string;
  slaDays: number;
  questions: CategoryQuestion[];
  keywords: string;
}

/** A group of the tree with its active leaves. */
export interface PublicCategoryGroup {
  id: number;
  code: string;
  name: string;
  description: string;
  children: PublicCategory[];
}

/** The public view of a leaf category. */
export function presentCategory(c: CategoryRow): PublicCategory {
  return {
    id: c.id, code: c.code, name: c.name, description: c.description, office: c.office, officeTitle: OFFICE_TITLES[c.office] ?? c.office,
    slaDays: c.slaDays, questions: c.questions, keywords: c.keywords,
  };
}

/**
 * The active category tree, groups and leaves in their `sort` order, leaves with their office, SLA and extra
 * questions (what the filing form and Open311 `services` show). Groups without an active leaf are left out.
 */
export async function categoryTree(db: DbOrTx): Promise<PublicCategoryGroup[]> {
  const all = await db.select().from(complaintsCategories).where(eq(complaintsCategories.active, true))
    .orderBy(asc(complaintsCategories.sort), asc(complaintsCategories.id));
  const groups = all.filter((c) => c.parentId === null);
  return groups
    .map((g) => ({ id: g.id, code: g.code, name: g.name, description: g.description, children: all.filter((c) => c.parentId === g.id).map(presentCategory) }))
    .filter((g) => g.children.length > 0);
}

/**
 * The category `id` with its group's name, when it is a leaf one may file under now (itself and its group active),
 * or null. Ids outside the integer range are simply not found.
 */
export async function getLeafCategory(db: DbOrTx, id: number): Promise<(CategoryRow & { groupName: string }) | null> {
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const parent = alias(complaintsCategories, 'parent');
  const [row] = await db
    .select({ c: complaintsCategories, groupName: parent.name })
    .from(complaintsCategories)
    .innerJoin(parent, eq(parent.id, complaintsCategories.parentId))
    .where(and(eq(complaintsCategories.id, id), isNotNull(complaintsCategories.parentId), eq(complaintsCategories.active, true), eq(parent.active, true), isNull(parent.parentId)));
  return row ? { ...row.c, groupName: row.groupName } : null;
}

/** A leaf category by its Open311 `service_code`, under the same rules as {@link getLeafCategory}. */
export async function getLeafCategoryByCode(db: DbOrTx, code: string): Promise<(CategoryRow & { groupName: string }) | null> {
  if (typeof code !== 'string' || code.length > 100) return null;
  const [row] = await db.select({ id: complaintsCategories.id }).from(complaintsCategories).where(eq(complaintsCategories.code, code));
  return row ? getLeafCategory(db, row.id) : null;
}
