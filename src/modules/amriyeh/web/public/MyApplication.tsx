import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { ConfirmAction } from '../../../../web/components/ConfirmAction.js';
import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { ApplicantView, CallView } from '../../api-types.js';
import { CONSCRIPTION_TITLES, EDUCATION_TITLES, MARITAL_TITLES } from '../../enums.js';
import { afa } from './fa.js';
import { mfa } from './fa-my.js';
import { AMR, api, currentCitizen, publicErrorMessage, type Citizen } from './http.js';
import { Alert, AmrPage, AmrSignIn, groupCode, Failures, faNum, jDate, jDateTime, Loading, ScoreTable, StateBadge } from './ui.js';

// The correction form is needed only when the application was returned: its own chunk.
const ApplicationForm = lazy(() => import('./ApplicationForm.js'));

type Notice = 'submitted' | 'resubmitted' | 'withdrawn';
const NOTICES: Record<Notice, string> = { submitted: mfa.view.submitted, resubmitted: mfa.view.resubmitted, withdrawn: mfa.view.withdrawn };

function Details({ a }: { a: ApplicantView }) {
  return (
    <dl className="cx-facts">
      <dt>{mfa.view.name}</dt>
      <dd>
        {a.firstName} {a.lastName}
      </dd>
      <dt>{mfa.view.fatherName}</dt>
      <dd>{a.fatherName}</dd>
      <dt>{mfa.view.nationalCode}</dt>
      <dd>
        <bdi dir="ltr">{toPersianDigits(a.nationalCode)}</bdi>
      </dd>
      <dt>{mfa.view.birthDate}</dt>
      <dd>{jDate(a.birthDate)}</dd>
      <dt>{mfa.view.education}</dt>
      <dd>
        {EDUCATION_TITLES[a.educationLevel]}
        {a.fieldOfStudy ? ` — ${a.fieldOfStudy}` : ''}
      </dd>
      <dt>{mfa.view.gpa}</dt>
      <dd>{faNum(a.gpa)}</dd>
      <dt>{mfa.view.residence}</dt>
      <dd>{a.residenceName}</dd>
      <dt>{mfa.view.birthPlace}</dt>
      <dd>{a.birthPlaceName}</dd>
      <dt>{mfa.view.marital}</dt>
      <dd>{MARITAL_TITLES[a.maritalStatus]}</dd>
      <dt>{mfa.view.conscription}</dt>
      <dd>{CONSCRIPTION_TITLES[a.conscriptionStatus]}</dd>
    </dl>
  );
}

