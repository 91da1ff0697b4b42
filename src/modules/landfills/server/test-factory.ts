// Test data for the landfill service: a site row with its verification case, without the registry's checks (tests
// of planning and allocation want sites anywhere, in any state). Used by *.test.ts only.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import type { orgDivisions } from '../../../core/org/schema.js';
import { openCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { landfillSites } from './schema.js';
import './index.js';

type SiteColumns = Omit<typeof landfillSites.$inferInsert, 'id' | 'caseId' | 'divisionId' | 'divisionPath'>;

/** Inserts a site at `div` (open dump, active unless said) with an open case; `removed` puts the case in `removed`. */
export async function addSite(db: DbOrTx, actor: Actor, div: typeof orgDivisions.$inferSelect, s: Partial<SiteColumns> & { name: string; lat: number; lon: number; removed?: boolean }) {
  const { removed, ...columns } = s;
  return db.transaction(async (tx) => {
    const c = await openCase(tx, { definition: 'landfills.site', divisionId: div.id, title: s.name, actor });
    if (removed) await tx.update(wfCases).set({ state: 'removed' }).where(eq(wfCases.id, c.id));
    const [row] = await tx.insert(landfillSites).values({ kind: 'open_dump', status: 'active', ...columns, divisionId: div.id, divisionPath: div.path, caseId: c.id }).returning();
    return row!;
  });
}
