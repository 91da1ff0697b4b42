import { defineWorkflow, stateTitle } from '../../../core/workflow/definition.js';
import { APPLICATION_STATE_TITLES as T } from '../enums.js';

/**
 * The life of an amriyeh application. The case's division is the village of his first-ranked station, so the
 * district reviewer of that district reviews it and the province reviewer of its province confirms it.
 * submitted → district review (approve / return for correction ⇄ resubmit / reject) → province review (confirm /
 * reject) → eligible → the selection run (system) → selected / reserve / not selected → letter issued → revoked.
 * The applicant may withdraw until a letter is issued.
 */
export const amriyehWorkflow = defineWorkflow({
  key: 'amriyeh.application',
  title: 'امریه آتش‌نشانان روستایی',
  // district_approve rescores the verified claims, issue numbers the letter, revoke voids it, plus SMS: service routes only.
  serviceRoutesOnly: true,
  initial: 'submitted',
  states: {
    submitted: { title: T.submitted, sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: ['province.reviewer'] } },
    returned: { title: T.returned, pausesClock: true, sla: { workingDays: 10, onLate: 'notify' } },
    district_approved: { title: T.district_approved, sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: ['expert.rural'] } },
    eligible: { title: T.eligible },
    selected: { title: T.selected, sla: { workingDays: 10, onLate: 'notify' } },
    reserve: { title: T.reserve },
    not_selected: { title: T.not_selected, final: true },
    issued: { title: T.issued },
    rejected: { title: T.rejected, final: true },
    withdrawn: { title: T.withdrawn, final: true },
    revoked: { title: T.revoked, final: true },
  },
  actions: {
    district_approve: { title: 'تأیید بخشداری', from: ['submitted'], to: 'district_approved', roles: ['district.reviewer'], level: 'district' },
    return: { title: 'بازگشت برای اصلاح', from: ['submitted'], to: 'returned', roles: ['district.reviewer'], level: 'district', requireComment: true, kind: 'returnForCorrection' },
    resubmit: { title: 'ارسال اصلاحات', from: ['returned'], to: 'submitted', roles: ['citizen'], actorIsCreator: true, kind: 'resubmit' },
    district_reject: { title: 'رد در بخشداری', from: ['submitted'], to: 'rejected', roles: ['district.reviewer'], level: 'district', requireComment: true },
    province_confirm: { title: 'تأیید استانداری', from: ['district_approved'], to: 'eligible', roles: ['province.reviewer'], level: 'province' },
    province_reject: { title: 'رد در استانداری', from: ['district_approved'], to: 'rejected', roles: ['province.reviewer'], level: 'province', requireComment: true },
    select: { title: 'پذیرش در گزینش', from: ['eligible', 'reserve'], to: 'selected', roles: [], system: true },
    reserve: { title: 'ذخیره در گزینش', from: ['eligible'], to: 'reserve', roles: [], system: true },
    not_select: { title: 'عدم پذیرش در گزینش', from: ['eligible', 'reserve'], to: 'not_selected', roles: [], system: true },
    expire: { title: 'بسته شدن: اصلاح تا زمان گزینش انجام نشد', from: ['returned'], to: 'rejected', roles: [], system: true },
    issue: { title: 'صدور امریه', from: ['selected'], to: 'issued', roles: ['province.reviewer'], level: 'province' },
    revoke: { title: 'ابطال امریه', from: ['issued'], to: 'revoked', roles: ['province.reviewer', 'expert.rural'], requireComment: true },
    withdraw: { title: 'انصراف', from: ['submitted', 'returned', 'district_approved', 'eligible', 'selected', 'reserve'], to: 'withdrawn', roles: ['citizen'], actorIsCreator: true, optional: true },
  },
});

/** The Persian title of an application's state. */
export const amriyehStateTitle = (state: string): string => stateTitle(amriyehWorkflow, state);
