// A light public page's action that cannot be undone (withdrawing an application): a danger button that asks first,
// in place, with the question and «yes» focused, and shows the server's reason when it fails. Plain markup, styled
// by styles/forms.css (buttons, alert) and styles/service.css (the question's box), which the service's stylesheet
// brings.
import { useRef, useState } from 'react';
import { publicErrorMessage } from '../citizen-auth.js';

/**
 * `onConfirm` does it (the page shows the outcome; this is usually gone then). `testId` names the button, the
 * question (`-confirm`) and «yes» (`-yes`).
 */
export function ConfirmAction({
  label,
  question,
  yes,
  no,
  testId,
  onConfirm,
}: {
  label: string;
  question: string;
  yes: string;
  no: string;
  testId: string;
  onConfirm: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const yesRef = useRef<HTMLButtonElement>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!asking) {
    return (
      <button
        type="button"
        className="cx-btn cx-btn-danger"
        data-testid={testId}
        onClick={() => {
          setAsking(true);
          setTimeout(() => yesRef.current?.focus(), 0);
        }}
      >
        {label}
      </button>
    );
  }
  const questionId = `${testId}-q`;
  return (
    <div className="cx-alert cx-confirm" role="group" aria-labelledby={questionId} data-testid={`${testId}-confirm`}>
      <p id={questionId}>{question}</p>
      {error && <p className="cx-error">{error}</p>}
      <div className="cx-actions">
        <button ref={yesRef} type="button" className="cx-btn cx-btn-danger" onClick={() => void confirm()} disabled={busy} data-testid={`${testId}-yes`}>
          {yes}
        </button>
        <button type="button" className="cx-btn cx-btn-light" onClick={() => setAsking(false)} disabled={busy}>
          {no}
        </button>
      </div>
    </div>
  );
}
