// The bulk-import format of landfill sites, written once: the columns of the template (Persian header, help,
// example), how a cell becomes a field of `SiteInput`, and how a row's problems are reported (column header +
// Persian reason). Pure functions: codes are resolved through a synchronous lookup the caller preloads.
import type { z } from 'zod';
import { normalizeFa, toAsciiDigits, toPersianDigits } from '../../../core/fa/index.js';
import { canonicalCode, cleanName } from '../../../core/org/import-files.js';
import {
  CAPACITY_UNIT_TITLES,
  CAPACITY_UNITS,
  IRAN_BOUNDS,
  SENSITIVITY_FLAG_TITLES,
  SENSITIVITY_FLAGS,
  SiteInput,
  SITE_KIND_TITLES,
  SITE_KINDS,
  SITE_STATUS_TITLES,
  SITE_STATUSES,
} from '../contract.js';

/** The SiteInput fields the import fills from a column of the same name (the rest come from codes). */
type DirectField = Exclude<keyof z.input<typeof SiteInput>, 'documentIds' | 'divisionId' | 'servedVillageIds'>;

type Conv =
  | { type: 'text'; clean?: boolean }
  | { type: 'id' }
  | { type: 'number'; percent?: boolean }
  | { type: 'enum'; keys: readonly string[]; titles: Record<string, string> }
  | { type: 'flags' }
  | { type: 'division' }
  | { type: 'villages' };

/** One column of the import file. */
export interface ImportColumn {
  /** Column key: the SiteInput field name, or `division_code` / `villages_served`. A header may be the key too. */
  key: string;
  /** Persian header, as written in the template. */
  header: string;
  /** Persian help: unit, allowed values, what empty means. */
  help: string;
  /** The template's example value (ASCII digits, so spreadsheets read numbers as numbers). */
  example: string;
  /** A file without this column is refused. */
  required: boolean;
  /** The SiteInput field the column fills. */
  field: keyof z.input<typeof SiteInput>;
  conv: Conv;
}

const fa = (n: number) => toPersianDigits(String(n)).replace('.', '٫');
const oneOf = (titles: Record<string, string>) => Object.values(titles).map((t) => `«${t}»`).join('، ');
const LIST_SEP = 'جدا با ؛ یا ,';
const num = (unit: string, opts: { int?: boolean; extra?: string } = {}) => `${opts.int ? 'عدد صحیح' : 'عدد'}، به ${unit}${opts.extra ?? ''}؛ خالی یعنی نامعلوم`;

type Spec = Omit<ImportColumn, 'key' | 'field'>;
const col = (header: string, help: string, example: string, conv: Conv, required = false): Spec => ({ header, help, example, conv, required });

