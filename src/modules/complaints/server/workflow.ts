import { defineWorkflow, stateTitle } from '../../../core/workflow/definition.js';

// Staff who handle complaints in their scope. The Inspection Office (inspector) may act on any case and take over
// one assigned to someone else (overrideRoles).
const STAFF = ['municipality', 'dehyari', 'district.reviewer', 'province.reviewer', 'inspector'] as const;
const SUPERVISORS = ['province.reviewer', 'inspector'] as const;

/**
 * The life of a complaint: triage (assign, reject as out of jurisdiction, mark duplicate) → in progress ⇄ waiting
 * for the citizen's information (the clock pauses) → answered → closed by the citizen's rating or automatically
 * after the satisfaction window, or reopened. The in-progress SLA is the category's (`data.slaDays`, default 15
 * working days) with a reminder two working days before and escalation to the supervisors when late.
 */
export const complaintWorkflow = defineWorkflow({
  key: 'complaints.case',
  title: 'رسیدگی به شکایات و درخواست‌های مردمی',
  // answer/reject/request_info write the citizen's message, answered/closed dates, auto-close job and SMS: service routes only.
  serviceRoutesOnly: true,
  initial: 'submitted',
  overrideRoles: ['inspector'],
  states: {
    submitted: { title: 'ثبت‌شده، در انتظار بررسی اولیه', sla: { workingDays: 2, onLate: 'escalate', escalateTo: SUPERVISORS } },
    in_progress: { title: 'در دست رسیدگی', sla: { workingDays: 15, dataKey: 'slaDays', remindBefore: 2, onLate: 'escalate', escalateTo: SUPERVISORS } },
    needs_info: { title: 'در انتظار تکمیل اطلاعات از سوی شهروند', pausesClock: true, sla: { workingDays: 10, onLate: 'notify' } },
    answered: { title: 'پاسخ داده شده' },
    reopened: { title: 'بازگشایی‌شده', sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: SUPERVISORS } },
    closed: { title: 'بسته‌شده', final: true },
    rejected: { title: 'خارج از حوزه رسیدگی', final: true },
    duplicate: { title: 'تکراری', final: true },
    withdrawn: { title: 'انصراف شهروند', final: true },
  },
  actions: {
    assign: { title: 'ارجاع', from: ['submitted', 'in_progress', 'reopened'], to: 'in_progress', roles: STAFF, assigns: 'required' },
    reject: { title: 'رد (خارج از حوزه)', from: ['submitted'], to: 'rejected', roles: STAFF, requireComment: true },
    mark_duplicate: { title: 'تکراری', from: ['submitted'], to: 'duplicate', roles: STAFF, requireComment: true },
    request_info: { title: 'درخواست اطلاعات از شهروند', from: ['in_progress', 'reopened'], to: 'needs_info', roles: STAFF, requireComment: true, kind: 'returnForCorrection' },
    provide_info: { title: 'ارسال اطلاعات تکمیلی', from: ['needs_info'], to: 'in_progress', roles: ['citizen'], actorIsCreator: true, kind: 'resubmit' },
    answer: { title: 'پاسخ به شهروند', from: ['in_progress', 'reopened'], to: 'answered', roles: STAFF, requireComment: true },
    rate: { title: 'ثبت رضایت', from: ['answered'], to: 'closed', roles: ['citizen'], actorIsCreator: true, optional: true },
    reopen: { title: 'بازگشایی', from: ['answered'], to: 'reopened', roles: ['citizen'], actorIsCreator: true, requireComment: true, optional: true },
    auto_close: { title: 'بستن خودکار پس از مهلت رضایت‌سنجی', from: ['answered'], to: 'closed', roles: [], system: true },
    withdraw: { title: 'انصراف', from: ['submitted', 'needs_info'], to: 'withdrawn', roles: ['citizen'], actorIsCreator: true, optional: true },
  },
});

/** The Persian title of a complaint's state (as staff, citizens and Open311 clients read it). */
export const complaintStateTitle = (state: string): string => stateTitle(complaintWorkflow, state);
