import { Fragment, useState, type FormEvent } from 'react';
import { normalizeFa, toPersianDigits } from '../../../../core/fa/normalize.js';
import { cfa } from '../fa.js';
import { tfa } from './fa-track.js';
import { faNumber, faSize, jDate, jDateTime } from '../../../../web/format.js';
import { faCoord } from '../format.js';
import type { CitizenCase, OwnerAttachment, PublicMessage } from '../types.js';
import { FileUploads, useUploads } from '../../../../web/components/Uploads.js';
import { api, fieldErrors, publicErrorMessage } from './http.js';
import { Alert, described, Field } from './ui.js';

const MAX_BODY = 4000;

/** The owner's files, downloaded through the owner's route (staff files included when public). */
export function AttachmentList({ code, items }: { code: string; items: OwnerAttachment[] }) {
  if (items.length === 0) return <p className="cx-muted">{tfa.full.noAttachments}</p>;
  return (
    <ul className="cx-files" data-testid="attachments">
      {items.map((a) => (
        <li key={a.id} className="cx-file">
          <span className="cx-file-name">
            <bdi>{a.filename}</bdi> <span className="cx-muted">({faSize(a.size)})</span>
          </span>
          <a href={`/api/v1/complaints/mine/${code}/documents/${a.id}`} className="cx-link-btn" download>
            {tfa.full.download}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Message({ code, m, files }: { code: string; m: PublicMessage; files: OwnerAttachment[] }) {
  const who = m.kind === 'citizen' ? tfa.full.fromCitizen : m.kind === 'info_request' ? tfa.full.infoRequest : tfa.full.fromStaff;
  const own = files.filter((f) => m.documentIds?.includes(f.id));
  return (
    <div className="cx-msg" data-kind={m.kind ?? 'reply'}>
      <div className="cx-msg-head">
        <strong>{who}</strong>
        <time dateTime={m.createdAt}>{jDateTime(m.createdAt)}</time>
      </div>
      <p>{m.body}</p>
      {own.length > 0 && <AttachmentList code={code} items={own} />}
    </div>
  );
}

/** Text area with the Persian character counter, shared by the three citizen forms. */
function TextArea({ id, label, value, onChange, error, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea {...described(id, !!hint, error)} className="cx-textarea" rows={4} value={value} onChange={(e) => onChange(e.currentTarget.value.slice(0, MAX_BODY + 200))} />
      <span className="cx-counter" data-over={value.length > MAX_BODY}>
        {cfa.common.charCount(faNumber(value.length), faNumber(MAX_BODY))}
      </span>
    </Field>
  );
}

function textError(v: string): string | undefined {
  if (normalizeFa(v) === '') return cfa.common.required;
  if (v.trim().length > MAX_BODY) return cfa.common.tooLong(faNumber(MAX_BODY));
  return undefined;
}

function InfoForm({ code, asked, onDone }: { code: string; asked: boolean; onDone: (data: CitizenCase, msg: string) => Promise<void> }) {
  const [opened, setOpened] = useState(asked);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useUploads('complaint-info');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const err = textError(body) ?? (uploads.busy ? cfa.common.waitUploads : undefined);
    setError(err);
    if (err) return;
    setBusy(true);
    setFormError(null);
    try {
      const data = await api.post<CitizenCase>(`/api/v1/complaints/mine/${code}/info`, { body: body.trim(), documentIds: uploads.documentIds });
      setBody('');
      uploads.reset();
      await onDone(data, tfa.full.infoSent);
    } catch (err) {
      setError(fieldErrors(err).body);
      setFormError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!opened) {
    return (
      <div>
        <button type="button" className="cx-btn cx-btn-light" onClick={() => setOpened(true)} data-testid="add-info">
          {tfa.full.addInfo}
        </button>
      </div>
    );
  }

  return (
    <form className="cx-card" onSubmit={submit} noValidate aria-labelledby="info-title" data-testid="info-form">
      <h2 id="info-title">{asked ? tfa.full.infoTitle : tfa.full.addInfo}</h2>
      <p className="cx-lead">{asked ? tfa.full.infoText : tfa.full.addInfoText}</p>
      <Alert>{formError}</Alert>
      <TextArea id="info-body" label={tfa.full.infoBody} value={body} onChange={setBody} error={error} />
      <FileUploads id="info-files" uploads={uploads} optional />
      <button type="submit" className="cx-btn" disabled={busy}>
        {cfa.common.send}
      </button>
    </form>
  );
}

/** Five stars as an accessible radio group: each radio is labelled «۳ از ۵ — متوسط». */
export function Stars({ name, value, onChange, error }: { name: string; value: number; onChange: (n: number) => void; error?: string | undefined }) {
  return (
    <fieldset className="cx-field" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="cx-label">{tfa.full.rateLegend}</legend>
      <div className="cx-stars">
        {[5, 4, 3, 2, 1].map((n) => (
          <Fragment key={n}>
            <input type="radio" id={`${name}-${n}`} name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <label htmlFor={`${name}-${n}`} title={tfa.full.rateLabels[n]}>
              <span aria-hidden="true">★</span>
              <span className="cx-sr">
                {tfa.full.stars(toPersianDigits(n))} — {tfa.full.rateLabels[n]}
              </span>
            </label>
          </Fragment>
        ))}
      </div>
      <p className="cx-hint" aria-live="polite">
        {value ? `${tfa.full.stars(toPersianDigits(value))} — ${tfa.full.rateLabels[value]}` : ''}
      </p>
      {error && (
        <p className="cx-error" id={`${name}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RateForm({ code, onDone }: { code: string; onDone: (data: CitizenCase, msg: string) => Promise<void> }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (rating < 1) {
      setError(tfa.full.rateRequired);
      return;
    }
    setError(undefined);
    setBusy(true);
    setFormError(null);
    try {
      const data = await api.post<CitizenCase>(`/api/v1/complaints/mine/${code}/rate`, { rating, ...(comment.trim() ? { comment: comment.trim().slice(0, 1000) } : {}) });
      await onDone(data, tfa.full.rated);
    } catch (err) {
      setFormError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cx-card" onSubmit={submit} noValidate aria-labelledby="rate-title" data-testid="rate-form">
      <h2 id="rate-title">{tfa.full.rateTitle}</h2>
      <p className="cx-lead">{tfa.full.rateText}</p>
      <Alert>{formError}</Alert>
      <Stars name="rating" value={rating} onChange={setRating} error={error} />
      <Field id="rate-comment" label={tfa.full.rateComment} optional>
        <textarea id="rate-comment" className="cx-textarea" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      </Field>
      <button type="submit" className="cx-btn" disabled={busy}>
        {tfa.full.rateSubmit}
      </button>
    </form>
  );
}

function ReopenForm({ code, until, onDone }: { code: string; until?: string | null | undefined; onDone: (data: CitizenCase, msg: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const err = textError(reason);
    setError(err);
    if (err) return;
    setBusy(true);
    setFormError(null);
    try {
      const data = await api.post<CitizenCase>(`/api/v1/complaints/mine/${code}/reopen`, { reason: reason.trim() });
      setReason('');
      await onDone(data, tfa.full.reopened);
    } catch (err) {
      setError(fieldErrors(err).reason);
      setFormError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cx-card" onSubmit={submit} noValidate aria-labelledby="reopen-title" data-testid="reopen-form">
      <h2 id="reopen-title">{tfa.full.reopenTitle}</h2>
      <p className="cx-lead">{tfa.full.reopenText}</p>
      {until && <p className="cx-muted">{tfa.full.reopenUntil(jDate(until))}</p>}
      <Alert>{formError}</Alert>
      <TextArea id="reopen-reason" label={tfa.full.reopenReason} value={reason} onChange={setReason} error={error} />
      <button type="submit" className="cx-btn cx-btn-light" disabled={busy}>
        {tfa.full.reopenSubmit}
      </button>
    </form>
  );
}

function WithdrawBox({ code, onDone }: { code: string; onDone: (data: CitizenCase, msg: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      const data = await api.post<CitizenCase>(`/api/v1/complaints/mine/${code}/withdraw`, {});
      await onDone(data, tfa.full.withdrawn);
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="cx-card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{tfa.full.withdrawTitle}</h2>
      <p className="cx-lead">{tfa.full.withdrawText}</p>
      <Alert>{error}</Alert>
      {confirming ? (
        <>
          <p role="alert">{tfa.full.withdrawConfirm}</p>
          <div className="cx-actions">
            <button type="button" className="cx-btn cx-btn-danger" onClick={() => void withdraw()} disabled={busy}>
              {tfa.full.withdrawYes}
            </button>
            <button type="button" className="cx-btn cx-btn-light" onClick={() => setConfirming(false)} disabled={busy}>
              {cfa.common.cancel}
            </button>
          </div>
        </>
      ) : (
        <div>
          <button type="button" className="cx-btn cx-btn-danger" onClick={() => setConfirming(true)}>
            {tfa.full.withdraw}
          </button>
        </div>
      )}
    </section>
  );
}

/** The owner's full view of a case and the forms the server says are open now (`actions`, `canAddInfo`). */
export function CaseFull({ code, data, onChanged }: { code: string; data: CitizenCase; onChanged: (data: CitizenCase) => Promise<void> }) {
  const [notice, setNotice] = useState<string | null>(null);
  const actions = new Set(data.actions.map((a) => a.key));
  const asked = data.state === 'needs_info';

  async function done(next: CitizenCase, msg: string) {
    setNotice(msg);
    await onChanged(next);
  }

  return (
    <div className="cx-page" style={{ padding: 0 }} data-testid="full-case">
      <Alert tone="ok" testId="full-notice">
        {notice}
      </Alert>
      {(actions.has('provide_info') || (data.canAddInfo && asked)) && <InfoForm key="asked" code={code} asked onDone={done} />}
      {actions.has('rate') && <RateForm code={code} onDone={done} />}
      {actions.has('reopen') && <ReopenForm code={code} until={data.satisfactionWindowEnd} onDone={done} />}

      <section className="cx-card" aria-labelledby="filed-title">
        <h2 id="filed-title">{tfa.full.filed}</h2>
        <dl className="cx-facts">
          <dt>{tfa.full.subject}</dt>
          <dd>{data.subject}</dd>
          {data.name && (
            <>
              <dt>{tfa.full.name}</dt>
              <dd>{data.name}</dd>
            </>
          )}
          {data.anonymous && (
            <>
              <dt>{cfa.common.anonymous}</dt>
              <dd>{tfa.full.anonymousYes}</dd>
            </>
          )}
          {data.address && (
            <>
              <dt>{tfa.full.address}</dt>
              <dd>{data.address}</dd>
            </>
          )}
          {data.lat != null && data.lon != null && (
            <>
              <dt>{tfa.full.location}</dt>
              <dd>
                {faCoord(data.lat)}، {faCoord(data.lon)}
              </dd>
            </>
          )}
          {data.answers.map((a) => (
            <Fragment key={a.code}>
              <dt>{a.label}</dt>
              <dd>{a.valueLabel ?? (typeof a.value === 'boolean' ? (a.value ? cfa.common.yes : cfa.common.no) : toPersianDigits(String(a.value)))}</dd>
            </Fragment>
          ))}
          {data.rating != null && (
            <>
              <dt>{tfa.full.rateLegend}</dt>
              <dd>{tfa.full.yourRating(toPersianDigits(data.rating))}</dd>
            </>
          )}
        </dl>
        <h3>{tfa.full.body}</h3>
        <p className="cx-pre">{data.body}</p>
        <h3>{tfa.full.attachments}</h3>
        <AttachmentList code={code} items={data.attachments} />
      </section>

      <section className="cx-card" aria-labelledby="messages-title">
        <h2 id="messages-title">{tfa.full.messages}</h2>
        {data.messages.length === 0 ? (
          <p className="cx-muted">{tfa.full.noMessages}</p>
        ) : (
          <ol className="cx-timeline" data-testid="messages">
            {data.messages.map((m, i) => (
              <li key={m.id ?? i}>
                <Message code={code} m={m} files={data.attachments} />
              </li>
            ))}
          </ol>
        )}
        {data.canAddInfo && !asked && !actions.has('provide_info') && <InfoForm key="more" code={code} asked={false} onDone={done} />}
      </section>

      {data.history.length > 0 && (
        <section className="cx-card" aria-labelledby="history-title">
          <h2 id="history-title">{tfa.track.timeline}</h2>
          <ol className="cx-timeline" data-testid="timeline">
            {data.history.map((h, i) => (
              <li key={i}>
                <strong>{h.actionTitle}</strong>
                {h.fromState !== h.toState && <span className="cx-muted"> — {h.toStateTitle}</span>}
                {h.comment && <p className="cx-pre">{h.comment}</p>}
                <div className="cx-muted">
                  <time dateTime={h.at}>{jDateTime(h.at)}</time>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}

      {actions.has('withdraw') && <WithdrawBox code={code} onDone={done} />}
    </div>
  );
}