// Keyed by field so the compiler checks every imported SiteInput field has its column; the order is the template's.
const DIRECT: Record<DirectField, Spec> = {
  externalId: col('شناسه خارجی', 'شناسه محل در سامانه یا فهرست خود شما (حرف، رقم و - _ . / تا ۶۰ نویسه)؛ ورود دوبارهٔ همان شناسه، همان محل را به‌روز می‌کند. خالی یعنی هر بار محل تازه', 'KRM-0012', { type: 'id' }),
  name: col('نام محل', 'نام محل دفن یا تخلیه (اجباری، تا ۲۰۰ نویسه)', 'محل دفن دهستان مذکوره', { type: 'text', clean: true }, true),
  kind: col('نوع محل', `یکی از ${oneOf(SITE_KIND_TITLES)} (اجباری)`, SITE_KIND_TITLES.open_dump, { type: 'enum', keys: SITE_KINDS, titles: SITE_KIND_TITLES }, true),
  status: col('وضعیت', `یکی از ${oneOf(SITE_STATUS_TITLES)}؛ خالی یعنی «${SITE_STATUS_TITLES.active}»`, SITE_STATUS_TITLES.active, { type: 'enum', keys: SITE_STATUSES, titles: SITE_STATUS_TITLES }),
  lat: col('عرض جغرافیایی', `درجهٔ اعشاری (مانند ۳۶٫۵۹۸۱)، بین ${fa(IRAN_BOUNDS.minLat)} و ${fa(IRAN_BOUNDS.maxLat)} (اجباری)`, '36.5981', { type: 'number' }, true),
  lon: col('طول جغرافیایی', `درجهٔ اعشاری (مانند ۵۳٫۰۱۵۴)، بین ${fa(IRAN_BOUNDS.minLon)} و ${fa(IRAN_BOUNDS.maxLon)} (اجباری)`, '53.0154', { type: 'number' }, true),
  operator: col('بهره‌بردار', 'دهیاری، شرکت یا پیمانکار بهره‌بردار (تا ۲۰۰ نویسه)', 'دهیاری بالا بندارخیل', { type: 'text', clean: true }),
  startYear: col('سال شروع بهره‌برداری', 'سال شمسی چهاررقمی (مانند ۱۳۹۵)؛ خالی یعنی نامعلوم', '1395', { type: 'number' }),
  areaM2: col('مساحت (مترمربع)', num('مترمربع'), '12000', { type: 'number' }),
  capacity: col('ظرفیت کل', num('واحد ستون «واحد ظرفیت»'), '50000', { type: 'number' }),
  capacityUnit: col('واحد ظرفیت', `یکی از ${oneOf(CAPACITY_UNIT_TITLES)}؛ خالی یعنی «${CAPACITY_UNIT_TITLES.m3}»`, CAPACITY_UNIT_TITLES.m3, { type: 'enum', keys: CAPACITY_UNITS, titles: CAPACITY_UNIT_TITLES }),
  fillPercent: col('درصد پرشدگی', 'عدد از ۰ تا ۱۰۰ (درصد)؛ خالی یعنی نامعلوم', '65', { type: 'number', percent: true }),
  dailyIntakeT: col('ورودی روزانه (تن)', num('تن در روز'), '4.5', { type: 'number' }),
  designIntakeT: col('ظرفیت پذیرش روزانه (تن)', 'عدد، به تن در روز؛ خالی یعنی بدون سقف', '10', { type: 'number' }),
  distWaterM: col('فاصله تا منبع آب (متر)', num('متر'), '850', { type: 'number' }),
  distSettlementM: col('فاصله تا سکونتگاه (متر)', num('متر'), '1200', { type: 'number' }),
  distRoadM: col('فاصله تا جاده (متر)', num('متر'), '300', { type: 'number' }),
  groundwaterDepthM: col('عمق آب زیرزمینی (متر)', num('متر'), '25', { type: 'number' }),
  soilNotes: col('یادداشت خاک و زمین', 'متن آزاد (تا ۲۰۰۰ نویسه)', 'خاک رسی، شیب ملایم', { type: 'text' }),
  flags: col('نشانه‌های حساسیت', `هیچ، یک یا چند مورد از ${oneOf(SENSITIVITY_FLAG_TITLES)}، ${LIST_SEP}`, `${SENSITIVITY_FLAG_TITLES.river}؛ ${SENSITIVITY_FLAG_TITLES.flood}`, { type: 'flags' }),
  populationExposed: col('جمعیت در معرض (نفر)', num('نفر', { int: true }), '2400', { type: 'number' }),
  requiredFundingMrial: col('اعتبار مورد نیاز (میلیون ریال)', num('میلیون ریال', { int: true, extra: '، برای بستن، احیا یا ارتقای محل' }), '35000', { type: 'number' }),
};

const DIVISION: ImportColumn = {
  key: 'division_code',
  field: 'divisionId',
  ...col('کد آماری آبادی، دهستان یا بخش', 'کد آماری مرکز آمار ایران برای آبادی، دهستان یا بخشی که محل در آن است (اجباری)', '9902010101', { type: 'division' }, true),
};
const VILLAGES: ImportColumn = {
  key: 'villages_served',
  field: 'servedVillageIds',
  ...col('روستاهای تحت پوشش', `کدهای آماری روستاهایی که پسماندشان به این محل می‌آید، ${LIST_SEP}؛ خالی یعنی هیچ`, '9902010101001؛9902010101002', { type: 'villages' }),
};

const direct = (f: DirectField): ImportColumn => ({ key: f, field: f, ...DIRECT[f] });

/** The columns of the import file, in template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = (() => {
  const cols = (Object.keys(DIRECT) as DirectField[]).map(direct);
  const at = (key: string) => cols.findIndex((c) => c.key === key) + 1;
  cols.splice(at('lon'), 0, DIVISION);
  cols.splice(at('designIntakeT'), 0, VILLAGES);
  return cols;
})();

/** Keys of the columns a file must have. */
export const REQUIRED_COLUMNS: readonly string[] = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.key);

