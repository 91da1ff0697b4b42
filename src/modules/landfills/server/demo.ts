// Demo mode: landfill and dump sites of Mazandaran (and one in Isfahan) in every verification state, with status
// history; demo census figures for the demo villages; two consolidation scenarios of the province (solved by the
// server's scenario runner after start-up) and a fund allocation.
import { and, count, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { demoStaffActors } from '../../../core/auth/demo.js';
import type { Db, Tx } from '../../../core/db/client.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { getDivision, pathIds } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { AllocationCreate, ScenarioCreate, SiteInput, type SiteInputRaw, type VerificationState } from '../contract.js';
import { createAllocation } from './allocations.js';
import { createScenario, type ScenarioRunner } from './scenarios.js';
import { landfillScenarios, landfillSites, landfillStatusHistory } from './schema.js';
import { createSite, reviewSite, updateSite } from './sites.js';

const DAY = 86_400_000;
const DEMO_LOCK = 7349109;

type Staff = Record<'dehyari' | 'district.reviewer' | 'province.reviewer' | 'expert.rural', Actor>;
interface DemoSite {
  /** the division's name (village, rural district or district) and level */
  at: string;
  level: 'village' | 'rural_district' | 'district';
  by: keyof Staff;
  state: VerificationState;
  /** a later status change, with its note */
  statusChange?: { to: SiteInputRaw['status']; note: string };
  site: Omit<SiteInputRaw, 'divisionId'>;
}

const SITES: DemoSite[] = [
  {
    at: 'بالا بندارخیل', level: 'village', by: 'dehyari', state: 'submitted',
    site: { externalId: 'MZN-SAR-001', name: 'محل تخلیه روباز بالا بندارخیل', kind: 'open_dump', lat: 36.6152, lon: 53.0121, operator: 'دهیاری بالا بندارخیل', startYear: 1388, areaM2: 6500, capacity: 18000, capacityUnit: 'm3', fillPercent: 72, dailyIntakeT: 4.2, distWaterM: 350, distSettlementM: 900, distRoadM: 150, groundwaterDepthM: 9, soilNotes: 'خاک رسی، شیب ملایم به سمت آبراهه فصلی', flags: ['river'], populationExposed: 2400, requiredFundingMrial: 4200 },
  },
  {
    at: 'مذکوره', level: 'rural_district', by: 'district.reviewer', state: 'verified',
    site: { externalId: 'MZN-SAR-002', name: 'مرکز دفن بهداشتی منطقه‌ای مذکوره', kind: 'sanitary', lat: 36.6248, lon: 53.0705, operator: 'شرکت تعاونی دهیاری‌های بخش مرکزی ساری', startYear: 1396, areaM2: 42000, capacity: 260000, capacityUnit: 'm3', fillPercent: 31, dailyIntakeT: 22, designIntakeT: 60, distWaterM: 1800, distSettlementM: 2500, distRoadM: 400, groundwaterDepthM: 24, soilNotes: 'لایه رسی متراکم، سلول‌های دفن با لاینر', populationExposed: 600, requiredFundingMrial: 9000 },
  },
  {
    at: 'دولت‌آباد', level: 'village', by: 'district.reviewer', state: 'district_verified',
    site: { externalId: 'MZN-SAR-003', name: 'ایستگاه انتقال پسماند دولت‌آباد', kind: 'transfer', lat: 36.5991, lon: 53.0448, operator: 'دهیاری دولت‌آباد', startYear: 1399, areaM2: 1200, dailyIntakeT: 6, designIntakeT: 15, distWaterM: 900, distSettlementM: 500, distRoadM: 30, populationExposed: 300, requiredFundingMrial: 1500 },
  },
  {
    at: 'اسبوکلا', level: 'village', by: 'district.reviewer', state: 'returned',
    site: { externalId: 'MZN-SAR-004', name: 'محل تخلیه روباز اسبوکلا', kind: 'open_dump', lat: 36.5601, lon: 53.1552, operator: 'دهیاری اسبوکلا', startYear: 1385, areaM2: 3000, capacity: 9000, capacityUnit: 'm3', fillPercent: 88, dailyIntakeT: 3.1, distWaterM: 220, distSettlementM: 600, distRoadM: 80, groundwaterDepthM: 6, flags: ['river', 'flood'], populationExposed: 1800, requiredFundingMrial: 3800 },
  },
  {
    at: 'زرین‌آباد علیا', level: 'village', by: 'district.reviewer', state: 'verified', statusChange: { to: 'full', note: 'ظرفیت محل تکمیل شد؛ پسماند به مرکز منطقه‌ای مذکوره منتقل می‌شود.' },
    site: { externalId: 'MZN-SAR-005', name: 'محل تخلیه زرین‌آباد', kind: 'open_dump', lat: 36.5355, lon: 53.1588, operator: 'دهیاری زرین‌آباد علیا', startYear: 1380, areaM2: 4200, capacity: 5200, capacityUnit: 't', fillPercent: 100, dailyIntakeT: 2.4, distWaterM: 140, distSettlementM: 700, distRoadM: 60, groundwaterDepthM: 5, flags: ['river'], populationExposed: 2100, requiredFundingMrial: 5200 },
  },
  {
    at: 'لیمون', level: 'village', by: 'district.reviewer', state: 'verified',
    site: { externalId: 'MZN-SAR-006', name: 'واحد کمپوست روستایی لیمون', kind: 'composting', lat: 36.5944, lon: 53.0262, operator: 'تعاونی روستایی لیمون', startYear: 1400, areaM2: 2500, capacity: 1500, capacityUnit: 't', fillPercent: 20, dailyIntakeT: 1.5, designIntakeT: 4, distWaterM: 1200, distSettlementM: 800, distRoadM: 100, populationExposed: 150, requiredFundingMrial: 900 },
  },
  {
    at: 'مزده', level: 'village', by: 'province.reviewer', state: 'verified',
    site: { externalId: 'MZN-KIA-001', name: 'محل تخلیه روباز مزده', kind: 'open_dump', lat: 36.3361, lon: 53.4212, operator: 'دهیاری مزده', startYear: 1386, areaM2: 5000, capacity: 12000, capacityUnit: 'm3', fillPercent: 64, dailyIntakeT: 2.8, distWaterM: 480, distSettlementM: 1100, distRoadM: 200, groundwaterDepthM: 15, flags: ['protected'], populationExposed: 950, requiredFundingMrial: 4600 },
  },
  {
    at: 'چهاردانگه', level: 'district', by: 'province.reviewer', state: 'verified',
    site: { externalId: 'MZN-KIA-002', name: 'مرکز دفن منطقه‌ای کیاسر', kind: 'sanitary', lat: 36.2532, lon: 53.5208, operator: 'بخشداری چهاردانگه', startYear: 1394, areaM2: 38000, capacity: 180000, capacityUnit: 'm3', fillPercent: 45, dailyIntakeT: 12, designIntakeT: 40, distWaterM: 2100, distSettlementM: 3000, distRoadM: 500, groundwaterDepthM: 30, soilNotes: 'سازند آهکی با پوشش رسی', populationExposed: 400, requiredFundingMrial: 7000 },
  },
  {
    at: 'اروست', level: 'village', by: 'province.reviewer', state: 'submitted',
    site: { externalId: 'MZN-KIA-003', name: 'محل تخلیه اروست', kind: 'open_dump', lat: 36.2561, lon: 53.6473, operator: 'دهیاری اروست', startYear: 1390, areaM2: 2000, capacity: 6000, capacityUnit: 'm3', fillPercent: 55, dailyIntakeT: 1.2, distWaterM: 300, distSettlementM: 650, distRoadM: 90, flags: ['flood'], populationExposed: 700, requiredFundingMrial: 2600 },
  },
  {
    at: 'سنگده', level: 'village', by: 'province.reviewer', state: 'verified', statusChange: { to: 'rehabilitated', note: 'پوشش خاک و کاشت نهال انجام شد؛ محل احیا شد.' },
    site: { externalId: 'MZN-DOD-001', name: 'محل تخلیه سنگده', kind: 'open_dump', lat: 36.0655, lon: 53.2031, operator: 'دهیاری سنگده', startYear: 1378, areaM2: 3500, capacity: 7000, capacityUnit: 'm3', fillPercent: 100, dailyIntakeT: 0, distWaterM: 260, distSettlementM: 1500, distRoadM: 120, flags: ['protected', 'river'], populationExposed: 500 },
  },
  {
    at: 'جورجاده', level: 'village', by: 'province.reviewer', state: 'verified',
    site: { externalId: 'MZN-DOD-002', name: 'محل تخلیه روباز جورجاده', kind: 'open_dump', lat: 36.0951, lon: 53.2462, operator: 'دهیاری جورجاده', startYear: 1389, areaM2: 2600, capacity: 8000, capacityUnit: 'm3', fillPercent: 41, dailyIntakeT: 1.9, designIntakeT: 8, distWaterM: 650, distSettlementM: 1200, distRoadM: 70, groundwaterDepthM: 18, populationExposed: 640, requiredFundingMrial: 2100 },
  },
  {
    at: 'نریواران شرقی', level: 'village', by: 'province.reviewer', state: 'verified',
    site: { externalId: 'MZN-BAB-001', name: 'محل تخلیه نریواران', kind: 'open_dump', lat: 36.3352, lon: 52.6455, operator: 'دهیاری نریواران شرقی', startYear: 1387, areaM2: 3100, capacity: 10000, capacityUnit: 'm3', fillPercent: 83, dailyIntakeT: 2.6, designIntakeT: 10, distWaterM: 180, distSettlementM: 800, distRoadM: 110, groundwaterDepthM: 7, flags: ['river', 'wetland'], populationExposed: 1300, requiredFundingMrial: 4900 },
  },
  {
    at: 'آخورسر', level: 'village', by: 'district.reviewer', state: 'removed',
    site: { externalId: null, name: 'محل تخلیه آخورسر (ثبت تکراری)', kind: 'open_dump', lat: 36.5801, lon: 53.0423, operator: 'دهیاری آخورسر', dailyIntakeT: 1 },
  },
  {
    at: 'ابیانه', level: 'village', by: 'expert.rural', state: 'submitted',
    site: { externalId: 'ISF-NAT-001', name: 'محل تخلیه روباز ابیانه', kind: 'open_dump', lat: 33.5821, lon: 51.6112, operator: 'دهیاری ابیانه', startYear: 1384, areaM2: 1800, capacity: 4000, capacityUnit: 'm3', fillPercent: 77, dailyIntakeT: 0.9, distWaterM: 400, distSettlementM: 1000, distRoadM: 50, flags: ['protected'], populationExposed: 450, requiredFundingMrial: 3000 },
  },
];

/** Demo census figures for the demo villages that have none (deterministic from the name). */
async function seedPopulation(tx: Tx): Promise<void> {
  await tx.execute(sql`update org_divisions set population = 300 + (abs(hashtext(name)) % 2700) where level = 'village' and population is null and code like '99%'`);
}

async function walk(tx: Tx, staff: Staff, id: number, to: VerificationState): Promise<void> {
  const steps: [keyof Staff, string, string?][] =
    to === 'district_verified' ? [['district.reviewer', 'district_verify']]
    : to === 'verified' ? [['district.reviewer', 'district_verify'], ['province.reviewer', 'province_verify']]
    : to === 'returned' ? [['district.reviewer', 'district_return', 'مختصات ثبت‌شده با محل واقعی روی نقشه هم‌خوانی ندارد و عکس محل پیوست نشده است؛ لطفاً اصلاح کنید.']]
    : to === 'removed' ? [['province.reviewer', 'remove', 'ثبت تکراری؛ همین محل با نام «محل تخلیه روباز بالا بندارخیل» ثبت شده است.']]
    : [];
  for (const [who, action, comment] of steps) {
    const [site] = await tx.select({ version: landfillSites.version, path: landfillSites.divisionPath }).from(landfillSites).where(eq(landfillSites.id, id));
    await reviewSite(tx, who === 'district.reviewer' ? districtActor(staff, site!.path) : staff[who], id, { action, version: site!.version, comment: comment ?? null });
  }
}

/**
 * The demo has one district reviewer account (Sari's central district). Sites in other districts are verified by
 * their own district governorate: an unnamed colleague bound to that district stands in for it.
 */
function districtActor(staff: Staff, sitePath: string): Actor {
  const own = staff['district.reviewer'];
  if (own.grants.some((g) => sitePath.startsWith(g.path))) return own;
  const ids = pathIds(sitePath).slice(0, 3);
  return { id: null, kind: 'staff', label: 'demo district governorate', grants: [{ role: 'district.reviewer', divisionId: ids[2]!, path: `/${ids.join('/')}/`, level: 'district' }] };
}

/**
 * Seeds the landfill demo (idempotent: nothing when any site exists). Sites are registered by the dehyar, the
 * district and the province, then taken through verification to their demo state and backdated over the last
 * months; two scenarios of the province wait for the scenario runner; one fund allocation is computed.
 */
export async function seedLandfillsDemo(db: Db, places: DemoPlaces): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(landfillSites);
    if (Number(n) > 0) return;
    await seedPopulation(tx);
    const staff = await demoStaffActors(tx, ['dehyari', 'district.reviewer', 'province.reviewer', 'expert.rural'] as const, 'seedLandfillsDemo');
    const province = (await getDivision(tx, places.province))!;
    const names = [...new Set(SITES.map((s) => s.at))];
    const found = await tx.select({ id: orgDivisions.id, name: orgDivisions.name, level: orgDivisions.level, path: orgDivisions.path }).from(orgDivisions)
      .where(and(inArray(orgDivisions.name, names), like(orgDivisions.code, '99%')));
    const now = Date.now();
    for (const [k, d] of SITES.entries()) {
      const division = found.find((f) => f.name === d.at && f.level === d.level);
      if (!division) throw new Error(`seedLandfillsDemo: demo place ${d.at} is missing`);
      const id = await createSite(tx, staff[d.by], SiteInput.parse({ ...d.site, divisionId: division.id }));
      await walk(tx, staff, id, d.state);
      if (d.statusChange) {
        const [row] = await tx.select().from(landfillSites).where(eq(landfillSites.id, id));
        const input = SiteInput.parse({ ...d.site, divisionId: division.id, status: d.statusChange.to });
        await updateSite(tx, staff['province.reviewer'], id, input, { expectedVersion: row!.version, statusNote: d.statusChange.note });
        await walk(tx, staff, id, 'verified');
      }
      // Registered over the last eight months, oldest first; the first record's deadline has passed (overdue).
      const at = new Date(now - (SITES.length - k) * 17 * DAY);
      await tx.update(landfillSites).set({ createdAt: at, updatedAt: new Date(at.getTime() + 3 * DAY) }).where(eq(landfillSites.id, id));
      await tx.update(landfillStatusHistory).set({ at }).where(and(eq(landfillStatusHistory.siteId, id), isNull(landfillStatusHistory.fromStatus)));
    }
    const [first] = await tx.select({ caseId: landfillSites.caseId }).from(landfillSites).where(eq(landfillSites.externalId, 'MZN-KIA-003'));
    await tx.update(wfCases).set({ dueAt: new Date(now - 2 * DAY) }).where(eq(wfCases.id, first!.caseId));

    // Two scenarios for the province: three regional sites, and a fixed cost per open site (compare them).
    const noRunner = { kick() {} } as unknown as ScenarioRunner; // the server's runner solves them after start-up
    const base = { source: 'registry' as const, divisionId: province.id, candidateStatuses: ['active', 'full'] as ('active' | 'full')[], capacitated: true };
    await createScenario(tx as unknown as Db, staff['province.reviewer'], ScenarioCreate.parse({ ...base, name: 'تجمیع در سه مرکز منطقه‌ای', p: 3 }), noRunner);
    await createScenario(tx as unknown as Db, staff['province.reviewer'], ScenarioCreate.parse({
      ...base, name: 'تجمیع با هزینه ثابت هر مرکز', openCost: 40,
      newCandidates: [{ name: 'نقطه پیشنهادی میاندورود', lat: 36.5702, lon: 53.1104, capacity: 50 }],
    }), noRunner);
    await tx.update(landfillScenarios).set({ createdAt: new Date(now - 5 * DAY) });
    await createAllocation(tx as unknown as Db, staff['province.reviewer'], AllocationCreate.parse({
      name: `تخصیص اعتبار بهسازی محل‌های دفن — استان مازندران`, divisionId: province.id, budget: 15000,
      weights: { mode: 'ahp', criteria: ['sensitivity', 'water_distance', 'population', 'open_dump'], upper: [[2, 3, 3], [2, 2], [1]] },
    }));
  });
}
