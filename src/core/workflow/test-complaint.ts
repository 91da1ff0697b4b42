// The sample definition the tests of the engine's extensions run on: per-case SLA, reminders, assignment and a
// system action — the shape of a complaint process.
import { defineWorkflow } from './definition.js';

/**
 * received → (refer to a reviewer) → in_progress ⟲ reassign → answered → closed by the applicant's rating or by
 * the system after the satisfaction window. Both clocked states take their length from `data.slaDays`.
 */
export const sampleComplaint = defineWorkflow({
  key: 'test.complaint',
  title: 'شکایت نمونه',
  initial: 'received',
  overrideRoles: ['inspector'],
  states: {
    received: { title: 'دریافت‌شده', sla: { workingDays: 3, dataKey: 'slaDays', remindBefore: 1, onLate: 'notify' } },
    in_progress: {
      title: 'در دست رسیدگی',
      sla: { workingDays: 10, dataKey: 'slaDays', remindBefore: 2, onLate: 'escalate', escalateTo: ['province.reviewer'] },
    },
    answered: { title: 'پاسخ داده شده' },
    closed: { title: 'بسته', final: true },
  },
  actions: {
    refer: { title: 'ارجاع', from: ['received'], to: 'in_progress', roles: ['district.reviewer'], level: 'district', assigns: 'required' },
    reassign: {
      title: 'ارجاع دوباره', from: ['in_progress'], to: 'in_progress', roles: ['district.reviewer'], level: 'district', assigns: 'required', optional: true,
    },
    answer: { title: 'پاسخ', from: ['in_progress'], to: 'answered', roles: ['district.reviewer'], level: 'district', requireComment: true },
    rate: { title: 'ثبت رضایت', from: ['answered'], to: 'closed', roles: ['citizen'], actorIsCreator: true, optional: true },
    auto_close: { title: 'بستن خودکار', from: ['answered'], to: 'closed', roles: [], system: true },
  },
});