const headerKey = (s: string) => normalizeFa(s);
const HEADER_INDEX = (() => {
  const m = new Map<string, ImportColumn>();
  for (const c of IMPORT_COLUMNS) {
    m.set(headerKey(c.header), c);
    m.set(headerKey(c.key), c);
  }
  // A header typed without its unit («مساحت» for «مساحت (مترمربع)») matches too, unless it is ambiguous.
  for (const c of IMPORT_COLUMNS) {
    const bare = headerKey(c.header.replace(/\s*\(.*\)\s*$/, ''));
    if (!m.has(bare)) m.set(bare, c);
  }
  return m;
})();

/**
 * The column a header cell names: its Persian header or its key, compared after Persian normalization (Arabic ي/ك,
 * half-spaces, extra spaces and Latin case do not matter), or the header without its unit in parentheses.
 */
export function columnForHeader(cell: string): ImportColumn | null {
  return HEADER_INDEX.get(headerKey(cell)) ?? null;
}

const BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));
const BY_FIELD = new Map(IMPORT_COLUMNS.map((c) => [c.field as string, c]));

/** The column by key (throws on an unknown key: a programming error). */
export function importColumn(key: string): ImportColumn {
  const c = BY_KEY.get(key);
  if (!c) throw new Error(`unknown import column ${key}`);
  return c;
}

/**
 * The Persian header of a column, by column key or by SiteInput field name (`divisionId` → the division code's
 * header); an unknown name is returned as it is.
 */
export function columnHeader(keyOrField: string): string {
  return (BY_KEY.get(keyOrField) ?? BY_FIELD.get(keyOrField))?.header ?? keyOrField;
}

/** The template's example row, by column key. */
export function exampleRow(): Record<string, string> {
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example]));
}

/**
 * True when a row is the template's example left in by mistake (every cell as in the template, compared after
 * normalization); the import runner should skip it rather than create a made-up site.
 */
export function isTemplateExample(row: Record<string, string>): boolean {
  return IMPORT_COLUMNS.every((c) => normalizeFa(row[c.key] ?? '') === normalizeFa(c.example));
}

// ---------- cells ----------

const LIST_SPLIT = /[؛;,،]/;
const CODE_SPLIT = /[؛;,،\s]+/;
/** A spreadsheet that wrote a long code as a number in scientific notation (9.90201E+12): the digits are lost. */
const SCIENTIFIC = /^\d+(\.\d+)?e\+\d+$/i;

/**
 * A number cell as a number: Persian or Arabic digits, the Persian decimal separator ٫, thousands grouped by ٬ or
 * comma (only in groups of three, so a decimal comma «۳۶,۵» is refused rather than read as 365), spaces, and for a
 * percentage a trailing ٪ or %. Returns the cell unchanged when it is not a number, so the schema reports it.
 */
