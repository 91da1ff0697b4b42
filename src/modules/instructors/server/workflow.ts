import { defineWorkflow, stateTitle } from '../../../core/workflow/definition.js';
import { APPLICATION_STATE_TITLES as T } from '../enums.js';

/**
 * A qualification application (initial, renewal, or a review of changes after qualification). The case lives at the
 * instructor's province, so a province's training expert reviews his province and a national one any.
 * submitted → expert review (verify the evidence, score each field of expertise, adjust with reasons, or ask for more
 * information) → committee (qualified in chosen fields with a validity period / not qualified / more information) →
 * qualified | not_qualified. "More information" goes back to the instructor; his resubmission returns to whoever
 * asked (the expert or the committee). He may withdraw until the decision.
 */
export const qualificationWorkflow = defineWorkflow({
  key: 'instructors.qualification',
  title: 'تشخیص صلاحیت مدرس',
  // qualify issues the training ID, expert_forward stores the review: only the service's routes may move it.
  serviceRoutesOnly: true,
  initial: 'submitted',
  states: {
    submitted: { title: T.submitted, sla: { workingDays: 10, remindBefore: 2, onLate: 'escalate', escalateTo: ['expert.training'] } },
    returned: { title: T.returned, pausesClock: true, sla: { workingDays: 20, onLate: 'notify' } },
    committee: { title: T.committee, sla: { workingDays: 15, remindBefore: 3, onLate: 'notify' } },
    qualified: { title: T.qualified, final: true },
    not_qualified: { title: T.not_qualified, final: true },
    withdrawn: { title: T.withdrawn, final: true },
  },
  actions: {
    expert_forward: { title: 'ثبت بررسی کارشناسی و ارسال به کمیته', from: ['submitted'], to: 'committee', roles: ['expert.training'] },
    expert_return: { title: 'درخواست اطلاعات یا مدارک بیشتر', from: ['submitted'], to: 'returned', roles: ['expert.training'], requireComment: true, kind: 'returnForCorrection' },
    resubmit: { title: 'ارسال اطلاعات تکمیلی', from: ['returned'], to: 'submitted', roles: ['citizen'], actorIsCreator: true, kind: 'resubmit' },
    qualify: { title: 'تأیید صلاحیت', from: ['committee'], to: 'qualified', roles: ['training.committee'], level: 'country' },
    not_qualify: { title: 'عدم تأیید صلاحیت', from: ['committee'], to: 'not_qualified', roles: ['training.committee'], level: 'country', requireComment: true },
    more_info: { title: 'درخواست اطلاعات بیشتر', from: ['committee'], to: 'returned', roles: ['training.committee'], level: 'country', requireComment: true, kind: 'returnForCorrection' },
    withdraw: { title: 'انصراف از درخواست', from: ['submitted', 'returned', 'committee'], to: 'withdrawn', roles: ['citizen'], actorIsCreator: true, optional: true },
  },
});

/** The Persian title of an application's state. */
export const qualificationStateTitle = (state: string): string => stateTitle(qualificationWorkflow, state);
