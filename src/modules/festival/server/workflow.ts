import { defineWorkflow, stateTitle } from '../../../core/workflow/definition.js';
import { ENTRY_STATE_TITLES as T } from '../enums.js';

/**
 * A festival entry once submitted. The case lives at the entry's village, so a province's secretariat (expert.rural
 * or the governorate's reviewer) screens its province's entries and the national secretariat all of them.
 * province screening → national screening → eligible; either may return it for correction (only before the
 * deadline: the module checks) or find it ineligible. The owner resubmits (back to whoever returned it) or withdraws
 * until judging starts. Starting judging, expiring uncorrected entries and the announcement are the platform's own
 * steps (system actions, taken for the whole round at once by the secretariat's round commands).
 * The owner is a citizen (an entrepreneur, the case's creator) or the village's dehyari (any dehyari of the village).
 */
export const entryWorkflow = defineWorkflow({
  key: 'festival.entry',
  title: 'طرح جشنواره دهیاری‌ها',
  // return checks the deadline and every step mirrors the state into the entry: only the festival's routes move it.
  serviceRoutesOnly: true,
  // After a resubmission the case is the returning screener's; the owner must still be able to withdraw it (the
  // override lifts only that lock: role, scope and creator checks stay, and owners hold no screening action).
  overrideRoles: ['citizen', 'dehyari'],
  initial: 'province_screening',
  states: {
    province_screening: { title: T.province_screening, sla: { workingDays: 7, remindBefore: 2, onLate: 'escalate', escalateTo: ['expert.rural'] } },
    national_screening: { title: T.national_screening, sla: { workingDays: 7, remindBefore: 2, onLate: 'notify' } },
    returned: { title: T.returned, pausesClock: true },
    eligible: { title: T.eligible },
    judging: { title: T.judging },
    ineligible: { title: T.ineligible, final: true },
    selected: { title: T.selected, final: true },
    not_selected: { title: T.not_selected, final: true },
    withdrawn: { title: T.withdrawn, final: true },
    expired: { title: T.expired, final: true },
  },
  actions: {
    province_accept: { title: 'تأیید کامل بودن و ارسال به دبیرخانه کشوری', from: ['province_screening'], to: 'national_screening', roles: ['expert.rural', 'province.reviewer'] },
    province_return: { title: 'بازگرداندن برای اصلاح', from: ['province_screening'], to: 'returned', roles: ['expert.rural', 'province.reviewer'], requireComment: true, kind: 'returnForCorrection' },
    province_reject: { title: 'رد (فاقد شرایط جشنواره)', from: ['province_screening'], to: 'ineligible', roles: ['expert.rural', 'province.reviewer'], requireComment: true },
    national_accept: { title: 'پذیرش برای داوری', from: ['national_screening'], to: 'eligible', roles: ['expert.rural'], level: 'country' },
    national_return: { title: 'بازگرداندن برای اصلاح', from: ['national_screening'], to: 'returned', roles: ['expert.rural'], level: 'country', requireComment: true, kind: 'returnForCorrection' },
    national_reject: { title: 'رد (فاقد شرایط جشنواره)', from: ['national_screening'], to: 'ineligible', roles: ['expert.rural'], level: 'country', requireComment: true },
    resubmit: { title: 'ارسال دوباره پس از اصلاح', from: ['returned'], to: 'province_screening', roles: ['citizen'], actorIsCreator: true, kind: 'resubmit' },
    resubmit_village: { title: 'ارسال دوباره پس از اصلاح', from: ['returned'], to: 'province_screening', roles: ['dehyari'], kind: 'resubmit' },
    withdraw: { title: 'انصراف', from: ['province_screening', 'national_screening', 'returned', 'eligible'], to: 'withdrawn', roles: ['citizen'], actorIsCreator: true, optional: true },
    withdraw_village: { title: 'انصراف', from: ['province_screening', 'national_screening', 'returned', 'eligible'], to: 'withdrawn', roles: ['dehyari'], optional: true },
    start_judging: { title: 'آغاز داوری', from: ['eligible'], to: 'judging', roles: [], system: true },
    expire: { title: 'پایان مهلت اصلاح', from: ['returned'], to: 'expired', roles: [], system: true },
    select: { title: 'اعلام برگزیده', from: ['judging'], to: 'selected', roles: [], system: true },
    not_select: { title: 'اعلام نتیجه داوری', from: ['judging'], to: 'not_selected', roles: [], system: true },
  },
});

/** The Persian title of an entry's case state. */
export const entryStateTitle = (state: string): string => stateTitle(entryWorkflow, state);
