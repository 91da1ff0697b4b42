import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../core/auth/demo.js';
import { isValidTrackingCode } from '../../../core/codes/tracking-code.js';
import type { Db } from '../../../core/db/client.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createTestDatabase } from '../../../test/db.js';
import { APPLICATION_STATES } from '../contract.js';
import { allocate } from './allocate.js';
import { seedAmriyehDemo } from './demo.js';
import { amriyehAllocationRuns, amriyehApplications, amriyehCalls, amriyehLetters, amriyehStations } from './schema.js';
import { verifyLetter } from './selection.js';
import { amriyehWorkflow } from './workflow.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(amriyehWorkflow);
  const places = await seedDemo(db);
  await seedAmriyehDemo(db, places);
  await seedAmriyehDemo(db, places); // idempotent
}, 120_000);
afterAll(async () => { await database.close(); });

describe('seedAmriyehDemo', () => {
  it('fills two calls, once, with applications in every state of the workflow', async () => {
    expect(await db.select().from(amriyehCalls)).toHaveLength(2);
    const rows = await db.select({ state: wfCases.state, n: count() }).from(amriyehApplications).innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId)).groupBy(wfCases.state);
    const states = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    for (const s of APPLICATION_STATES) expect(states[s] ?? 0, s).toBeGreaterThan(0);
    for (const a of await db.select().from(amriyehApplications)) expect(isValidTrackingCode(a.trackingCode)).toBe(true);
    // One overdue application waits for the district.
    expect((await db.select().from(wfCases).where(isNotNull(wfCases.dueAt))).some((c) => c.dueAt!.getTime() < Date.now() && c.state === 'submitted')).toBe(true);
  });

  it('its run respects seats and the quota and recomputes; one letter is revoked and verifies as such', async () => {
    const [run] = await db.select().from(amriyehAllocationRuns);
    expect(allocate(run!.input)).toEqual(run!.output);
    const stations = await db.select().from(amriyehStations).where(eq(amriyehStations.callId, run!.callId));
    const held = new Map<string, number>();
    for (const s of Object.values(run!.output.assignments)) if (s) held.set(s, (held.get(s) ?? 0) + 1);
    for (const s of stations) expect(held.get(String(s.id)) ?? 0).toBeLessThanOrEqual(s.seatsCapped ?? s.seatsConfirmed ?? 0);
    expect([...held.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Object.values(run!.input.provinceQuotas)[0]!);
    const letters = await db.select().from(amriyehLetters);
    expect(letters.filter((l) => l.revokedAt)).toHaveLength(1);
    const revoked = letters.find((l) => l.revokedAt)!;
    expect(await verifyLetter(db, revoked.number)).toMatchObject({ valid: false, revoked: true });
    expect(await verifyLetter(db, letters.find((l) => !l.revokedAt)!.number)).toMatchObject({ valid: true });
  });
});
