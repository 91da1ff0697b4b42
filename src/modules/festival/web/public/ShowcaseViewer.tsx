// What a signed-in dehyari may do on a showcase plan (the API's `viewer`): mark «we want to replicate this» per
// village of his (idempotent; undo) and ask the author a question.
import { useState, type FormEvent } from 'react';
import { api, fetchMe, getCsrfToken } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { described, Field } from '../../../../web/components/form.js';
import type { ShowcasePlan } from '../../api-types.js';
import { SHOWCASE } from '../shared/paths.js';
import { Alert } from './ui.js';

/** Its words (only dehyaris download them). */
const s = {
  replicate: 'ما هم می‌خواهیم این طرح را اجرا کنیم',
  replicateHint: 'با اعلام تمایل، صاحب طرح و دبیرخانه جشنواره باخبر می‌شوند و نام روستای شما در این صفحه می‌آید. هر زمان بخواهید برمی‌دارید.',
  ask: 'پرسش از صاحب طرح',
  askHint: 'پرسش و پاسخ، پس از پاسخ صاحب طرح، در همین صفحه منتشر می‌شود.',
  askLabel: 'پرسش شما',
  askSend: 'فرستادن پرسش',
  askSending: 'در حال فرستادن…',
  askSent: 'پرسش شما فرستاده شد؛ پس از پاسخ، این‌جا نمایش داده می‌شود.',
  askEmpty: 'پرسش را بنویسید.',
};

/** A change needs the session's CSRF token, which only the session check (GET /me) hands over: fetch it once. */
async function ready(): Promise<void> {
  if (!getCsrfToken()) await fetchMe();
}

function Replicate({ plan, onChange }: { plan: ShowcasePlan; onChange: (p: ShowcasePlan) => void }) {
  // The box shows what was asked at once; the server's answer settles it (or puts it back, with the error).
  const [busy, setBusy] = useState<{ id: number; on: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const viewer = plan.viewer;
  if (!viewer || !viewer.canReplicate) return null;
  const path = `${SHOWCASE}/${encodeURIComponent(plan.id)}/replicate`;

  async function toggle(villageId: number, on: boolean) {
    setBusy({ id: villageId, on });
    setError(null);
    try {
      await ready();
      onChange(on ? await api.post<ShowcasePlan>(path, { villageId }) : await api.delete<ShowcasePlan>(`${path}?villageId=${villageId}`));
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="cx-field fe-replicate" data-testid="replicate">
      <legend className="cx-label">{s.replicate}</legend>
      <p className="cx-hint">{s.replicateHint}</p>
      {viewer.villages.map((v) => (
        <label key={v.id} className="cx-check">
          <input type="checkbox" checked={busy?.id === v.id ? busy.on : viewer.replicatedVillageIds.includes(v.id)} disabled={busy !== null} onChange={(e) => void toggle(v.id, e.currentTarget.checked)} />
          <span>{v.label}</span>
        </label>
      ))}
      <Alert>{error}</Alert>
    </fieldset>
  );
}

function AskForm({ planId }: { planId: string }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setError(s.askEmpty);
    setBusy(true);
    setError(null);
    try {
      await ready();
      await api.post(`${SHOWCASE}/${encodeURIComponent(planId)}/questions`, { question: text });
      setText('');
      setSent(true);
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cx-card" onSubmit={send} noValidate aria-busy={busy} aria-labelledby="ask-title" data-testid="ask">
      <h2 id="ask-title">{s.ask}</h2>
      <p className="cx-hint">{s.askHint}</p>
      <Alert tone="ok">{sent ? s.askSent : null}</Alert>
      <Field id="ask-text" label={s.askLabel} error={error}>
        <textarea {...described('ask-text', false, error)} className="cx-textarea" rows={4} maxLength={1000} value={text} onChange={(e) => { setText(e.currentTarget.value); setSent(false); }} />
      </Field>
      <button type="submit" className="cx-btn" disabled={busy}>
        {busy ? s.askSending : s.askSend}
      </button>
    </form>
  );
}

/** The dehyari's part of a plan's page: replicate marks, then the question form (its own chunk: only for dehyaris). */
export default function ShowcaseViewer({ plan, onChange, part }: { plan: ShowcasePlan; onChange: (p: ShowcasePlan) => void; part: 'replicate' | 'ask' }) {
  return part === 'replicate' ? <Replicate plan={plan} onChange={onChange} /> : <AskForm planId={plan.id} />;
}
