// File uploads of the light public forms (no Mantine): each file is uploaded as soon as it is picked
// (POST /api/v1/documents, with progress), so the form's final submit is instant and only sends document ids.
// Styled by styles/pages.css (the `cx-file…` classes).
import { useEffect, useRef, useState } from 'react';
import { toPersianDigits } from '../../core/fa/normalize.js';
import { ApiError, getCsrfToken } from '../api.js';
import { publicErrorMessage } from '../citizen-auth.js';
import { fa } from '../fa.js';
import { faSize } from '../format.js';

export const MAX_FILES = 5;
export const MAX_MB = 10;
const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** The picker's strings (a service may give its own label and hint). */
const ufa = {
  label: 'پیوست‌ها',
  hint: (max: string, mb: string) => `تا ${max} تصویر یا فایل پی‌دی‌اف، هر کدام حداکثر ${mb} مگابایت`,
  addFile: 'افزودن تصویر یا فایل',
  removeFile: (name: string) => `حذف ${name}`,
  uploading: (p: string) => `در حال بارگذاری… ${p}٪`,
  uploaded: 'بارگذاری شد',
  fileTooBig: (mb: string) => `حجم فایل بیش از ${mb} مگابایت است.`,
  fileBadType: 'فقط تصویر یا فایل پی‌دی‌اف پذیرفته می‌شود.',
  tooManyFiles: (max: string) => `حداکثر ${max} پیوست می‌توانید بفرستید.`,
};

export interface UploadedDocument {
  id: string;
  filename: string;
  mime: string;
  size: number;
}

/**
 * Upload one file as `POST /api/v1/documents` (multipart: `file`, `purpose`), reporting progress 0–100.
 * Rejects with an ApiError carrying the server's Persian title.
 */
