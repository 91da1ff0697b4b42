import { useEffect } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { FileUploads, MAX_FILES, MAX_MB, useUploads } from '../../../../web/components/Uploads.js';
import type { ClaimState, ClaimUpdate } from './ClaimsField.js';
import { ffa } from './fa-form.js';

const PURPOSE = 'amriyeh_priority';

/**
 * The supporting documents of one claimed priority group (the shell's uploads with progress): the documents of
 * the application being corrected first, then those picked now; the finished ids are reported to the form.
 */
export default function ClaimDocuments({ id, state, update, error }: { id: string; state: ClaimState; update: ClaimUpdate; error?: string | undefined }) {
  const uploads = useUploads(
    PURPOSE,
    state.earlier.map((d, i) => ({ id: d.id, name: d.name || ffa.claims.earlier(toPersianDigits(i + 1)) })),
  );

  // Report the finished uploads and whether some are still running.
  const ids = uploads.documentIds.join(',');
  const busy = uploads.busy;
  useEffect(() => {
    update((s) => (s.documentIds.join(',') === ids && s.busy === busy ? s : { ...s, documentIds: ids ? ids.split(',') : [], busy }));
  }, [ids, busy, update]);

  return (
    <FileUploads
      id={id}
      uploads={uploads}
      label={ffa.claims.documents}
      hint={ffa.claims.documentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}
      describedBy={error ? `${id}-error` : undefined}
      className="amr-claim-docs"
    />
  );
}
