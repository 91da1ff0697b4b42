// Versioned qualification criteria: the list of versions with how many applications used each, the version in effect
// on a day, and publishing a new version (a national `instructors.criteria` grant). Versions are never edited or
// deleted: a change is a new version with its effective date and approver, and every application keeps its own.
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateFromJalali, jalaliFromDbDate } from '../../../core/db/dates.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { AppError, conflict } from '../../../core/http/errors.js';
import type { CriteriaSetView } from '../api-types.js';
import { CriteriaSetCreate } from '../contract.js';
import { IFA } from './fa.js';
import { instApplications, instCriteriaSets } from './schema.js';

const VERSION_CONSTRAINT = 'inst_criteria_sets_version_unique';

const usedByCount = sql<number>`(select count(*)::int from ${instApplications} where ${instApplications.criteriaSetId} = ${instCriteriaSets.id})`;

function select(db: DbOrTx) {
  return db
    .select({ row: instCriteriaSets, createdBy: authUsers.displayName, usedBy: usedByCount })
    .from(instCriteriaSets)
    .leftJoin(authUsers, eq(authUsers.id, instCriteriaSets.createdById));
}

type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

const toView = ({ row, createdBy, usedBy }: Selected): CriteriaSetView => ({
  id: row.id,
  version: row.version,
  title: row.title,
  effectiveFrom: jalaliFromDbDate(row.effectiveFrom),
  approvedBy: row.approvedBy,
  isExample: row.isExample,
  createdBy: createdBy ?? null,
  createdAt: row.createdAt.toISOString(),
  definition: row.definition,
  usedBy: Number(usedBy),
});

/** Every version, newest first, with how many applications used each. */
export async function listCriteria(db: DbOrTx): Promise<CriteriaSetView[]> {
  return (await select(db).orderBy(desc(instCriteriaSets.version))).map(toView);
}

export async function getCriteria(db: DbOrTx, id: number): Promise<CriteriaSetView | null> {
  const [found] = await select(db).where(eq(instCriteriaSets.id, id));
  return found ? toView(found) : null;
}

/** The version in effect at an instant: the latest effective date on or before that Tehran day (ties: highest version). */
export async function currentCriteria(db: DbOrTx, at = new Date()): Promise<CriteriaSetView> {
  const [found] = await select(db)
    .where(sql`${instCriteriaSets.effectiveFrom} <= ${tehranDateKey(at)}::date`)
    .orderBy(desc(instCriteriaSets.effectiveFrom), desc(instCriteriaSets.version))
    .limit(1);
  if (!found) throw conflict('no_criteria', IFA.noCriteria);
  return toView(found);
}

const invalid = (errors: { path: string; message: string }[]) =>
  new AppError(400, 'validation_failed', IFA.validationFailed, errors.map((e) => e.message).join(' '), { errors });

/**
 * Publishes a new version (a national `instructors.criteria` grant): the next version number — two publishers at once
 * get consecutive numbers (the unique version refuses the loser, who retries). Audited.
 */
export async function createCriteria(db: DbOrTx, actor: Actor, input: CriteriaSetCreate): Promise<CriteriaSetView> {
  authorize(actor, 'instructors.criteria', '/');
  const parsed = CriteriaSetCreate.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));
  const data = parsed.data;
  const effectiveFrom = dbDateFromJalali(data.effectiveFrom);
  if (!effectiveFrom) throw invalid([{ path: 'body.effectiveFrom', message: IFA.criteriaDateInvalid }]);
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await db.transaction(async (tx) => {
        const [last] = await tx.select({ version: sql<number>`coalesce(max(${instCriteriaSets.version}), 0)::int` }).from(instCriteriaSets);
        const version = Number(last?.version ?? 0) + 1;
        const [row] = await tx
          .insert(instCriteriaSets)
          .values({ version, title: data.title, effectiveFrom, approvedBy: data.approvedBy, isExample: false, definition: data.definition, createdById: actor.id })
          .returning({ id: instCriteriaSets.id });
        await appendAudit(tx, actor, {
          action: 'instructors.criteria.create', entityType: 'inst_criteria_set', entityId: row!.id,
          data: { version, title: data.title, effectiveFrom: data.effectiveFrom, approvedBy: data.approvedBy, definition: data.definition },
        });
        return row!.id;
      });
      return (await getCriteria(db, id))!;
    } catch (e) {
      if (attempt < 5 && isUniqueViolation(e, VERSION_CONSTRAINT, 'version')) continue;
      throw e;
    }
  }
}