function parseNumberCell(cell: string, percent: boolean): number | string {
  let s = toAsciiDigits(cell).replace(/[\s\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\u066b/g, '.').replace(/[\u2212\u2013]/g, '-');
  if (percent) s = s.replace(/[%٪]$/, '');
  if (/[,\u066c]/.test(s)) {
    if (!/^[+-]?\d{1,3}([,\u066c]\d{3})+(\.\d+)?$/.test(s)) return cell;
    s = s.replace(/[,\u066c]/g, '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return cell;
  const n = Number(s);
  return Number.isFinite(n) ? n : cell;
}

/** Enum key for a cell holding the Persian title or the key (spaces, half-spaces and Arabic letters ignored). */
function enumKey(cell: string, keys: readonly string[], titles: Record<string, string>): string {
  const k = (s: string) => normalizeFa(s).replace(/ /g, '');
  const v = k(cell);
  return keys.find((key) => k(key) === v || k(titles[key]!) === v) ?? cell;
}

const splitList = (cell: string, re: RegExp) => cell.split(re).map((s) => s.trim()).filter(Boolean);

/** A code cell as a canonical code, or null with the reason it is not one. */
function codeOf(raw: string): { code: string } | { bad: string } {
  const t = toAsciiDigits(raw).trim();
  if (SCIENTIFIC.test(t)) return { bad: `کد «${raw}» به شکل نماد علمی ذخیره شده و رقم‌هایش از دست رفته است؛ قالب ستون را در اکسل «متن» کنید و کد را دوباره وارد کنید` };
  const code = canonicalCode(t);
  return code ? { code } : { bad: `کد آماری «${raw}» معتبر نیست (فقط رقم)` };
}

const notFound = (codes: string[]) => `کد ${codes.map((c) => toPersianDigits(c)).join('، ')} در تقسیمات کشوری پیدا نشد`;

/**
 * The division and village codes of a row (canonical: ASCII digits, no leading zeros), so the caller can load the
 * code → id map of a whole file at once. Cells that are not codes are left out (rowToSiteInput reports them).
 */
export function codesOfRow(row: Record<string, string>): { division: string | null; villages: string[] } {
  const d = (row.division_code ?? '').trim();
  const dc = d ? codeOf(d) : null;
  const villages = splitList(row.villages_served ?? '', CODE_SPLIT).flatMap((v) => {
    const c = codeOf(v);
    return 'code' in c ? [c.code] : [];
  });
  return { division: dc && 'code' in dc ? dc.code : null, villages: [...new Set(villages)] };
}

export interface CodeResolver {
  /** The division (village, rural district, district or county) with this canonical code, or null. */
  division(code: string): { id: number } | null;
  /** The village with this canonical code, or null. */
  village(code: string): { id: number } | null;
}

export interface RowIssue {
  /** the column's Persian header */
  column: string;
  reason: string;
}

/**
 * One row of an import file (cells by column key, as `parseImportFile` returns them) as a site input: cells are
 * converted (numbers with Persian digits and separators, enums by Persian title or key, lists), codes are resolved,
 * and the result is checked with `SiteInput`. Every problem is reported against the column's Persian header with a
 * Persian reason; a row with any problem gives `input: null`. Never throws on the content of a cell.
 */
export function rowToSiteInput(row: Record<string, string>, resolve: CodeResolver): { input: SiteInput | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const badColumns = new Set<string>();
  const fail = (c: ImportColumn, reason: string) => {
    badColumns.add(c.key);
    issues.push({ column: c.header, reason });
  };
  const raw: Record<string, unknown> = {};
  for (const c of IMPORT_COLUMNS) {
    const cell = typeof row[c.key] === 'string' ? row[c.key]!.trim() : '';
    const conv = c.conv;
    switch (conv.type) {
      case 'text':
        if (cell) raw[c.field] = conv.clean ? cleanName(cell) : cell;
        break;
      case 'id':
        raw[c.field] = cell ? toAsciiDigits(cell) : null;
        break;
      case 'number':
        raw[c.field] = cell ? parseNumberCell(cell, conv.percent ?? false) : null;
        break;
      case 'enum':
        if (cell) raw[c.field] = enumKey(cell, conv.keys, conv.titles);
        break;
      case 'flags':
        raw[c.field] = splitList(cell, LIST_SPLIT).map((f) => enumKey(f, SENSITIVITY_FLAGS, SENSITIVITY_FLAG_TITLES));
        break;
      case 'division': {
        if (!cell) {
          fail(c, 'کد آماری آبادی، دهستان یا بخش را وارد کنید');
          break;
        }
        const code = codeOf(cell);
        if ('bad' in code) fail(c, code.bad);
        else {
          const d = resolve.division(code.code);
          if (d) raw[c.field] = d.id;
          else fail(c, notFound([code.code]));
        }
        break;
      }
      case 'villages': {
        const ids = new Set<number>();
        const missing: string[] = [];
        for (const v of splitList(cell, CODE_SPLIT)) {
          const code = codeOf(v);
          if ('bad' in code) {
            fail(c, code.bad);
            continue;
          }
          const village = resolve.village(code.code);
          if (village) ids.add(village.id);
          else if (!missing.includes(code.code)) missing.push(code.code);
        }
        if (missing.length) fail(c, notFound(missing));
        raw[c.field] = [...ids];
        break;
      }
    }
  }
  const parsed = SiteInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const c = BY_FIELD.get(String(issue.path[0])) ?? null;
      // A column whose cell could not be converted is reported once, with the conversion's reason.
      if (c && badColumns.has(c.key)) continue;
      const column = c?.header ?? String(issue.path.join('.'));
      if (!issues.some((i) => i.column === column && i.reason === issue.message)) issues.push({ column, reason: issue.message });
    }
  }
  const order = (column: string) => IMPORT_COLUMNS.findIndex((c) => c.header === column);
  issues.sort((a, b) => order(a.column) - order(b.column));
  return { input: issues.length === 0 && parsed.success ? parsed.data : null, issues };
}
