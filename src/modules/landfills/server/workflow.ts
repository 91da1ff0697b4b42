import { defineWorkflow, stateTitle } from '../../../core/workflow/definition.js';
import { VERIFICATION_STATE_TITLES as T } from '../enums.js';

/**
 * Verification of a site record. The case lives at the site's division, so the district governorate of that
 * district verifies it first and the province governorate second. Any edit of the record (by its dehyari, a
 * reviewer or a re-import) sends it back to the district (system action `amend`): a verified record is one whose
 * current values were verified.
 */
export const landfillSiteWorkflow = defineWorkflow({
  key: 'landfills.site',
  title: 'ثبت محل دفن پسماند',
  // a review checks and bumps the site's own version (the values the reviewer saw are the ones verified): service routes only.
  serviceRoutesOnly: true,
  initial: 'submitted',
  states: {
    submitted: { title: T.submitted, sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: ['province.reviewer'] } },
    returned: { title: T.returned, pausesClock: true, sla: { workingDays: 10, onLate: 'notify' } },
    district_verified: { title: T.district_verified, sla: { workingDays: 5, remindBefore: 1, onLate: 'escalate', escalateTo: ['expert.rural'] } },
    verified: { title: T.verified },
    removed: { title: T.removed, final: true },
  },
  actions: {
    district_verify: { title: 'تأیید بخشداری', from: ['submitted'], to: 'district_verified', roles: ['district.reviewer'], level: 'district' },
    district_return: { title: 'بازگشت برای اصلاح', from: ['submitted'], to: 'returned', roles: ['district.reviewer'], level: 'district', requireComment: true, kind: 'returnForCorrection' },
    province_verify: { title: 'تأیید استانداری', from: ['district_verified'], to: 'verified', roles: ['province.reviewer'], level: 'province' },
    province_return: { title: 'بازگشت برای اصلاح', from: ['district_verified'], to: 'returned', roles: ['province.reviewer'], level: 'province', requireComment: true, kind: 'returnForCorrection' },
    resubmit: { title: 'اصلاح و ارسال دوباره', from: ['returned'], to: 'submitted', roles: [], system: true, kind: 'resubmit' },
    remove: { title: 'حذف (ثبت تکراری یا نادرست)', from: ['submitted', 'returned', 'district_verified', 'verified'], to: 'removed', roles: ['province.reviewer', 'expert.rural'], requireComment: true, optional: true },
    amend: { title: 'ویرایش اطلاعات و ارسال دوباره', from: ['submitted', 'district_verified', 'verified'], to: 'submitted', roles: [], system: true },
  },
});

/** The Persian title of a verification state. */
export const landfillStateTitle = (state: string): string => stateTitle(landfillSiteWorkflow, state);
