// Versioned grading rules in the database: the shipped example (version 1 of each subject), the list of versions with
// how many requests used each, the version in effect on a day, and publishing a new version (admin). Versions are
// never edited or deleted: a change is a new version with its effective date and approver.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { SYSTEM_ACTOR } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { AppError, conflict } from '../../../core/http/errors.js';
import { dbDateFromJalali, dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import type { RuleSetView } from '../api-types.js';
import { RuleSetCreate, SUBJECTS, type Subject } from '../contract.js';
import { DEFAULT_RULES } from './default-rules.js';
import { definitionProblems } from './rules.js';
import { gradingRequests, gradingRuleSets } from './schema.js';

const VERSION_CONSTRAINT = 'grading_rule_sets_version';
export { dbDateFromJalali, dbDateOf, jalaliFromDbDate };

const usedByCount = sql<number>`(select count(*)::int from ${gradingRequests} where ${gradingRequests.ruleSetId} = ${gradingRuleSets.id})`;

function select(db: DbOrTx) {
  return db
    .select({ row: gradingRuleSets, createdBy: authUsers.displayName, usedBy: usedByCount })
    .from(gradingRuleSets)
    .leftJoin(authUsers, eq(authUsers.id, gradingRuleSets.createdById));
}

type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

function toView({ row, createdBy, usedBy }: Selected): RuleSetView {
  return {
    id: row.id,
    subject: row.subject,
    version: row.version,
    title: row.title,
    effectiveFrom: jalaliFromDbDate(row.effectiveFrom),
    approvedBy: row.approvedBy,
    createdBy: createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    isExample: row.isExample === 1,
    definition: row.definition,
    usedBy: Number(usedBy),
  };
}

/** What the engine needs of a stored version. */

export { toRuleSetLike } from './rules.js';

/** At start-up: version 1 of each subject from the shipped example when the subject has no version yet (idempotent). */
export async function ensureDefaultRules(db: DbOrTx): Promise<void> {
  for (const subject of SUBJECTS) {
    const [any] = await db.select({ id: gradingRuleSets.id }).from(gradingRuleSets).where(eq(gradingRuleSets.subject, subject)).limit(1);
    if (any) continue;
    const d = DEFAULT_RULES[subject];
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(gradingRuleSets)
        .values({ subject, version: 1, title: d.title, effectiveFrom: dbDateFromJalali(d.effectiveFrom)!, approvedBy: d.approvedBy, isExample: 1, definition: d.definition })
        .onConflictDoNothing()
        .returning({ id: gradingRuleSets.id });
      if (inserted[0]) await appendAudit(tx, SYSTEM_ACTOR, { action: 'grading.rules.example', entityType: 'grading_rule_set', entityId: inserted[0].id, data: { subject, version: 1 } });
    });
  }
}

/** Every version of a subject's rules, newest first, with how many requests used each. */
export async function listRuleSets(db: DbOrTx, subject: Subject): Promise<RuleSetView[]> {
  const found = await select(db).where(eq(gradingRuleSets.subject, subject)).orderBy(desc(gradingRuleSets.version));
  return found.map(toView);
}

export async function getRuleSet(db: DbOrTx, id: number): Promise<RuleSetView | null> {
  const [found] = await select(db).where(eq(gradingRuleSets.id, id));
  return found ? toView(found) : null;
}

/** The version in effect at an instant: the latest effective date on or before that Tehran day (ties: highest version). */
export async function currentRuleSet(db: DbOrTx, subject: Subject, at: Date): Promise<RuleSetView> {
  const [found] = await select(db)
    .where(and(eq(gradingRuleSets.subject, subject), sql`${gradingRuleSets.effectiveFrom} <= ${tehranDateKey(at)}::date`))
    .orderBy(desc(gradingRuleSets.effectiveFrom), desc(gradingRuleSets.version))
    .limit(1);
  if (!found) throw conflict('no_rules', `برای این تاریخ جدول درجه‌بندی ${subject === 'municipality' ? 'شهرداری‌ها' : 'دهیاری‌ها'} تعریف نشده است.`);
  return toView(found);
}

const invalid = (status: number, code: string, title: string, errors: { path: string; message: string }[]) =>
  new AppError(status, code, title, errors.map((e) => e.message).join(' '), { errors });

/**
 * Publishes a new version of a subject's rules (permission `grading.rules`): the next version number (two admins at
 * once get consecutive numbers: the unique (subject, version) refuses the loser, who retries), grades within the
 * subject's range with a threshold for each grade from 2 up, every threshold reachable. Audited.
 */
export async function createRuleSet(db: DbOrTx, actor: Actor, input: RuleSetCreate): Promise<RuleSetView> {
  authorize(actor, 'grading.rules');
  const parsed = RuleSetCreate.safeParse(input);
  if (!parsed.success) {
    throw invalid(400, 'validation_failed', 'داده‌های ارسالی معتبر نیست.', parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const data = parsed.data;
  const effectiveFrom = dbDateFromJalali(data.effectiveFrom);
  if (!effectiveFrom) throw invalid(400, 'validation_failed', 'داده‌های ارسالی معتبر نیست.', [{ path: 'body.effectiveFrom', message: 'تاریخ اجرا یک تاریخ شمسی درست نیست.' }]);
  const problems = definitionProblems(data.subject, data.definition);
  if (problems.length) {
    throw invalid(422, 'rules_invalid', 'جدول‌های درجه‌بندی معتبر نیست.', problems.map((p) => ({ path: `body.definition.${p.path}`, message: p.message })));
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await db.transaction(async (tx) => {
        const [last] = await tx.select({ version: sql<number>`coalesce(max(${gradingRuleSets.version}), 0)::int` }).from(gradingRuleSets).where(eq(gradingRuleSets.subject, data.subject));
        const version = Number(last?.version ?? 0) + 1;
        const [row] = await tx
          .insert(gradingRuleSets)
          .values({ subject: data.subject, version, title: data.title, effectiveFrom, approvedBy: data.approvedBy, isExample: 0, definition: data.definition, createdById: actor.id })
          .returning({ id: gradingRuleSets.id });
        await appendAudit(tx, actor, {
          action: 'grading.rules.create',
          entityType: 'grading_rule_set',
          entityId: row!.id,
          data: { subject: data.subject, version, title: data.title, effectiveFrom: data.effectiveFrom, approvedBy: data.approvedBy },
        });
        return row!.id;
      });
      return (await getRuleSet(db, id))!;
    } catch (e) {
      if (attempt < 5 && isUniqueViolation(e, VERSION_CONSTRAINT)) continue;
      throw e;
    }
  }
}
