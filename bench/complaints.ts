// Complaint submission and tracking-code lookup throughput against a real server, on PGlite and on PostgreSQL.
// Usage: npm run bench -- [embedded|postgres|both] (PostgreSQL: BENCH_DATABASE_URL, default the local server).
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { citizenSession, startServer, type BenchServer } from './server.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Row { backend: string; scenario: string; requestsPerSec: number; p50ms: number; p99ms: number; ok: number; errors: number }

async function fixtures(server: BenchServer) {
  const cats = (await (await fetch(`${server.url}/api/v1/complaints/categories`)).json()) as { items: { children: { id: number; questions: { required: boolean }[] }[] }[] };
  const leaf = cats.items.flatMap((c) => c.children).find((c) => !c.questions.some((q) => q.required))!;
  const places = (await (await fetch(`${server.url}/api/v1/divisions?q=${encodeURIComponent('ساری')}&level=city`)).json()) as { items: { id: number }[] };
  return { categoryId: leaf.id, divisionId: places.items[0]!.id };
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function bench(backend: 'embedded' | 'postgres'): Promise<Row[]> {
  let url: string | undefined;
  if (backend === 'postgres') {
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS shahrdeh_bench WITH (FORCE)');
    await admin.query("CREATE DATABASE shahrdeh_bench TEMPLATE template0 ENCODING 'UTF8'");
    await admin.end();
    const u = new URL(base);
    u.pathname = '/shahrdeh_bench';
    url = u.toString();
  }
  const server = await startServer(url);
  try {
    const { categoryId, divisionId } = await fixtures(server);
    const sessions: Record<string, string>[] = [];
    for (let i = 0; i < 10; i++) sessions.push(await citizenSession(server, `0915${String(1000000 + i)}`, `10.9.0.${i + 1}`));
    let n = 0;
    const codes: string[] = [];
    const submit = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{
        method: 'POST',
        path: '/api/v1/complaints',
        setupRequest: (req) => {
          const s = sessions[n++ % sessions.length]!;
          return { ...req, headers: { ...s, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'complaint', categoryId, divisionId, subject: `چاله در خیابان ${n}`, body: 'در خیابان اصلی چاله‌ای بزرگ ایجاد شده که برای خودروها خطرناک است.' }) };
        },
        onResponse: (status, body) => { if (status === 201 && codes.length < 5000) codes.push((JSON.parse(body) as { trackingCode: string }).trackingCode); },
      }],
    });
    let m = 0;
    const track = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/complaints/track/${codes[m++ % codes.length]}` }) }],
    });
    const row = (scenario: string, r: autocannon.Result): Row => ({
      backend, scenario, requestsPerSec: Math.round(r['2xx'] / r.duration), p50ms: r.latency.p50, p99ms: r.latency.p99, ok: r['2xx'], errors: r.non2xx + r.errors,
    });
    return [row('complaint submission (POST /api/v1/complaints)', submit), row('tracking-code lookup (GET /api/v1/complaints/track/:code)', track)];
  } finally {
    await server.stop();
  }
}

const which = process.argv[2] ?? 'both';
const rows: Row[] = [];
if (which !== 'postgres') rows.push(...(await bench('embedded')));
if (which !== 'embedded') rows.push(...(await bench('postgres')));
const md = [
  `# Complaints benchmark (${new Date().toISOString()}, ${CONNECTIONS} connections, ${DURATION} s each)`,
  '',
  '| backend | scenario | requests/s | p50 ms | p99 ms | ok | errors |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.backend} | ${r.scenario} | ${r.requestsPerSec} | ${r.p50ms} | ${r.p99ms} | ${r.ok} | ${r.errors} |`),
].join('\n');
writeFileSync(new URL('./results/complaints.json', import.meta.url), JSON.stringify(rows, null, 2));
writeFileSync(new URL('./results/complaints.md', import.meta.url), md + '\n');
console.log(md);
