import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../../test/app.js';
import { rows } from '../db/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  await seedDemo(t.db); // idempotent
});
afterAll(async () => { await t.close(); });

describe('demo accounts', () => {
  it('every demo account signs in with demo1234 and holds exactly its role, in a nested scope', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const h = await t.login(a.username, DEMO_PASSWORD);
      const me = (await t.app.inject({ url: '/api/v1/me', headers: h })).json();
      expect(me.roles.map((r: { role: string }) => r.role)).toEqual([a.role]);
      expect(me.roles[0].division === null).toBe(a.place === null);
    }
    const h = await t.login('district.reviewer', DEMO_PASSWORD);
    const me = (await t.app.inject({ url: '/api/v1/me', headers: h })).json();
    expect(me.roles[0].division.path.map((d: { level: string }) => d.level)).toEqual(['province', 'county', 'district']);
  });

  it('seeds the fixed official holidays once (Nowruz included)', async () => {
    const [r] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from wf_holidays where title = 'عید نوروز'`);
    expect(r!.n).toBe(8);
  });

  it('a district reviewer home lists only the services of the role, with counts', async () => {
    const h = await t.login('district.reviewer', DEMO_PASSWORD);
    const home = (await t.app.inject({ url: '/api/v1/home', headers: h })).json();
    expect(home.services.map((s: { key: string }) => s.key)).toContain('amriyeh');
    expect(home.services.map((s: { key: string }) => s.key)).not.toContain('admin');
    expect(home.inbox).toEqual({ total: 0, overdue: 0 });
  });
});
