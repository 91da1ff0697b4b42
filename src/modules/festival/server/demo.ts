import type { Db } from '../../../core/db/client.js';

/** STUB — to be written: the festival's demo data in every state. */
export async function seedFestivalDemo(_db: Db): Promise<void> {}