function View({ a, onChanged, onResubmit }: { a: ApplicantView; onChanged: (v: ApplicantView, notice: Notice) => void; onResubmit: () => void }) {
  const decided = a.assignedStation || a.selectionExplanation || a.letterNumber || a.runId !== null;
  return (
    <>
      <section className="cx-card" aria-labelledby="app-title" data-testid="status-card">
        <h2 id="app-title">{a.callTitle}</h2>
        <StateBadge state={a.state} title={a.stateTitle} />
        <dl className="cx-facts">
          <dt>{mfa.my.code}</dt>
          <dd>
            <bdi dir="ltr" data-testid="tracking-code">
              {groupCode(a.trackingCode)}
            </bdi>
          </dd>
          <dt>{mfa.my.created}</dt>
          <dd>{jDateTime(a.createdAt)}</dd>
          <dt>{mfa.my.score}</dt>
          <dd data-testid="score">{faNum(a.score)}</dd>
          {a.dueAt && (
            <>
              <dt>{mfa.view.due}</dt>
              <dd>{jDate(a.dueAt)}</dd>
            </>
          )}
        </dl>
        {a.lastComment && (
          <div className="cx-msg" data-kind="info_request">
            <div className="cx-msg-head">
              <strong>{mfa.view.lastComment}</strong>
            </div>
            <p data-testid="last-comment">{a.lastComment}</p>
          </div>
        )}
        {(a.canResubmit || a.canWithdraw) && (
          <div className="cx-actions">
            {a.canResubmit && (
              <button type="button" className="cx-btn" onClick={onResubmit} data-testid="resubmit">
                {mfa.view.resubmit}
              </button>
            )}
            {a.canWithdraw && (
              <ConfirmAction
                testId="withdraw"
                label={mfa.view.withdraw}
                question={mfa.view.withdrawConfirm}
                yes={mfa.view.withdrawYes}
                no={mfa.view.withdrawNo}
                onConfirm={async () => onChanged(await api.post<ApplicantView>(`${AMR}/applications/mine/${encodeURIComponent(a.id)}/withdraw`), 'withdrawn')}
              />
            )}
          </div>
        )}
      </section>

      {decided && (
        <section className="cx-card" aria-labelledby="result-title" data-testid="result">
          <h2 id="result-title">{mfa.view.result}</h2>
          {a.assignedStation && (
            <dl className="cx-facts">
              <dt>{mfa.view.assigned}</dt>
              <dd data-testid="assigned-station">
                {a.assignedStation.name} — {a.assignedStation.villageName}، {a.assignedStation.districtName}
              </dd>
            </dl>
          )}
          {a.selectionExplanation && (
            <p className="cx-pre" data-testid="explanation">
              {a.selectionExplanation}
            </p>
          )}
          <div className="cx-actions">
            {a.letterNumber && (
              <Link className="cx-btn" to={`/amriyeh/letters/${encodeURIComponent(a.letterNumber)}`} data-testid="letter-link">
                {mfa.view.letterLink(toPersianDigits(a.letterNumber))}
              </Link>
            )}
            {a.runId !== null && (
              <Link className="cx-btn cx-btn-light" to={`/amriyeh/runs/${a.runId}`} data-testid="run-link">
                {mfa.view.seeRun}
              </Link>
            )}
          </div>
        </section>
      )}

      <section className="cx-card" aria-labelledby="elig-title">
        <h2 id="elig-title">{mfa.view.eligibility}</h2>
        {a.eligibility.eligible ? (
          <Alert tone="ok">{mfa.view.eligible}</Alert>
        ) : (
          <>
            <p>{mfa.view.notEligible}</p>
            <Failures failures={a.eligibility.failures} />
          </>
        )}
        <h3>{mfa.view.score}</h3>
        <p className="cx-hint">{mfa.view.scoreNote}</p>
        <ScoreTable parts={a.scoreParts} total={a.score} caption={mfa.view.score} />
      </section>

      <section className="cx-card" aria-labelledby="pref-title">
        <h2 id="pref-title">{mfa.view.preferences}</h2>
        <ol className="cx-rank-list amr-rank-list" data-testid="preferences">
          {a.preferences.map((p) => (
            <li key={p.stationId}>
              <span className="cx-rank" aria-hidden="true">
                {toPersianDigits(p.rank)}
              </span>
              <span className="amr-rank-text">
                <strong>{p.name}</strong>
                <span className="cx-hint">
                  {p.villageName}، {p.districtName}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section className="cx-card" aria-labelledby="claims-title">
        <h2 id="claims-title">{mfa.view.claims}</h2>
        {a.priorityClaims.length === 0 ? (
          <p className="cx-muted">{mfa.view.noClaims}</p>
        ) : (
          <ul className="amr-claims" data-testid="claims">
            {a.priorityClaims.map((c) => (
              <li key={c.group} className="amr-claim-view">
                <span>{c.title}</span>
                <span className="cx-state amr-state" data-state={c.verified === null ? 'pending' : c.verified ? 'verified' : 'unverified'}>
                  {c.verified === null ? mfa.view.verified.pending : c.verified ? mfa.view.verified.yes : mfa.view.verified.no}
                </span>
                <span className="amr-docs">
                  {c.documentIds.map((d, i) => (
                    <a key={d} href={`/api/v1/documents/${d}`} target="_blank" rel="noreferrer">
                      <bdi>{c.documents?.find((x) => x.id === d)?.filename || mfa.view.document(toPersianDigits(i + 1))}</bdi>
                    </a>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="cx-card" aria-labelledby="details-title">
        <h2 id="details-title">{mfa.view.applicant}</h2>
        <Details a={a} />
      </section>

      <section className="cx-card" aria-labelledby="history-title">
        <h2 id="history-title">{mfa.view.history}</h2>
        <ol className="cx-timeline" data-testid="history">
          {a.history.map((h, i) => (
            <li key={i}>
              <div className="cx-msg" data-kind={h.byApplicant ? 'citizen' : 'reply'}>
                <div className="cx-msg-head">
                  <strong>
                    {h.actionTitle} — {h.toStateTitle}
                  </strong>
                  <time dateTime={h.at}>{jDateTime(h.at)}</time>
                </div>
                <p className="cx-muted">{h.byApplicant ? mfa.view.byApplicant : h.bySystem ? mfa.view.bySystem : mfa.view.byStaff}</p>
                {h.comment && <p>{h.comment}</p>}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/**
 * `/amriyeh/my/:id`: one application of the signed-in applicant — status with history, score by criterion, why
 * he was or was not selected, his station and letter; withdraw (after a confirmation) and, when it was returned,
 * the same form pre-filled to correct and send again.
 */
export default function MyApplication() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { state, setState, load, show, otherMobile } = useOwned<ApplicantView>(`${AMR}/applications/mine/${encodeURIComponent(id)}`, { notOwner: mfa.my.notOwner });
  const [notice, setNotice] = useState<Notice | null>(((location.state as { notice?: Notice } | null)?.notice) ?? null);
  const [editing, setEditing] = useState<{ call: CallView; citizen: Citizen } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(mfa.view.title);

  // The notice came with the navigation: forget it in the history entry so a reload does not show it again.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function changed(data: ApplicantView, n: Notice) {
    show(data);
    setNotice(n);
    setEditing(null);
    window.scrollTo(0, 0);
    setTimeout(() => heading.current?.focus(), 0);
  }

  async function startEdit(a: ApplicantView) {
    setEditError(null);
    try {
      const [call, citizen] = await Promise.all([api.get<CallView>(`${AMR}/calls/${a.callId}`), currentCitizen()]);
      if (!citizen) {
        setState({ kind: 'auth' });
        return;
      }
      setEditing({ call, citizen });
      window.scrollTo(0, 0);
    } catch (err) {
      setEditError(publicErrorMessage(err));
    }
  }

  return (
    <AmrPage wide={!!editing}>
      <h1 className="cx-title" ref={heading} tabIndex={-1}>
        {editing ? mfa.view.resubmitTitle : mfa.view.title}
      </h1>
      {notice && !editing && (
        <Alert tone="ok" testId="notice">
          {NOTICES[notice]}
        </Alert>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <AmrSignIn onSignedIn={() => load()} />}
      {state.kind === 'error' && <OwnedError message={state.message} relogin={state.relogin} onOtherMobile={otherMobile} testId="load-error" />}
      <Alert>{editError}</Alert>
      {state.kind === 'open' && !editing && <View a={state.data} onChanged={changed} onResubmit={() => void startEdit(state.data)} />}
      {state.kind === 'open' && editing && (
        <>
          <Suspense fallback={<Loading />}>
            <ApplicationForm
              call={editing.call}
              citizen={editing.citizen}
              initial={state.data}
              onNeedAuth={() => setState({ kind: 'auth' })}
              onDone={(v) => changed(v, 'resubmitted')}
            />
          </Suspense>
          <button type="button" className="cx-link-btn" onClick={() => setEditing(null)}>
            {afa.common.back}
          </button>
        </>
      )}
      {state.kind === 'open' && (
        <p>
          <Link to="/amriyeh/my" className="cx-link-btn">
            {afa.nav.mine}
          </Link>
        </p>
      )}
    </AmrPage>
  );
}
