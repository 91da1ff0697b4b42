import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.js';
import { normalizeFa } from '../fa/index.js';
import { createTestDatabase } from '../../test/db.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

const alphabet = [...'abcXYZ019۰۹٠٩يىكۀةأإٱؤیکهآا ـًٌ ‌‍\t\n', '\u200c', '\u0670', '\u0653'];

describe('the migrated fa_normalize()', () => {
  it('gives exactly what normalizeFa() gives in JavaScript, for random mixed Persian/Arabic/Latin text', async () => {
    const samples = fc.sample(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((a) => a.join('')), 300);
    const got = await rows<{ v: string }>(database.db, sql`select fa_normalize(x) as v from json_array_elements_text(${JSON.stringify(samples)}::json) with ordinality as u(x, i) order by i`);
    expect(got.map((g) => g.v)).toEqual(samples.map(normalizeFa));
  });
});
