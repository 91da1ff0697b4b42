// Questions dehyaris asked about the entrepreneur's selected plans, each with its answer or a box to answer it
// (GET /festival/mine/questions; POST …/:id/answer). Nothing is shown while there are none.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { described, Field } from '../../../../web/components/form.js';
import { jDate } from '../../../../web/format.js';
import type { QuestionItem } from '../../api-types.js';
import { FEST } from '../shared/paths.js';

/** Its words (only the list page shows questions). */
const q = {
  title: 'پرسش‌ها درباره طرح‌های شما',
  intro: 'دهیاری‌هایی که می‌خواهند طرح شما را اجرا کنند پرسیده‌اند. پاسخ شما در صفحه طرح در ویترین منتشر می‌شود.',
  from: (who: string, at: string) => `${who} — ${at}`,
  answer: 'پاسخ شما',
  send: 'ثبت پاسخ',
  sending: 'در حال ثبت…',
  answered: 'پاسخ داده شد',
  answerEmpty: 'پاسخ را بنویسید.',
};

function Answer({ item, onDone }: { item: QuestionItem; onDone: (i: QuestionItem) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `answer-${item.id}`;
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setError(q.answerEmpty);
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<QuestionItem>(`${FEST}/mine/questions/${item.id}/answer`, { answer: text }));
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={send} noValidate className="fe-answer" aria-busy={busy}>
      <Field id={id} label={q.answer} error={error}>
        <textarea {...described(id, false, error)} className="cx-textarea" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Field>
      <button type="submit" className="cx-btn" disabled={busy}>
        {busy ? q.sending : q.send}
      </button>
    </form>
  );
}

export function Questions() {
  const [items, setItems] = useState<QuestionItem[]>([]);
  useEffect(() => {
    let live = true;
    api.get<{ items: QuestionItem[] }>(`${FEST}/mine/questions`).then(
      (r) => live && setItems(r.items.filter((i) => i.canAnswer)),
      () => undefined, // the page works without them
    );
    return () => {
      live = false;
    };
  }, []);
  if (items.length === 0) return null;
  return (
    <section className="cx-card" aria-labelledby="questions-title" data-testid="questions">
      <h2 id="questions-title">{q.title}</h2>
      <p className="cx-hint">{q.intro}</p>
      <ul className="fe-questions">
        {items.map((i) => (
          <li key={i.id} className="cx-msg">
            <div className="cx-msg-head">
              <Link to={`/showcase/${i.entryId}`}>{i.entryTitle}</Link>
              <span>{q.from(i.askedBy, jDate(i.askedAt))}</span>
            </div>
            <p>{i.question}</p>
            {i.answer ? (
              <p className="fe-answered">
                <strong>{q.answered}: </strong>
                {i.answer}
              </p>
            ) : (
              <Answer item={i} onDone={(n) => setItems((list) => list.map((x) => (x.id === n.id ? n : x)))} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
