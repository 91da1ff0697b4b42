import { useCallback, useEffect, useRef, useState } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { cfa } from '../fa.js';
import { faSize } from '../format.js';
import { publicErrorMessage, uploadDocument } from './http.js';

export const MAX_FILES = 5;
export const MAX_MB = 10;
const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export interface UploadItem {
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

/** The files of one form: each is uploaded as soon as it is picked, so the final submit is instant. */
export function useUploads(purpose: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const patch = useCallback((key: number, p: Partial<UploadItem>) => {
    if (live.current) setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
  }, []);

  // The current list, read by `add` (side effects such as starting an upload never run inside a state updater).
  const current = useRef<UploadItem[]>([]);
  current.current = items;

  const add = useCallback(
    (files: FileList | File[]) => {
      setNotice(null);
      const picked = [...files];
      const room = MAX_FILES - current.current.filter((i) => i.status !== 'error').length;
      if (picked.length > room) setNotice(cfa.files.tooManyFiles(toPersianDigits(MAX_FILES)));
      const added: UploadItem[] = [];
      for (const file of picked.slice(0, Math.max(0, room))) {
        const key = nextKey++;
        const base = { key, name: file.name, size: file.size, progress: 0 };
        if (file.type && !ACCEPT.includes(file.type)) {
          added.push({ ...base, status: 'error', error: cfa.files.fileBadType });
          continue;
        }
        if (file.size > MAX_MB * 1024 * 1024) {
          added.push({ ...base, status: 'error', error: cfa.files.fileTooBig(toPersianDigits(MAX_MB)) });
          continue;
        }
        const up = uploadDocument(file, purpose, (progress) => patch(key, { progress }));
        up.promise.then(
          (doc) => patch(key, { status: 'done', progress: 100, documentId: doc.id }),
          (err: unknown) => {
            if (err instanceof DOMException && err.name === 'AbortError') return;
            patch(key, { status: 'error', error: publicErrorMessage(err) });
          },
        );
        added.push({ ...base, status: 'uploading', abort: up.abort });
      }
      current.current = [...current.current, ...added];
      setItems((list) => [...list, ...added]);
    },
    [patch, purpose],
  );

  const remove = useCallback((key: number) => {
    setNotice(null);
    current.current.find((i) => i.key === key)?.abort?.();
    setItems((list) => list.filter((i) => i.key !== key));
  }, []);

  const reset = useCallback(() => setItems([]), []);

  return {
    items,
    notice,
    add,
    remove,
    reset,
    busy: items.some((i) => i.status === 'uploading'),
    documentIds: items.filter((i) => i.status === 'done' && i.documentId).map((i) => i.documentId!),
  };
}

export type Uploads = ReturnType<typeof useUploads>;

/** The file picker and the list of picked files with progress, errors and a remove button each. */
export function Attachments({ id, uploads, error, label = cfa.files.attachments }: { id: string; uploads: Uploads; error?: string | undefined; label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const full = uploads.items.filter((i) => i.status !== 'error').length >= MAX_FILES;
  const hintId = `${id}-hint`;
  return (
    <div className="cx-field" data-field={id}>
      <span className="cx-label" id={`${id}-label`}>
        {label} <span className="cx-muted">{cfa.common.optional}</span>
      </span>
      <p className="cx-hint" id={hintId}>
        {cfa.files.attachmentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}
      </p>
      {uploads.items.length > 0 && (
        <ul className="cx-files" aria-live="polite" data-testid={`${id}-list`}>
          {uploads.items.map((i) => (
            <li key={i.key} className="cx-file" data-status={i.status}>
              <span className="cx-file-name" title={i.name}>
                <bdi>{i.name}</bdi> <span className="cx-muted">({faSize(i.size)})</span>
              </span>
              <button type="button" className="cx-file-remove" onClick={() => uploads.remove(i.key)} aria-label={cfa.files.removeFile(i.name)}>
                ×
              </button>
              {i.status === 'uploading' && (
                <>
                  <progress max={100} value={i.progress} aria-label={cfa.files.uploading(toPersianDigits(i.progress))} />
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
      {!full && (
        <label className="cx-file-pick">
          <input
            ref={input}
            id={id}
            type="file"
            multiple
            accept={ACCEPT.join(',')}
            aria-describedby={hintId}
            onChange={(e) => {
              if (e.currentTarget.files?.length) uploads.add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <span className="cx-btn cx-btn-light" aria-hidden="true">
            + {cfa.files.addFile}
          </span>
          <span className="cx-sr">{cfa.files.addFile}</span>
        </label>
      )}
      {(uploads.notice || error) && (
        <p className="cx-error" role="alert">
          {uploads.notice ?? error}
        </p>
      )}
    </div>
  );
}
