// An owner's actions on an entry besides saving and sending (PlanForm.tsx does those): withdraw from the festival
// (until judging starts) and delete a draft — each asks first. Shown only as the entry's `can` allows.
import { api } from '../../../../web/api.js';
import { ConfirmAction } from '../../../../web/components/ConfirmAction.js';
import type { OwnerEntry } from '../../api-types.js';
import { FEST } from './paths.js';

/** Its words (here, not in fa-plan.ts: the owner's page shows these before the form is fetched). */
const afa = {
  withdraw: 'انصراف از شرکت',
  withdrawQ: 'از شرکت این طرح در جشنواره انصراف می‌دهید؟ پس از انصراف نمی‌توانید آن را دوباره بفرستید.',
  deleteDraft: 'حذف پیش‌نویس',
  deleteQ: 'این پیش‌نویس برای همیشه حذف شود؟',
  yes: 'بله',
  no: 'خیر',
};

export function EntryActions({ entry, onChange, onDeleted }: { entry: OwnerEntry; onChange: (e: OwnerEntry) => void; onDeleted: () => void }) {
  if (!entry.can.withdraw && !entry.can.delete) return null;
  const path = `${FEST}/mine/entries/${encodeURIComponent(entry.id)}`;
  return (
    <div className="cx-actions fp-entry-actions">
      {entry.can.withdraw && (
        <ConfirmAction
          label={afa.withdraw}
          question={afa.withdrawQ}
          yes={afa.yes}
          no={afa.no}
          testId="withdraw"
          onConfirm={async () => onChange(await api.post<OwnerEntry>(`${path}/withdraw`, { version: entry.version }))}
        />
      )}
      {entry.can.delete && (
        <ConfirmAction
          label={afa.deleteDraft}
          question={afa.deleteQ}
          yes={afa.yes}
          no={afa.no}
          testId="delete"
          onConfirm={async () => {
            await api.delete(path);
            onDeleted();
          }}
        />
      )}
    </div>
  );
}
