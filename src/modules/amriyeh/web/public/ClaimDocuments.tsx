import { useEffect, useRef, useState } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { cfa } from '../../../complaints/web/fa.js';
import { faSize } from '../../../complaints/web/format.js';
import type { ClaimState, ClaimUpdate } from './ClaimsField.js';
import { ffa } from './fa-form.js';
import { publicErrorMessage, uploadDocument } from './http.js';

const MAX_FILES = 5;
const MAX_MB = 10;
const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const PURPOSE = 'amriyeh_priority';

interface Item {
  key: number;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'error';
  progress: number;
  documentId?: string;
  error?: string;
  abort?: () => void;
}
let nextKey = 1;

/**
 * The supporting documents of one claimed priority group: each file is uploaded as soon as it is picked (the
 * complaints service's POST /api/v1/documents upload with progress), the finished ids reported to the form.
 * Documents of the application being corrected are listed first and can be removed.
 */
export default function ClaimDocuments({ id, state, update, error }: { id: string; state: ClaimState; update: ClaimUpdate; error?: string | undefined }) {
  const [items, setItems] = useState<Item[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  // Report the finished uploads and whether some are still running.
  const ids = items.filter((i) => i.status === 'done').map((i) => i.documentId!).join(',');
  const busy = items.some((i) => i.status === 'uploading');
  useEffect(() => {
    update((s) => (s.uploaded.join(',') === ids && s.busy === busy ? s : { ...s, uploaded: ids ? ids.split(',') : [], busy }));
  }, [ids, busy, update]);

  const patch = (key: number, p: Partial<Item>) => live.current && setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
  const count = state.earlier.length + items.filter((i) => i.status !== 'error').length;

  function add(files: File[]) {
    setNotice(null);
    const room = MAX_FILES - count;
    if (files.length > room) setNotice(cfa.files.tooManyFiles(toPersianDigits(MAX_FILES)));
    const added: Item[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = nextKey++;
      const base = { key, name: file.name, size: file.size, progress: 0 };
      if (file.type && !ACCEPT.includes(file.type)) added.push({ ...base, status: 'error', error: cfa.files.fileBadType });
      else if (file.size > MAX_MB * 1024 * 1024) added.push({ ...base, status: 'error', error: cfa.files.fileTooBig(toPersianDigits(MAX_MB)) });
      else {
        const up = uploadDocument(file, PURPOSE, (progress) => patch(key, { progress }));
        up.promise.then(
          (doc) => patch(key, { status: 'done', progress: 100, documentId: doc.id }),
          (err: unknown) => {
            if (!(err instanceof DOMException && err.name === 'AbortError')) patch(key, { status: 'error', error: publicErrorMessage(err) });
          },
        );
        added.push({ ...base, status: 'uploading', abort: up.abort });
      }
    }
    setItems((list) => [...list, ...added]);
  }

  function remove(key: number) {
    setNotice(null);
    items.find((i) => i.key === key)?.abort?.();
    setItems((list) => list.filter((i) => i.key !== key));
  }

  return (
    <div className="amr-claim-docs">
      <span className="cx-label" id={`${id}-label`}>
        {ffa.claims.documents}
      </span>
      <p className="cx-hint" id={`${id}-hint`}>
        {ffa.claims.documentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}
      </p>
      {(state.earlier.length > 0 || items.length > 0) && (
        <ul className="cx-files" aria-live="polite" data-testid={`${id}-files`}>
          {state.earlier.map((d, i) => {
            const name = d.name || ffa.claims.earlier(toPersianDigits(i + 1));
            return (
              <li key={d.id} className="cx-file" data-status="done">
                <span className="cx-file-name" title={name}>
                  <a href={`/api/v1/documents/${d.id}`} target="_blank" rel="noreferrer">
                    <bdi>{name}</bdi>
                  </a>
                </span>
                <button type="button" className="cx-file-remove" onClick={() => update((s) => ({ ...s, earlier: s.earlier.filter((x) => x.id !== d.id) }))} aria-label={cfa.files.removeFile(name)}>
                  ×
                </button>
              </li>
            );
          })}
          {items.map((i) => (
            <li key={i.key} className="cx-file" data-status={i.status}>
              <span className="cx-file-name" title={i.name}>
                <bdi>{i.name}</bdi> <span className="cx-muted">({faSize(i.size)})</span>
              </span>
              <button type="button" className="cx-file-remove" onClick={() => remove(i.key)} aria-label={cfa.files.removeFile(i.name)}>
                ×
              </button>
              {i.status === 'uploading' && (
                <>
                  <progress max={100} value={i.progress} aria-hidden="true" />
                  <span className="cx-hint">{cfa.files.uploading(toPersianDigits(i.progress))}</span>
                </>
              )}
              {i.status === 'done' && <span className="cx-hint">{cfa.files.uploaded}</span>}
              {i.status === 'error' && (
                <span className="cx-error" role="alert">
                  {i.error}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {count < MAX_FILES && (
        <label className="cx-file-pick">
          <input
            id={id}
            type="file"
            multiple
            accept={ACCEPT.join(',')}
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              if (e.currentTarget.files?.length) add([...e.currentTarget.files]);
              e.currentTarget.value = '';
            }}
          />
          <span className="cx-btn cx-btn-light" aria-hidden="true">
            + {cfa.files.addFile}
          </span>
        </label>
      )}
      {notice && (
        <p className="cx-error" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}
