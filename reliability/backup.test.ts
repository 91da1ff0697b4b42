/**
 * Backup under load: submissions stream while the logical backup runs; the backup is restored into a fresh
 * database (the server stopped, as documented) and checked: every complaint has its case, its first history row
 * and its audit event (one moment, not a mix), the foreign keys hold, every submission acknowledged before the
 * backup began is there and no more than what was acknowledged by its end (plus what was in flight), and
 * `audit-verify` passes. On PostgreSQL the operator's CLI (`backup FILE`) runs beside the real server. On the
 * embedded database only one process may open the folder, so the backup runs in the process that serves (the
 * same code, `backupDatabase`), with the app's routes taking submissions meanwhile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config/config.js';
import { backupDatabase } from '../src/core/db/backup.js';
import { openDatabase, sqlList } from '../src/core/db/client.js';
import { buildApp } from '../src/core/http/app.js';
import { MODULES } from '../src/modules/index.js';
import { citizenHelpers } from '../src/test/citizen.js';
import { auditVerify, cli, citizen, complaintFixtures, fileComplaint, freshStore, kill, query, sleep, start, withDb, type Backend, type Filed } from './support.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-rel-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the stream had acknowledged when the backup began and when it ended. */
interface Moment {
  before: Filed[];
  after: Filed[];
  /** Requests that can be in flight at once (they may or may not be in the backup). */
  inFlight: number;
  /** Marks the stream's complaints (in their subject). */
  tag: string;
}

/** Restores `file` into a fresh empty store with the CLI and checks it against the moment of the backup. */
async function restoreAndCheck(backend: Backend, file: string, m: Moment) {
  const target = await freshStore(backend, { seeded: false });
  try {
    const restored = await cli(target, ['restore', file]);
    expect(restored.code, restored.out).toBe(0);
    const r = await withDb(target, async (db) => {
      const one = async (q: ReturnType<typeof sql>) => (await query<{ n: number }>(db, q))[0]!.n;
      return {
        complaints: await one(sql`select count(*)::int as n from complaints`),
        cases: await one(sql`select count(*)::int as n from wf_cases where definition = 'complaints.case'`),
        opened: await one(sql`select count(*)::int as n from wf_history h join complaints c on c.case_id = h.case_id where h.seq = 1 and h.action = 'open'`),
        audited: await one(sql`select count(*)::int as n from audit_log where action = 'complaint.submit'`),
        orphans: await one(sql`select ((select count(*) from complaints c left join wf_cases w on w.id = c.case_id where w.id is null)
          + (select count(*) from wf_history h left join wf_cases w on w.id = h.case_id where w.id is null)
          + (select count(*) from complaints c left join org_divisions d on d.id = c.division_id where d.id is null))::int as n`),
        // Every foreign key of the schema, checked by PostgreSQL itself: a violation fails the statement.
        fk: await query<{ conname: string }>(db, sql`select conname from pg_constraint where contype = 'f' and not convalidated`),
        streamed: await one(sql`select count(*)::int as n from complaints where subject like ${`%${m.tag}%`}`),
        presentBefore: m.before.length
          ? await one(sql`select count(*)::int as n from complaints where tracking_code in (${sqlList(m.before.map((f) => f.trackingCode))})`)
          : 0,
      };
    });
    expect(r.orphans).toBe(0);
    expect(r.fk).toEqual([]);
    expect(r.cases).toBe(r.complaints);
    expect(r.opened).toBe(r.complaints);
    expect(r.audited).toBe(r.complaints);
    expect(r.presentBefore).toBe(m.before.length);
    // One moment between the backup's start and end: not fewer than acknowledged before, not more than by the end.
    expect(r.streamed).toBeGreaterThanOrEqual(m.before.length);
    expect(r.streamed).toBeLessThanOrEqual(m.after.length + m.inFlight);
    const verified = await auditVerify(target);
    expect(verified.code, verified.out).toBe(0);
    return { ...r, verified: verified.out.trim() };
  } finally {
    await target.drop();
  }
}

