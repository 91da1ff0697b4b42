import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliDate, jalaliParts, toAsciiDigits } from '../../../core/fa/index.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { complaints } from './schema.js';
import { complaintStats } from './stats.js';
import { complaintsFixture, createComplaintsTestApp, fileComplaint } from './test-factory.js';

let t: Awaited<ReturnType<typeof createComplaintsTestApp>>;
let f: Awaited<ReturnType<typeof complaintsFixture>>;
const DAY = 86_400_000;
const twoMonthsAgo = new Date(Date.now() - 62 * DAY);

async function caseOf(id: string) {
  return (await t.db.select({ caseId: complaints.caseId }).from(complaints).where(eq(complaints.id, id)))[0]!.caseId;
}

// Six complaints, counted by hand below:
//   a1 central district, lighting — answered on time, rated 5
//   a2 central district, waste    — answered late, rated 2, reopened once
//   a3 other district, lighting   — in progress
//   a4 other province, behaviour  — rejected
//   a5 central district, lighting — submitted two months ago, overdue
//   a6 central district, waste    — submitted more than a year ago
beforeAll(async () => {
  t = await createComplaintsTestApp();
  f = await complaintsFixture(t.db);
  const { tree, categories: cat } = f;
  const h = await t.login('insp');
  const act = (id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/actions`, headers: h, payload });
  const file = (place: typeof tree.city, categoryId: number) => fileComplaint(t.db, { place, categoryId });
  const [a1, a2, a3, a4, a5, a6] = [
    await file(tree.city, cat.lighting.id), await file(tree.village, cat.waste.id), await file(tree.otherVillage, cat.lighting.id),
    await file(tree.otherProvCity, cat.behaviour.id), await file(tree.city, cat.lighting.id), await file(tree.city, cat.waste.id),
  ];
  for (const c of [a1, a2, a3]) expect((await act(c!.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.insp.id })).statusCode).toBe(200);
  await t.db.update(wfCases).set({ dueAt: new Date(Date.now() - DAY) }).where(eq(wfCases.id, await caseOf(a2!.id)));
  for (const c of [a1, a2]) expect((await act(c!.id, { action: 'answer', expectedVersion: 2, comment: 'انجام شد.' })).statusCode).toBe(200);
  expect((await act(a4!.id, { action: 'reject', expectedVersion: 1, comment: 'خارج از حوزه' })).statusCode).toBe(200);
  await t.db.update(complaints).set({ rating: 5 }).where(eq(complaints.id, a1!.id));
  await t.db.update(complaints).set({ rating: 2, reopenedCount: 1 }).where(eq(complaints.id, a2!.id));
  await t.db.update(complaints).set({ createdAt: twoMonthsAgo }).where(eq(complaints.id, a5!.id));
  await t.db.update(wfCases).set({ dueAt: new Date(Date.now() - DAY) }).where(eq(wfCases.id, await caseOf(a5!.id)));
  await t.db.update(complaints).set({ createdAt: new Date(Date.now() - 400 * DAY) }).where(eq(complaints.id, a6!.id));
});
afterAll(async () => { await t?.close(); });

const count = (list: { count: number }[], pick: (x: never) => boolean) => (list as never[]).filter(pick).map((x: { count: number }) => x.count)[0];

describe('complaintStats', () => {
  it('equals the hand count for the Inspection Office (the whole country)', async () => {
    const s = await complaintStats(t.db, f.staff.insp);
    expect(s).toMatchObject({ total: 6, open: 5, overdue: 1 });
    const byState = Object.fromEntries(s.byState.map((x) => [x.state, x.count]));
    expect(byState).toMatchObject({ submitted: 2, in_progress: 1, answered: 2, rejected: 1, closed: 0, needs_info: 0 });
    expect(s.byState).toHaveLength(9);
    expect(s.byCategory).toEqual([
      { id: f.categories.group.id, name: 'خدمات شهری', count: 5 },
      { id: f.categories.behaviour.parentId, name: 'تخلفات و شکایت از کارکنان', count: 1 },
    ]);
    expect(s.byProvince).toEqual([
      { id: f.tree.province.id, name: 'استان آزمایشی', count: 5 },
      { id: f.tree.otherProvince.id, name: 'استان دیگر', count: 1 },
    ]);
    expect(s.sla).toEqual({ answered: 2, withDeadline: 2, onTime: 1, compliance: 0.5 });
    expect(s.answerTime.avgWorkingDays).toBe(0);
    expect(s.answerTime.avgHours).toBeGreaterThanOrEqual(0);
    expect(s.answerTime.avgHours).toBeLessThan(1);
    expect(s.satisfaction).toEqual({ rated: 2, average: 3.5, distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 } });
    expect(s.reopen).toEqual({ reopened: 1, rate: 0.5 });
  });

  it('buckets the last 12 Jalali months, oldest first (a complaint older than a year is not in them)', async () => {
    const s = await complaintStats(t.db, f.staff.insp);
    expect(s.byMonth).toHaveLength(12);
    const now = jalaliParts(new Date());
    expect(s.byMonth.at(-1)).toMatchObject({ year: now.year, month: now.month, count: 4 });
    const old = jalaliParts(twoMonthsAgo);
    expect(count(s.byMonth, (m: { year: number; month: number }) => m.year === old.year && m.month === old.month)).toBe(1);
    expect(s.byMonth.reduce((a, m) => a + m.count, 0)).toBe(5);
    expect(s.byMonth[0]!.label).toMatch(/^[آ-ی]+ [۰-۹]{4}$/);
  });

  it('counts only the scope of a district reviewer, and honours from/to and provinceId', async () => {
    const dr = await complaintStats(t.db, f.staff.dr1);
    expect(dr.total).toBe(4);
    expect(dr.byProvince).toEqual([{ id: f.tree.province.id, name: 'استان آزمایشی', count: 4 }]);
    expect(dr.sla).toEqual({ answered: 2, withDeadline: 2, onTime: 1, compliance: 0.5 });
    const today = toAsciiDigits(formatJalaliDate(new Date()));
    expect((await complaintStats(t.db, f.staff.insp, { from: today, to: today })).total).toBe(4);
    expect((await complaintStats(t.db, f.staff.dr1, { from: today })).total).toBe(2);
    expect((await complaintStats(t.db, f.staff.insp, { provinceId: f.tree.otherProvince.id })).total).toBe(1);
    expect((await complaintStats(t.db, f.staff.dr1, { provinceId: f.tree.otherProvince.id })).total).toBe(0);
    const none = await complaintStats(t.db, f.staff.trainer);
    expect(none).toMatchObject({ total: 0, sla: { compliance: null }, satisfaction: { average: null }, reopen: { rate: null } });
  });

  it('GET /api/v1/complaints/stats returns the same numbers', async () => {
    const res = await t.app.inject({ url: '/api/v1/complaints/stats', headers: await t.login('prov') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 5, sla: { compliance: 0.5 }, satisfaction: { rated: 2 } });
  });
});
