// Test helpers for the bank, courses, ratings and reports over HTTP: a request helper, a course as the form sends it,
// and a course planned, staffed and marked held (its rating token and codes). Used by *.test.ts only.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../core/access/roles.js';
import type { DbOrTx } from '../../../core/db/client.js';
import type { Headers } from '../../../test/citizen.js';
import { createStaff, type TestDivision } from '../../../test/factories.js';
import type { CourseView } from '../api-types.js';
import { jalaliInDays } from './test-factory.js';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** `call(method, url, who, payload)` on an app, with the JSON body parsed. */
export function caller(app: () => FastifyInstance) {
  return async function call<T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Headers | null, payload?: unknown, remoteAddress?: string): Promise<Res<T>> {
    const res = await app().inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}), ...(remoteAddress ? { remoteAddress } : {}) });
    const json = res.headers['content-type']?.toString().includes('json');
    return { status: res.statusCode, body: (res.body && json ? res.json() : res.body) as T, headers: res.headers };
  };
}

/** Staff members with one grant each (null: national), signed in over HTTP: their headers by name. */
export async function signInStaff(
  t: { db: DbOrTx; login: (username: string) => Promise<Headers> },
  prefix: string,
  grants: Record<string, [Role, TestDivision | null]>,
): Promise<Record<string, Headers>> {
  const out: Record<string, Headers> = {};
  for (const [name, grant] of Object.entries(grants)) {
    await createStaff(t.db, [grant], { username: `${prefix}_${name}`, password: 'secret-pass' });
    out[name] = await t.login(`${prefix}_${name}`);
  }
  return out;
}

/** A course as the form sends it: in `provinceId`, in person, from `from` to `to` days from today. */
export function courseBody(provinceId: number | null, field: string, opts: { from?: number; to?: number; mode?: 'in_person' | 'online'; trainees?: number; title?: string } = {}) {
  return {
    title: opts.title ?? 'دوره آموزشی برنامه‌ریزی شهری', field, provinceId, mode: opts.mode ?? 'in_person', place: 'سالن همایش استانداری',
    startsOn: jalaliInDays(opts.from ?? -2), endsOn: jalaliInDays(opts.to ?? 0), hours: 24, trainees: opts.trainees ?? 5, description: '',
  };
}

type Call = ReturnType<typeof caller>;

/** Plans a course (201), assigns the instructors and marks it held; returns its view and the rating token. */
export async function heldCourse(call: Call, who: Headers, body: ReturnType<typeof courseBody>, profileIds: number[]): Promise<{ course: CourseView; token: string }> {
  const created = await call<CourseView>('POST', '/api/v1/instructors/courses', who, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const profileId of profileIds) {
    const a = await call('POST', `/api/v1/instructors/courses/${created.body.id}/assignments`, who, { profileId });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
  }
  const held = await call<CourseView>('POST', `/api/v1/instructors/courses/${created.body.id}/held`, who);
  expect(held.status, JSON.stringify(held.body)).toBe(200);
  return { course: held.body, token: held.body.rating!.url.split('/rate/')[1]! };
}

/** A full set of trainee scores (overall as given). */
export const scores = (overall: number, rest = overall) => ({ overall, knowledge: rest, delivery: rest, usefulness: rest });
/** A full organizer evaluation with every item at `v`. */
export const evaluation = (v: number, comment = 'تدریس منظم و کاربردی') => ({ scores: { content: v, delivery: v, punctuality: v, materials: v }, comment });