describe('backup under load, restored into a fresh database', () => {
  it('PostgreSQL: `backup FILE` beside the serving instance', async () => {
    const store = await freshStore('postgres');
    const server = await start(store);
    try {
      const fx = await complaintFixtures(server.baseUrl);
      const sessions = [await citizen(server, '09133000001', '10.3.0.1'), await citizen(server, '09133000002', '10.3.0.2')];
      const filed: Filed[] = [];
      let stopping = false;
      const loops = sessions.map(async (s) => {
        while (!stopping) filed.push(await fileComplaint(server.baseUrl, s, fx, 'backup-pg'));
      });
      await sleep(1_500);
      const file = path.join(dir, 'pg.ndjson.gz');
      const before = [...filed];
      const b = await cli(store, ['backup', file]);
      const after = [...filed];
      await sleep(500);
      stopping = true;
      await Promise.all(loops);
      expect(b.code, b.out).toBe(0);
      expect(after.length, 'submissions were acknowledged while the backup ran').toBeGreaterThan(before.length);
      const r = await restoreAndCheck('postgres', file, { before, after, inFlight: sessions.length, tag: 'backup-pg' });
      console.log(`[backup postgres] ${before.length} acknowledged before, ${after.length} by the end; restored ${r.streamed} of them (${r.complaints} complaints); ${r.verified}`);
    } finally {
      await kill(server);
      await store.drop();
    }
  });

  it('embedded: backupDatabase inside the serving process', async () => {
    const store = await freshStore('embedded');
    const database = await openDatabase({ dataDir: store.dataDir });
    const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent' });
    const app = await buildApp({ db: database.db, backend: database.backend, config }, { logger: false, serveWeb: false, modules: MODULES });
    try {
      await app.ready();
      const { citizenLogin } = citizenHelpers(app, database.db);
      const c = await citizenLogin('09133000003');
      const fxRes = await app.inject({ url: `/api/v1/divisions?q=${encodeURIComponent('ساری')}&level=city` });
      const cats = (await app.inject({ url: '/api/v1/complaints/categories' })).json() as { items: { children: { id: number; questions: { required: boolean }[] }[] }[] };
      const categoryId = cats.items.flatMap((x) => x.children).find((x) => !x.questions.some((q) => q.required))!.id;
      const divisionId = (fxRes.json() as { items: { id: number }[] }).items[0]!.id;
      const filed: string[] = [];
      let stopping = false;
      let n = 0;
      const loops = [0, 1].map(async () => {
        while (!stopping) {
          const res = await app.inject({
            method: 'POST', url: '/api/v1/complaints', headers: c.headers,
            payload: { kind: 'complaint', categoryId, divisionId, subject: `پسماند رهاشده backup-embedded ${++n}`, body: 'کیسه‌های پسماند چند روز است در کوچه مانده و جمع‌آوری نشده است.' },
          });
          expect(res.statusCode, res.body).toBe(201);
          filed.push(res.json().trackingCode as string);
        }
      });
      await sleep(1_000);
      const file = path.join(dir, 'embedded.ndjson.gz');
      const before = filed.length;
      const beforeCodes = filed.slice();
      await backupDatabase(database, file);
      const after = filed.length;
      await sleep(300);
      stopping = true;
      await Promise.all(loops);
      expect(after, 'submissions were acknowledged while the backup ran').toBeGreaterThan(before);
      const asFiled = (codes: string[]) => codes.map((trackingCode) => ({ trackingCode }) as Filed);
      const r = await restoreAndCheck('embedded', file, { before: asFiled(beforeCodes), after: asFiled(filed.slice(0, after)), inFlight: 2, tag: 'backup-embedded' });
      console.log(`[backup embedded] ${before} acknowledged before, ${after} by the end; restored ${r.streamed} of them (${r.complaints} complaints); ${r.verified}`);
    } finally {
      await app.close();
      await database.close();
      await store.drop();
    }
  });
});