export function uploadDocument(file: File, purpose: string, onProgress: (percent: number) => void): { promise: Promise<UploadedDocument>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedDocument>((resolve, reject) => {
    xhr.open('POST', '/api/v1/documents');
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}') as Record<string, unknown>;
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof body.id === 'string') {
        onProgress(100);
        resolve(body as unknown as UploadedDocument);
        return;
      }
      reject(
        new ApiError({
          status: xhr.status,
          code: typeof body.code === 'string' ? body.code : `http_${xhr.status}`,
          title: typeof body.title === 'string' && body.title ? body.title : fa.errors.generic,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', title: fa.errors.network }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** A document the form already has (e.g. of an application being corrected): listed first, removable. */
export interface ExistingFile {
  id: string;
  name: string;
}

export interface UploadItem {
  key: number;
  name: string;
  /** Unknown for an existing file. */
  size?: number;
  status: 'uploading' | 'done' | 'error';
  progress: number;
  documentId?: string;
  /** An existing file (not uploaded by this form): shown as a link to the document. */
  existing?: boolean;
  error?: string;
  abort?: () => void;
}

let nextKey = 1;

/**
 * The files of one form: the existing ones, then each picked file, uploaded at once. At most `maxFiles` (MAX_FILES
 * unless the form's contract allows more, e.g. a festival plan's photos).
 */
export function useUploads(purpose: string, initial: readonly ExistingFile[] = [], maxFiles = MAX_FILES) {
  const [items, setItems] = useState<UploadItem[]>(() =>
    initial.map((f) => ({ key: nextKey++, name: f.name, status: 'done', progress: 100, documentId: f.id, existing: true })),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  function patch(key: number, p: Partial<UploadItem>) {
    if (live.current) setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
  }

  // The current list, read by `add` (side effects such as starting an upload never run inside a state updater).
  const current = useRef<UploadItem[]>(items);
  current.current = items;

  function add(files: FileList | File[]) {
    setNotice(null);
    const picked = [...files];
    const room = maxFiles - current.current.filter((i) => i.status !== 'error').length;
    if (picked.length > room) setNotice(ufa.tooManyFiles(toPersianDigits(maxFiles)));
    const added: UploadItem[] = [];
    for (const file of picked.slice(0, Math.max(0, room))) {
      const key = nextKey++;
      const base = { key, name: file.name, size: file.size, progress: 0 };
      if (file.type && !ACCEPT.includes(file.type)) {
        added.push({ ...base, status: 'error', error: ufa.fileBadType });
        continue;
      }
      if (file.size > MAX_MB * 1024 * 1024) {
        added.push({ ...base, status: 'error', error: ufa.fileTooBig(toPersianDigits(MAX_MB)) });
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
  }

  function remove(key: number) {
    setNotice(null);
    current.current.find((i) => i.key === key)?.abort?.();
    setItems((list) => list.filter((i) => i.key !== key));
  }

  const reset = () => setItems([]);

  return {
    items,
    notice,
    maxFiles,
    add,
    remove,
    reset,
    busy: items.some((i) => i.status === 'uploading'),
    documentIds: items.filter((i) => i.status === 'done' && i.documentId).map((i) => i.documentId!),
  };
}

export type Uploads = ReturnType<typeof useUploads>;

/**
 * The file picker and the list of files with progress, errors and a remove button each. `optional` marks the
 * label «(اختیاری)»; `error` is shown under the picker; `describedBy` names an error shown elsewhere.
 */
export function FileUploads({
  id,
  uploads,
  label = ufa.label,
  hint = ufa.hint(toPersianDigits(uploads.maxFiles), toPersianDigits(MAX_MB)),
  optional = false,
  error,
  describedBy,
  className = 'cx-field',
}: {
  id: string;
  uploads: Uploads;
  label?: string;
  hint?: string;
  optional?: boolean;
  error?: string | undefined;
  describedBy?: string | undefined;
  className?: string;
}) {
  const full = uploads.items.filter((i) => i.status !== 'error').length >= uploads.maxFiles;
  const shownError = uploads.notice ?? error;
  return (
    <div className={className} data-field={id}>
      <span className="cx-label" id={`${id}-label`}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="cx-muted">{fa.form.optional}</span>
          </>
        )}
      </span>
      <p className="cx-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {uploads.items.length > 0 && (
        <ul className="cx-files" aria-live="polite" data-testid={`${id}-files`}>
          {uploads.items.map((i) => (
            <li key={i.key} className="cx-file" data-status={i.status}>
              <span className="cx-file-name" title={i.name}>
                {i.existing ? (
                  <a href={`/api/v1/documents/${i.documentId}`} target="_blank" rel="noreferrer">
                    <bdi>{i.name}</bdi>
                  </a>
                ) : (
                  <>
                    <bdi>{i.name}</bdi> <span className="cx-muted">({faSize(i.size ?? 0)})</span>
                  </>
                )}
              </span>
              <button type="button" className="cx-file-remove" onClick={() => uploads.remove(i.key)} aria-label={ufa.removeFile(i.name)}>
                ×
              </button>
              {i.status === 'uploading' && (
                <>
                  <progress max={100} value={i.progress} aria-hidden="true" />
                  <span className="cx-hint">{ufa.uploading(toPersianDigits(i.progress))}</span>
                </>
              )}
              {i.status === 'done' && !i.existing && <span className="cx-hint">{ufa.uploaded}</span>}
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
            id={id}
            type="file"
            multiple
            accept={ACCEPT.join(',')}
            aria-labelledby={`${id}-label ${id}-add`}
            aria-describedby={[`${id}-hint`, error && !uploads.notice ? `${id}-error` : describedBy].filter(Boolean).join(' ')}
            onChange={(e) => {
              if (e.currentTarget.files?.length) uploads.add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <span className="cx-btn cx-btn-light" aria-hidden="true">
            + {ufa.addFile}
          </span>
          <span className="cx-sr" id={`${id}-add`}>
            {ufa.addFile}
          </span>
        </label>
      )}
      {shownError && (
        <p className="cx-error" role="alert" id={uploads.notice ? undefined : `${id}-error`}>
          {shownError}
        </p>
      )}
    </div>
  );
}
