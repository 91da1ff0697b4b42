import type { Role } from '../../../core/access/roles.js';
import { defineWorkflow, stateTitle, type WorkflowDefinition } from '../../../core/workflow/definition.js';
import { REQUEST_STATE_TITLES as T, type Subject } from '../enums.js';

/** The Deputy's experts who review each subject: municipal affairs for municipalities, dehyari affairs for dehyaris. */
export const EXPERT_ROLE: Record<Subject, Role> = { municipality: 'expert.municipal', dehyari: 'expert.rural' };
/** Who files for each subject. */
export const ENTITY_ROLE: Record<Subject, Role> = { municipality: 'municipality', dehyari: 'dehyari' };

/**
 * An upgrade request's review, the same for both subjects but for who files and which Deputy reviews:
 * submitted (province governorate checks completeness) → expert review at the Deputy (verify each document, accept or
 * adjust each indicator with a reason, or return for correction) → the grading working group (approve with an
 * effective date, or reject with reasons) → the order is issued. A return goes back to the entity; its correction
 * returns to whoever returned it (the same expert). The entity may withdraw until the decision.
 */
function gradingWorkflow(subject: Subject) {
  const expert = EXPERT_ROLE[subject];
  const entity = ENTITY_ROLE[subject];
  return defineWorkflow({
    key: `grading.${subject}`,
    title: subject === 'municipality' ? 'درخواست ارتقای درجه شهرداری' : 'درخواست ارتقای درجه دهیاری',
    // expert_forward stores the verdicts, approve the effective date, issue the order number and core grade: service routes only.
    serviceRoutesOnly: true,
    initial: 'submitted',
    states: {
      submitted: { title: T.submitted, sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: [expert] } },
      returned: { title: T.returned, pausesClock: true, sla: { workingDays: 15, onLate: 'notify' } },
      expert_review: { title: T.expert_review, sla: { workingDays: 15, remindBefore: 2, onLate: 'notify' } },
      committee: { title: T.committee, sla: { workingDays: 20, remindBefore: 3, onLate: 'notify' } },
      approved: { title: T.approved, sla: { workingDays: 5, onLate: 'notify' } },
      issued: { title: T.issued, final: true },
      rejected: { title: T.rejected, final: true },
      withdrawn: { title: T.withdrawn, final: true },
    },
    actions: {
      province_forward: { title: 'تأیید کامل بودن مدارک و ارسال به معاونت', from: ['submitted'], to: 'expert_review', roles: ['province.reviewer'], level: 'province' },
      province_return: { title: 'بازگشت برای تکمیل مدارک', from: ['submitted'], to: 'returned', roles: ['province.reviewer'], level: 'province', requireComment: true, kind: 'returnForCorrection' },
      expert_forward: { title: 'ثبت بررسی شاخص‌ها و ارسال به کارگروه', from: ['expert_review'], to: 'committee', roles: [expert], level: 'country' },
      expert_return: { title: 'بازگشت برای اصلاح', from: ['expert_review'], to: 'returned', roles: [expert], level: 'country', requireComment: true, kind: 'returnForCorrection' },
      resubmit: { title: 'ارسال اصلاحات', from: ['returned'], to: 'submitted', roles: [entity], kind: 'resubmit' },
      approve: { title: 'تصویب درجه', from: ['committee'], to: 'approved', roles: ['grading.committee'], level: 'country' },
      reject: { title: 'رد درخواست', from: ['committee'], to: 'rejected', roles: ['grading.committee'], level: 'country', requireComment: true },
      issue: { title: 'صدور حکم درجه', from: ['approved'], to: 'issued', roles: [expert], level: 'country' },
      withdraw: { title: 'انصراف از درخواست', from: ['submitted', 'returned', 'expert_review'], to: 'withdrawn', roles: [entity], optional: true },
    },
  });
}

export const GRADING_WORKFLOWS: Record<Subject, WorkflowDefinition> = {
  municipality: gradingWorkflow('municipality'),
  dehyari: gradingWorkflow('dehyari'),
};

/** The Persian title of a request's state. */
export const gradingStateTitle = (subject: Subject, state: string): string => stateTitle(GRADING_WORKFLOWS[subject], state);
