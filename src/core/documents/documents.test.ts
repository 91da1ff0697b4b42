import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { createStaff, createTree } from '../../test/factories.js';

// Smallest valid files of each kind, made from their real signatures.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3a3c1f20000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(content: Buffer, filename: string, purpose = 'evidence') {
  const boundary = '----shahrdeh' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_MB: '1' });
  tree = await createTree(t.db);
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr', password: 'secret-pass' });
  await createStaff(t.db, [['district.reviewer', tree.otherDistrict]], { username: 'dr2', password: 'secret-pass' });
  await createStaff(t.db, [['province.reviewer', tree.province]], { username: 'pr', password: 'secret-pass' });
  await createStaff(t.db, [['province.reviewer', tree.otherProvince]], { username: 'pr2', password: 'secret-pass' });
});
afterAll(async () => { await t.close(); });

async function upload(user: string, content: Buffer, filename: string) {
  const h = await t.login(user);
  const m = multipart(content, filename);
  return t.app.inject({ method: 'POST', url: '/api/v1/documents', payload: m.payload, headers: { ...h, ...m.headers } });
}

describe('POST /api/v1/documents', () => {
  it('201 for a PNG and a PDF, with the type read from the content', async () => {
    const png = await upload('dr', PNG, 'photo.pdf');
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ mime: 'image/png', size: PNG.length, filename: 'photo.pdf' });
    const pdf = await upload('dr', PDF, 'نامه.pdf');
    expect(pdf.json().mime).toBe('application/pdf');
  });

  it('415 file_type_not_allowed for a script named .pdf', async () => {
    const res = await upload('dr', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'report.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('file_type_not_allowed');
  });

  it('413 file_too_large over the configured limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(1_200_000)]);
    const res = await upload('dr', big, 'big.png');
    expect(res.statusCode).toBe(413);
  });

  it('401 without a session and 415 for a JSON body', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/documents', payload: {} })).statusCode).toBe(401);
    const h = await t.login('dr');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { a: 1 }, headers: h })).statusCode).toBe(415);
  });
});

describe('GET /api/v1/documents/:id', () => {
  it('200 for the uploader and a reviewer whose scope contains it; 404 for other scopes and bad ids', async () => {
    const id = (await upload('dr', PNG, 'x.png')).json().id as string;
    const get = async (user: string) => t.app.inject({ url: `/api/v1/documents/${id}`, headers: await t.login(user) });
    const own = await get('dr');
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(own.rawPayload, PNG)).toBe(0);
    expect((await get('pr')).statusCode).toBe(200);
    expect((await get('dr2')).statusCode).toBe(404);
    expect((await get('pr2')).statusCode).toBe(404);
    const h = await t.login('dr');
    expect((await t.app.inject({ url: '/api/v1/documents/not-a-uuid', headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/documents/${id}` })).statusCode).toBe(401);
  });
});
