// Test helpers of the citizen side: the real app, a citizen signed in through the one-time code, uploads.
// Used by *.test.ts only.
import { eq } from 'drizzle-orm';
import { citizenHelpers } from '../../../test/citizen.js';

import { ensureCategories } from './categories.js';

import { complaintsCategories } from './schema.js';

import { createTestApp } from '../../../test/app.js';

export { PDF, PNG, type Headers } from '../../../test/citizen.js';

/**
 * The real app with every module on a fresh database with the default categories, plus helpers for the citizen
 * side.
 */
export async function createCitizenTestApp(env: Record<string, string> = {}) {
  const t = await createTestApp(env);
  const { app, db } = t;
  await ensureCategories(db);

  const { citizenLogin, lastSms, upload } = citizenHelpers(app, db);

  /** A leaf category by its code. */
  async function category(code: string) {
    const [c] = await db.select().from(complaintsCategories).where(eq(complaintsCategories.code, code));
    if (!c) throw new Error(`no category ${code}`);
    return c;
  }

  return { ...t, citizenLogin, lastSms, upload, category };
}
