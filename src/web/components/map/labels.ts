// The maps' Persian words, and the lines of their tooltips (pure, so the wording and the digits are unit-tested).
import { faNumber } from '../../format.js';
import type { ScenarioMapProps } from './types.js';

export const mfa = {
  defaultLabel: 'نقشه',
  zoomIn: 'بزرگ‌نمایی',
  zoomOut: 'کوچک‌نمایی',
  details: 'نمایش جزئیات',
  clusterTitle: (n: string) => `${n} مکان در این ناحیه؛ برای بزرگ‌نمایی بزنید`,
  clusterHere: (n: string) => `${n} مکان در همین نقطه`,
  legend: 'راهنمای نقشه',
  pointsList: (n: string) => `فهرست ${n} مکان نقشه`,
  noPoints: 'مکانی با مختصات برای نمایش نیست.',
  boundariesFailed: 'مرز استان‌ها بارگذاری نشد؛ نشانه‌ها بی‌زمینه نمایش داده می‌شوند.',
  keys: 'نقشه: با کلیدهای جهت جابه‌جا کنید و با + و − بزرگ‌نمایی و کوچک‌نمایی',
  scenario: {
    openExisting: 'مرکز باز (محل موجود)',
    openNew: 'مرکز باز (محل جدید)',
    closed: 'کاندید بسته',
    village: 'روستا (به رنگ مرکز خود)',
    unassigned: 'روستای بی‌مرکز',
    link: 'مسیر روستا تا مرکز',
    open: 'مرکز باز',
    closedCandidate: 'کاندید بسته',
    existing: 'محل موجود',
    newSite: 'محل جدید',
    load: (load: string, capacity: string | null) =>
      capacity === null ? `بار: ${load} تن در روز (ظرفیت نامحدود)` : `بار: ${load} از ${capacity} تن در روز`,
    capacity: (capacity: string | null) => (capacity === null ? 'ظرفیت نامحدود' : `ظرفیت: ${capacity} تن در روز`),
    villages: (n: string) => `${n} روستا`,
    demand: (d: string) => `پسماند: ${d} تن در روز`,
    servedBy: (site: string) => `مرکز: ${site}`,
    notServed: 'بدون مرکز',
    summary: (open: string, closed: string, villages: string) => `${open} مرکز باز، ${closed} کاندید بسته و ${villages} روستا`,
    openList: 'مراکز باز برنامه',
  },
};

type Site = ScenarioMapProps['sites'][number];
type Village = ScenarioMapProps['villages'][number];

/** A site's tooltip: name, open or closed (and whether it is an existing site), load of capacity, villages served. */
export function siteTipLines(site: Site, villagesServed: number): string[] {
  const s = mfa.scenario;
  const lines = [site.label, `${site.open ? s.open : s.closedCandidate} — ${site.existing ? s.existing : s.newSite}`];
  const capacity = site.capacity === null || site.capacity === undefined ? null : faNumber(site.capacity, 1);
  if (site.open && site.load !== undefined) lines.push(s.load(faNumber(site.load, 1), capacity));
  else if (site.capacity !== undefined) lines.push(s.capacity(capacity));
  if (site.open) lines.push(s.villages(faNumber(villagesServed)));
  return lines;
}

/** A village's tooltip: name, daily waste, and the site that takes it. */
export function villageTipLines(village: Village, siteLabel: string | null): string[] {
  const s = mfa.scenario;
  const lines = [village.label];
  if (village.demand !== undefined) lines.push(s.demand(faNumber(village.demand, 2)));
  lines.push(siteLabel === null ? s.notServed : s.servedBy(siteLabel));
  return lines;
}
