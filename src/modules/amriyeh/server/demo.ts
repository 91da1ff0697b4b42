// Demo mode: two calls of the amriyeh service in Mazandaran with stations and applicants in every state — one call
// open for registration and under review, one whose selection has been run, letters issued and one revoked.
import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { demoCitizenActor, demoStaffActors } from '../../../core/auth/demo.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { storeDocument } from '../../../core/documents/store.js';
import { formatJalaliDate, jalaliParts } from '../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../core/fa/normalize.js';
import { nationalCodeFrom } from '../../../core/fa/validators.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { getDivision } from '../../../core/org/queries.js';
import { orgDehyaris, orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { ApplicationCreate, CallCreate, type ClaimablePriorityGroup, type EducationLevel } from '../contract.js';
import { loadApplication, reviewApplication, submitApplication, withdrawApplication } from './applications.js';
import { createCall } from './calls.js';
import { DEFAULT_RULES } from './eligibility.js';
import { amriyehApplications, amriyehCalls, amriyehLetters, amriyehStations } from './schema.js';
import { DEFAULT_CRITERIA } from './scoring.js';
import { issueLetters, revokeLetter, runSelection } from './selection.js';

const DAY = 86_400_000;
const DEMO_LOCK = 7349108;

/** Fire stations of the demo: village name → seats (requested, confirmed by the district, capped by the province). */
const STATIONS: { village: string; name: string; requested: number; confirmed: number | null; capped: number | null }[] = [
  { village: 'بالا بندارخیل', name: 'ایستگاه آتش‌نشانی بالا بندارخیل', requested: 3, confirmed: 3, capped: 2 },
  { village: 'دولت‌آباد', name: 'ایستگاه آتش‌نشانی دولت‌آباد', requested: 2, confirmed: 2, capped: 2 },
  { village: 'اسبوکلا', name: 'ایستگاه آتش‌نشانی اسبوکلا', requested: 2, confirmed: 2, capped: null },
  { village: 'مزده', name: 'ایستگاه آتش‌نشانی مزده', requested: 2, confirmed: 1, capped: null },
  { village: 'اروست', name: 'ایستگاه آتش‌نشانی اروست', requested: 1, confirmed: null, capped: null },
];

const FIRST = ['محمد', 'علی', 'حسین', 'رضا', 'مهدی', 'امیر', 'سجاد', 'مصطفی', 'حامد', 'یاسر', 'جواد', 'مجتبی', 'سعید', 'میلاد', 'احسان', 'عباس', 'وحید', 'هادی'];
const LAST = ['رستمی', 'کریمی', 'نوروزی', 'طالبی', 'قاسمی', 'صفری', 'حسن‌زاده', 'اکبری', 'یوسفی', 'جعفری', 'مرادی', 'عسگری', 'نظری', 'باقری', 'شریفی', 'ملکی', 'امینی', 'رحیمی'];
const FATHER = ['قربان', 'اسماعیل', 'غلامرضا', 'نصرالله', 'یدالله', 'محمدعلی'];
const FIELDS: [EducationLevel, string][] = [
  ['diploma', 'ریاضی فیزیک'], ['diploma', 'علوم تجربی'], ['associate', 'آتش‌نشانی و خدمات ایمنی'], ['bachelor', 'مهندسی ایمنی'],
  ['bachelor', 'حسابداری'], ['diploma', 'الکتروتکنیک'], ['associate', 'امداد و نجات'], ['bachelor', 'مدیریت بحران'],
];

/** What happens to a demo application after filing. */
type Fate = 'submitted' | 'overdue' | 'returned' | 'district_approved' | 'eligible' | 'rejected' | 'withdrawn';

interface Ctx { tx: Tx; staff: Record<'expert.rural' | 'province.reviewer' | 'district.reviewer', Actor>; villages: Map<string, { id: number; path: string }>; pdf: Buffer }

function formFor(i: number, callId: number, stationIds: number[], residenceId: number, birthId: number, claims: { group: ClaimablePriorityGroup; documentIds: string[] }[]) {
  const [level, field] = FIELDS[i % FIELDS.length]!;
  const year = jalaliParts(new Date()).year - 19 - (i % 8);
  return ApplicationCreate.parse({
    callId, nationalCode: nationalCodeFrom(207_100_000 + i * 7919), firstName: FIRST[i % FIRST.length]!, lastName: LAST[(i * 5) % LAST.length]!, fatherName: FATHER[i % FATHER.length]!,
    birthDate: `${year}/${String((i % 12) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')}`, educationLevel: level, fieldOfStudy: field,
    gpa: level === 'below_diploma' ? null : 13 + ((i * 37) % 70) / 10, residenceDivisionId: residenceId, birthPlaceDivisionId: birthId,
    maritalStatus: i % 4 === 0 ? 'married' : 'single', priorityClaims: claims, conscriptionStatus: i % 5 === 0 ? 'ready_to_serve' : 'eligible', stationIds,
  });
}

async function seedCall(ctx: Ctx, title: string, startsOn: Date, endsOn: Date, seed: string | undefined): Promise<number> {
  const mazandaran = await ctx.tx.select({ id: orgDivisions.id }).from(orgDivisions).where(and(eq(orgDivisions.level, 'province'), eq(orgDivisions.code, '2')));
  const call = await createCall(
    ctx.tx,
    CallCreate.parse({
      title, description: 'فراخوان جذب مشمولان وظیفه عمومی برای خدمت در ایستگاه‌های آتش‌نشانی دهیاری‌ها (امریه). این فراخوان نمونه حالت نمایشی است.',
      startsOn: formatJalaliDate(startsOn), endsOn: formatJalaliDate(endsOn), referenceDate: formatJalaliDate(endsOn), nationalQuota: 200,
      provinceQuotas: [{ provinceId: mazandaran[0]!.id, quota: 7 }], rules: DEFAULT_RULES, criteria: DEFAULT_CRITERIA, ...(seed ? { lotterySeed: seed } : {}),
    }),
    ctx.staff['expert.rural'],
    { open: true },
  );
  const dehyaris = await ctx.tx
    .select({ id: orgDehyaris.id, divisionId: orgDehyaris.divisionId })
    .from(orgDehyaris)
    .where(inArray(orgDehyaris.divisionId, [...ctx.villages.values()].map((v) => v.id)));
  for (const st of STATIONS) {
    const v = ctx.villages.get(st.village)!;
    const d = dehyaris.find((x) => x.divisionId === v.id)!;
    await ctx.tx.insert(amriyehStations).values({
      callId: call.id, dehyariId: d.id, divisionId: v.id, divisionPath: v.path, provinceId: Number(v.path.split('/')[1]), name: st.name,
      seatsRequested: st.requested, seatsConfirmed: st.confirmed, seatsCapped: st.capped,
    });
  }
  return call.id;
}

async function fileOne(ctx: Ctx, i: number, callId: number, fate: Fate, now: Date): Promise<void> {
  const stations = await ctx.tx.select({ id: amriyehStations.id }).from(amriyehStations).where(and(eq(amriyehStations.callId, callId), sql`coalesce(${amriyehStations.seatsCapped}, ${amriyehStations.seatsConfirmed}, 0) > 0`)).orderBy(amriyehStations.id);
  const ids = stations.map((s) => s.id);
  // The first choice is in the demo district (its reviewer is the demo account); Mazdeh (another district) second or third.
  const prefs = (i % 2 ? [ids[i % 3]!, ids[3]!, ids[(i + 1) % 3]!] : [ids[i % 3]!, ids[(i + 2) % 3]!, ids[3]!]).filter((x, k, all) => x !== undefined && all.indexOf(x) === k);
  const villages = [...ctx.villages.values()];
  const residence = villages[i % 3]!;
  const birth = i % 3 === 2 ? villages[3]! : residence;
  const applicant = await demoCitizenActor(ctx.tx, `090000001${String(i).padStart(2, '0')}`, null);
  const claims: { group: ClaimablePriorityGroup; documentIds: string[] }[] = [];
  if (i % 4 === 1 || i % 7 === 3) {
    const doc = await storeDocument(ctx.tx, { content: ctx.pdf, filename: 'گواهی.pdf', purpose: 'amriyeh-claim', owner: applicant, maxBytes: 1_000_000 });
    claims.push({ group: i % 4 === 1 ? 'relief_supported' : 'martyr_family', documentIds: [doc.id] });
  }
  const row = await submitApplication(ctx.tx, formFor(i, callId, prefs, residence.id, birth.id, claims), applicant, { sms: false, now });
  const load = async () => (await loadApplication(ctx.tx, row.id))!;
  const act = async (actor: Actor, action: 'district_approve' | 'return' | 'district_reject' | 'province_confirm' | 'province_reject', comment?: string) => {
    const l = await load();
    await reviewApplication(ctx.tx, l, { action, expectedVersion: l.case.version, ...(comment ? { comment } : {}), claims: l.app.priorityClaims.map((c, k) => ({ group: c.group, verified: (i + k) % 3 !== 0 })) }, actor);
  };
  const district = ctx.staff['district.reviewer'];
  const province = ctx.staff['province.reviewer'];
  switch (fate) {
    case 'submitted':
      return;
    case 'overdue':
      await ctx.tx.update(wfCases).set({ dueAt: new Date(Date.now() - 2 * DAY) }).where(eq(wfCases.id, row.caseId));
      return;
    case 'returned':
      return act(district, 'return', 'تصویر گواهی کمیته امداد خوانا نیست؛ لطفاً تصویر واضح‌تری بارگذاری کنید.');
    case 'rejected':
      return act(district, 'district_reject', 'بر اساس استعلام، محل سکونت اعلام‌شده با مدارک هم‌خوانی ندارد.');
    case 'withdrawn':
      return withdrawApplication(ctx.tx, await load(), applicant);
    case 'district_approved':
      return act(district, 'district_approve');
    case 'eligible':
      await act(district, 'district_approve');
      return act(province, 'province_confirm');
  }
}

/**
 * Dates the spring call's story as it happened (filed 90 days ago, reviewed within a week, run 55 days ago,
 * letters 50 days ago, one revoked 20 days ago) instead of the moment the demo was made. The audit log keeps
 * the real times: its hash chain is not rewritten.
 */
async function backdate(tx: Tx, callId: number, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  await tx.execute(sql`
    update wf_history h set at = case
        when h.action = 'open' then a.created_at
        when h.action in ('district_approve', 'return', 'district_reject', 'withdraw') then a.created_at + interval '3 days'
        when h.action = 'resubmit' then a.created_at + interval '5 days'
        when h.action in ('province_confirm', 'province_reject') then a.created_at + interval '7 days'
        when h.action in ('select', 'reserve', 'not_select') then ${at(55)}::timestamptz
        when h.action = 'issue' then ${at(50)}::timestamptz
        when h.action = 'revoke' then ${at(20)}::timestamptz
        else h.at end
      from amriyeh_applications a where a.case_id = h.case_id and a.call_id = ${callId}`);
  await tx.execute(sql`update wf_cases c set created_at = a.created_at, updated_at = (select max(at) from wf_history h where h.case_id = c.id)
      from amriyeh_applications a where a.case_id = c.id and a.call_id = ${callId}`);
  await tx.execute(sql`update amriyeh_allocation_runs set created_at = ${at(55)}::timestamptz where call_id = ${callId}`);
  await tx.execute(sql`update amriyeh_letters l set issued_at = ${at(50)}::timestamptz, revoked_at = case when revoked_at is null then null else ${at(20)}::timestamptz end
      from amriyeh_applications a where a.id = l.application_id and a.call_id = ${callId}`);
}

/**
 * Seeds the amriyeh demo (idempotent: nothing when any call exists). Spring call: registration over, 16 applicants
 * reviewed, the Mazandaran selection run, letters issued for the selected and one revoked. Autumn call: open,
 * applicants waiting in every review state (one overdue). Demo applicants sign in with 09000000100…09000000127.
 */
export async function seedAmriyehDemo(db: Db, places: DemoPlaces): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(amriyehCalls);
    if (Number(n) > 0) return;
    const county = (await getDivision(tx, places.county))!;
    const found = await tx.select({ id: orgDivisions.id, name: orgDivisions.name, path: orgDivisions.path }).from(orgDivisions)
      .where(and(eq(orgDivisions.level, 'village'), like(orgDivisions.path, `${county.path}%`), inArray(orgDivisions.name, STATIONS.map((s) => s.village))));
    const villages = new Map(STATIONS.map((s) => {
      const v = found.find((f) => f.name === s.village);
      if (!v) throw new Error(`seedAmriyehDemo: demo village ${s.village} is missing`);
      return [s.village, { id: v.id, path: v.path }];
    }));
    // The smallest PDF file-type accepts: the demo's "supporting document".
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ctx: Ctx = { tx, staff: await demoStaffActors(tx, ['expert.rural', 'province.reviewer', 'district.reviewer'] as const, 'seedAmriyehDemo'), villages, pdf };
    const now = new Date();
    const year = jalaliParts(now).year;

    // Spring: registration ran 120 → 60 days ago; everything reviewed; the province ran the selection.
    const spring = await seedCall(ctx, `فراخوان امریه آتش‌نشانان روستایی — نوبت بهار ${toPersianDigits(year)}`, new Date(now.getTime() - 120 * DAY), new Date(now.getTime() - 60 * DAY), '1403./5.11.17.23.38.40./');
    // The seed was published during registration (as the rules require), not when the demo was made.
    await tx.update(amriyehCalls).set({ seedPublishedAt: new Date(now.getTime() - 100 * DAY) }).where(eq(amriyehCalls.id, spring));
    const during = new Date(now.getTime() - 90 * DAY);
    const springFates: Fate[] = ['eligible', 'eligible', 'eligible', 'eligible', 'eligible', 'rejected', 'eligible', 'eligible', 'eligible', 'eligible', 'withdrawn', 'eligible', 'eligible', 'eligible', 'eligible', 'eligible'];
    for (const [k, fate] of springFates.entries()) await fileOne(ctx, k, spring, fate, during);
    await tx.execute(sql`update amriyeh_applications set created_at = ${during.toISOString()}::timestamptz + (random() * interval '20 days') where call_id = ${spring}`);
    await tx.update(amriyehCalls).set({ state: 'closed' }).where(eq(amriyehCalls.id, spring));
    await runSelection(tx, spring, Number(county.path.split('/')[1]), ctx.staff['province.reviewer']);
    const selected = await tx.select({ id: amriyehApplications.id }).from(amriyehApplications).innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
      .where(and(eq(amriyehApplications.callId, spring), eq(wfCases.state, 'selected'))).orderBy(amriyehApplications.rank);
    // Letters for all but the last selected (who still waits for his), then one revoked.
    for (const s of selected.slice(0, -1)) await issueLetters(tx, spring, null, ctx.staff['province.reviewer'], s.id);
    const [first] = await tx.select({ number: amriyehLetters.number }).from(amriyehLetters).orderBy(desc(amriyehLetters.id)).limit(1);
    if (first) await revokeLetter(tx, first.number, 'عدم معرفی به ایستگاه در مهلت مقرر (یک ماه پس از صدور).', ctx.staff['province.reviewer']);

    await backdate(tx, spring, now);

    // Autumn: open from 20 days ago for 25 more days; applications in every review state.
    const autumn = await seedCall(ctx, `فراخوان امریه آتش‌نشانان روستایی — نوبت پاییز ${toPersianDigits(year)}`, new Date(now.getTime() - 20 * DAY), new Date(now.getTime() + 25 * DAY), undefined);
    const autumnFates: Fate[] = ['submitted', 'submitted', 'overdue', 'submitted', 'returned', 'district_approved', 'district_approved', 'eligible', 'eligible', 'rejected', 'withdrawn', 'submitted'];
    for (const [k, fate] of autumnFates.entries()) await fileOne(ctx, 16 + k, autumn, fate, now);
  });
}
