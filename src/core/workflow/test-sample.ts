// The sample definition the engine's tests run on: a two-level review with return for correction.
import { defineWorkflow } from './definition.js';

/**
 * submitted → district_review → province_review → approved | rejected, with "return to the applicant" from either
 * review (the clock pauses while the applicant corrects) and resubmission back to the reviewer who returned it.
 */
export const sampleReview = defineWorkflow({
  key: 'test.review',
  title: 'بررسی نمونه',
  initial: 'submitted',
  overrideRoles: ['inspector'],
  states: {
    submitted: { title: 'ثبت‌شده', sla: { workingDays: 2, onLate: 'notify' } },
    district_review: { title: 'بررسی بخشداری', sla: { workingDays: 5, onLate: 'escalate', escalateTo: ['province.reviewer'] } },
    province_review: { title: 'بررسی استانداری', sla: { workingDays: 5, onLate: 'escalate', escalateTo: ['expert.rural'] } },
    needs_correction: { title: 'نیازمند اصلاح', pausesClock: true, sla: { workingDays: 10, onLate: 'notify' } },
    approved: { title: 'تأیید شده', final: true },
    rejected: { title: 'رد شده', final: true },
    withdrawn: { title: 'انصراف', final: true },
  },
  actions: {
    start_review: { title: 'شروع بررسی', from: ['submitted'], to: 'district_review', roles: ['district.reviewer'], level: 'district' },
    add_note: { title: 'یادداشت', from: ['district_review'], to: 'district_review', roles: ['district.reviewer'], level: 'district', requireComment: true, optional: true },
    district_approve: { title: 'تأیید بخشداری', from: ['district_review'], to: 'province_review', roles: ['district.reviewer'], level: 'district' },
    district_reject: { title: 'رد', from: ['district_review'], to: 'rejected', roles: ['district.reviewer'], level: 'district', requireComment: true },
    return_to_applicant: {
      title: 'بازگشت برای اصلاح', from: ['district_review'], to: 'needs_correction',
      roles: ['district.reviewer'], level: 'district', requireComment: true, kind: 'returnForCorrection',
    },
    province_return: {
      title: 'بازگشت برای اصلاح', from: ['province_review'], to: 'needs_correction',
      roles: ['province.reviewer'], level: 'province', requireComment: true, kind: 'returnForCorrection',
    },
    resubmit: { title: 'ارسال دوباره', from: ['needs_correction'], to: 'district_review', roles: ['citizen'], actorIsCreator: true, kind: 'resubmit' },
    withdraw: { title: 'انصراف', from: ['needs_correction', 'submitted'], to: 'withdrawn', roles: ['citizen'], actorIsCreator: true, optional: true },
    approve: { title: 'تأیید نهایی', from: ['province_review'], to: 'approved', roles: ['province.reviewer', 'expert.rural'], level: 'province', requireDocument: true },
    reject: { title: 'رد نهایی', from: ['province_review'], to: 'rejected', roles: ['province.reviewer'], level: 'province', requireComment: true },
  },
});
