import { lazy, Suspense, useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { CLAIMABLE_PRIORITY_GROUPS, PRIORITY_TITLES, type ClaimablePriorityGroup } from '../../enums.js';
import { ffa } from './fa-form.js';

// The documents' picker (uploads with progress) is fetched only when a group is claimed: most applicants claim
// none, and the form stays light for them.
const ClaimDocuments = lazy(() => import('./ClaimDocuments.js'));

/**
 * One claim as the form keeps it: checked or not, and its documents (those of the application being corrected,
 * kept unless removed, and those uploaded now).
 */
export interface ClaimState {
  checked: boolean;
  /** Documents of the application being corrected (id and file name): the documents' list starts with them. */
  earlier: { id: string; name: string }[];
  /** The ids of the claim's documents now: the earlier ones kept and the finished uploads. */
  documentIds: string[];
  busy: boolean;
}
export type ClaimsValue = Record<ClaimablePriorityGroup, ClaimState>;
export type ClaimUpdate = (f: (s: ClaimState) => ClaimState) => void;

export function emptyClaims(initial?: { group: ClaimablePriorityGroup; documentIds: string[]; documents?: { id: string; filename: string }[] }[]): ClaimsValue {
  const out = {} as ClaimsValue;
  for (const g of CLAIMABLE_PRIORITY_GROUPS) {
    const c = initial?.find((x) => x.group === g);
    const earlier = (c?.documentIds ?? []).map((id) => ({ id, name: c?.documents?.find((d) => d.id === id)?.filename ?? '' }));
    out[g] = { checked: !!c, earlier, documentIds: earlier.map((d) => d.id), busy: false };
  }
  return out;
}

/** One priority group: a checkbox and, once checked, its supporting documents (kept while unchecked again). */
function ClaimRow({ group, state, setValue, error }: { group: ClaimablePriorityGroup; state: ClaimState; setValue: Dispatch<SetStateAction<ClaimsValue>>; error?: string | undefined }) {
  const update = useCallback<ClaimUpdate>((f) => setValue((v) => ({ ...v, [group]: f(v[group]) })), [group, setValue]);
  const [opened, setOpened] = useState(state.checked);
  const id = `claim-${group}`;
  return (
    <li className="amr-claim" data-field={id} data-group={group}>
      <label className="cx-check">
        <input
          type="checkbox"
          checked={state.checked}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            if (checked) setOpened(true);
            update((s) => ({ ...s, checked }));
          }}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{PRIORITY_TITLES[group]}</span>
      </label>
      {opened && (
        <div hidden={!state.checked}>
          <Suspense fallback={<p className="cx-hint">{ffa.loading}</p>}>
            <ClaimDocuments id={id} state={state} update={update} error={error} />
          </Suspense>
        </div>
      )}
      {error && (
        <p className="cx-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The claimable priority groups, each with its documents. */
export function ClaimsField({ value, setValue, errors }: { value: ClaimsValue; setValue: Dispatch<SetStateAction<ClaimsValue>>; errors: Record<string, string> }) {
  return (
    <ul className="amr-claims">
      {CLAIMABLE_PRIORITY_GROUPS.map((g) => (
        <ClaimRow key={g} group={g} state={value[g]} error={errors[`claim-${g}`]} setValue={setValue} />
      ))}
    </ul>
  );
}

/** The claims to send: checked groups with their documents. */
export function claimsPayload(v: ClaimsValue): { group: ClaimablePriorityGroup; documentIds: string[] }[] {
  return CLAIMABLE_PRIORITY_GROUPS.filter((g) => v[g].checked).map((g) => ({ group: g, documentIds: v[g].documentIds }));
}
