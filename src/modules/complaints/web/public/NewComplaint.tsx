import '../../../../web/styles/pages.css';
import './complaints.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { cfa } from '../fa.js';
import { cleanCode, groupCode } from '../format.js';
import type { CategoryGroup } from '../types.js';
import { nfa } from './fa-new.js';
import { api, currentCitizen, publicErrorMessage, type Citizen } from './http.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import { Steps } from '../../../../web/components/Steps.js';
import { Alert, Loading } from './ui.js';

// Steps 2–3 (the form) are their own chunk, fetched as soon as the page knows who is there: a citizen who is
// not signed in sees step 1 without waiting for the form's code.
const ComplaintForm = lazy(() => import('./ComplaintForm.js'));

type Step = 'checking' | 'auth' | 'form' | 'similar' | 'done';
const STEP_INDEX: Record<Step, number> = { checking: 0, auth: 0, form: 1, similar: 2, done: 3 };

/** The copy of the tracking code (ASCII digits: they paste anywhere), with a fallback where the clipboard API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/**
 * `/complaints/new`: (1) mobile and one-time code (skipped when signed in as a citizen), (2) what, where and
 * why, (3) similar open cases at the same place, (4) the tracking code. Plain markup: no Mantine, no query
 * library; the page must work on a slow phone.
 */
export default function NewComplaint() {
  usePageTitle(nfa.create.title);
  const [step, setStep] = useState<Step>('checking');
  const [citizen, setCitizen] = useState<Citizen | null>(null);
  const [categories, setCategories] = useState<CategoryGroup[] | null>(null);
  const [catError, setCatError] = useState<string | null>(null);
  /** The form is mounted from the first time it is needed, and kept (hidden) while the citizen signs in again. */
  const [formShown, setFormShown] = useState(false);
  const [formKey, setFormKey] = useState(1);
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The session check and the category tree are fetched at once, while the citizen reads step 1.
  useEffect(() => {
    let live = true;
    void currentCitizen().then((c) => {
      if (!live) return;
      setCitizen(c);
      if (c) {
        setFormShown(true);
        setStep('form');
      } else setStep('auth');
    });
    loadCategories();
    return () => {
      live = false;
    };
  }, []);

  function loadCategories() {
    setCatError(null);
    api.get<{ items: CategoryGroup[] }>('/api/v1/complaints/categories').then(
      (r) => setCategories(r.items),
      (e: unknown) => setCatError(publicErrorMessage(e)),
    );
  }

  function go(next: Step) {
    setStep(next);
    window.scrollTo(0, 0);
    setTimeout(() => heading.current?.focus(), 0);
  }

  const inForm = step === 'form' || step === 'similar';

  return (
    <div className="cx-page">
      <h1 className="cx-title" ref={heading} tabIndex={-1}>
        {step === 'done' ? nfa.create.doneTitle : nfa.create.title}
      </h1>
      <Steps labels={nfa.create.steps} at={STEP_INDEX[step]} />

      {step === 'checking' && <Loading />}

      {step === 'auth' && (
        <>
          <p className="cx-lead">{nfa.create.intro}</p>
          <OtpForm
            title={cfa.otp.title}
            subtitle={cfa.otp.subtitle}
            codeLabel={cfa.otp.code}
            verifyLabel={cfa.otp.verify}
            onSignedIn={(c) => {
              setCitizen(c);
              setFormShown(true);
              go('form');
            }}
          />
        </>
      )}

      {formShown && step !== 'done' && (
        <div hidden={!inForm}>
          <Suspense fallback={<Loading />}>
            <ComplaintForm
              key={formKey}
              citizen={citizen}
              categories={categories}
              catError={catError}
              onRetryCategories={loadCategories}
              onStep={(s) => setStep(s)}
              onNeedAuth={() => {
                setCitizen(null);
                go('auth');
              }}
              onDone={(c) => {
                setCode(c);
                setCopied(false);
                go('done');
              }}
            />
          </Suspense>
        </div>
      )}

      {step === 'done' && code && (
        <section className="cx-card cx-done" aria-labelledby="done-text" data-testid="done">
          <span className="cx-done-icon" aria-hidden="true">
            ✓
          </span>
          <p id="done-text" className="cx-lead">
            {nfa.create.doneText}
          </p>
          <p className="cx-code" data-testid="tracking-code" aria-label={`${nfa.create.codeLabel}: ${toPersianDigits(cleanCode(code)).split('').join(' ')}`}>
            {groupCode(code)}
          </p>
          <button
            type="button"
            className="cx-btn cx-btn-light"
            onClick={() => {
              void copyText(cleanCode(code)).then(setCopied);
            }}
          >
            {nfa.create.copy}
          </button>
          <p className="cx-muted" role="status">
            {copied ? nfa.create.copied : ''}
          </p>
          <Alert tone="ok">{nfa.create.smsSent}</Alert>
          <p className="cx-muted">{nfa.create.keepCode}</p>
          <div className="cx-actions" style={{ justifyContent: 'center' }}>
            <Link className="cx-btn" to={`/track/${cleanCode(code)}`} data-testid="follow-link">
              {nfa.create.follow}
            </Link>
            <button
              type="button"
              className="cx-btn cx-btn-light"
              onClick={() => {
                setFormKey((k) => k + 1);
                setCode(null);
                go('form');
              }}
            >
              {nfa.create.another}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
