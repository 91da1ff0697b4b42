// Test helpers of the citizen side, for every module: a citizen signed in through the real one-time code, the
// SMS outbox, uploads. Used by *.test.ts only.
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../core/db/client.js';
import { notifyOutbox } from '../core/notify/schema.js';

// Smallest valid files, made from their real signatures.
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3a3c1f20000000049454e44ae426082', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export type Headers = Record<string, string>;

/** Helpers bound to a test app: lastSms, citizenLogin, upload, postFile. */
export function citizenHelpers(app: FastifyInstance, db: Db) {
  /** The newest SMS queued for a mobile. */
  async function lastSms(mobile: string): Promise<string | null> {
    const [m] = await db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, mobile)).orderBy(desc(notifyOutbox.id)).limit(1);
    return m?.body ?? null;
  }

  /** Signs a citizen in the real way: one-time code requested, read from the SMS outbox, verified. */
  async function citizenLogin(mobile: string): Promise<{ headers: Headers; userId: number }> {
    const req = await app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile } });
    if (req.statusCode !== 200) throw new Error(`otp request failed: ${req.statusCode} ${req.body}`);
    const code = /\d{6}/.exec((await lastSms(mobile)) ?? '')![0];
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile, code } });
    if (res.statusCode !== 200) throw new Error(`otp verify failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'shahrdeh_sid')!;
    return { headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string }, userId: Number(res.json().user.id) };
  }

  /** Posts one file as multipart/form-data (field `file`, plus `fields`) to `url`; returns the raw response. */
  async function postFile(headers: Headers, url: string, content: Buffer, filename: string, fields: Record<string, string> = {}) {
    const boundary = '----shahrdeh' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }

  /** Uploads a file as whoever `headers` sign in; returns the document id. */
  async function upload(headers: Headers, content: Buffer = PNG, filename = 'photo.png'): Promise<string> {
    const res = await postFile(headers, '/api/v1/documents', content, filename, { purpose: 'complaint' });
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  }

  return { lastSms, citizenLogin, upload, postFile };
}
