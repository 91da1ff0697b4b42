import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../core/db/client.js';
import { complaintsApiKeys } from '../schema.js';

/** The Open311 client behind an API key. `id` is what complaints record in `api_client`. */
export interface ApiClient {
  id: string;
  name: string;
}

/** The key accepted in demo mode only (documented in the README); it is never stored. */
export const DEMO_API_KEY = 'demo';
export const DEMO_CLIENT: ApiClient = { id: 'demo', name: 'demo' };

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Creates an API key for an Open311 client (a civic-tech app, a city's call centre) and returns the key in
 * plain text, once: only its SHA-256 is stored, so a leaked database does not leak usable keys. Keys are 32
 * random bytes, so a plain (unsalted) hash is enough — there is nothing to guess.
 */
export async function createApiKey(db: DbOrTx, name: string): Promise<string> {
  const clean = name.trim();
  if (clean === '' || clean.length > 100) throw new Error('createApiKey: the name must be 1–100 characters');
  const key = `o311_${randomBytes(32).toString('base64url')}`;
  await db.insert(complaintsApiKeys).values({ name: clean, keyHash: hashKey(key) });
  return key;
}

/** The active client holding `key`, or null. Looks the key up by its hash (no plain key is ever compared). */
export async function verifyApiKey(db: DbOrTx, key: string): Promise<ApiClient | null> {
  if (key.length < 10 || key.length > 200) return null;
  const [row] = await db
    .select({ id: complaintsApiKeys.id, name: complaintsApiKeys.name })
    .from(complaintsApiKeys)
    .where(and(eq(complaintsApiKeys.keyHash, hashKey(key)), eq(complaintsApiKeys.active, true)));
  return row ? { id: String(row.id), name: row.name } : null;
}

/** Withdraws a key: requests signed with it are refused from now on (complaints it filed stay). */
export async function revokeApiKey(db: DbOrTx, id: number): Promise<boolean> {
  const res = await db.update(complaintsApiKeys).set({ active: false }).where(eq(complaintsApiKeys.id, id)).returning({ id: complaintsApiKeys.id });
  return res.length > 0;
}
