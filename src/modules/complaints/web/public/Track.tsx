import '../../../../web/styles/pages.css';
import './complaints.css';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { LookupForm } from '../../../../web/components/LookupForm.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { tfa } from './fa-track.js';
import { jDate, jDateTime } from '../../../../web/format.js';
import { cleanCode, groupCode, looksLikeCode } from '../format.js';
import type { PublicTrack } from '../types.js';
import { api, ApiError, publicErrorMessage } from './http.js';
import { Alert, Loading, StateBadge } from './ui.js';

// The owner's full view (one-time code, the whole file, the forms) is loaded only when asked for: most visitors
// only look at the status.
const TrackFull = lazy(() => import('./TrackFull.js'));

const codeTexts = {
  title: tfa.track.title,
  intro: tfa.track.intro,
  label: tfa.track.code,
  hint: tfa.track.codeHint,
  invalid: tfa.track.codeInvalid,
  submit: tfa.track.search,
};

function CodeForm({ initial = '' }: { initial?: string }) {
  return (
    <LookupForm
      id="track-code"
      name="code"
      texts={codeTexts}
      initial={initial}
      maxLength={30}
      drop={/[^\d۰-۹٠-٩\s-]/g}
      clean={(typed) => {
        const code = cleanCode(typed);
        return looksLikeCode(code) ? code : null;
      }}
      to={(code) => `/track/${code}`}
    />
  );
}

/** The public status of a case: what anyone with the code sees. */
function StatusCard({ t }: { t: PublicTrack }) {
  const open = t.status === 'open';
  return (
    <section className="cx-card" aria-labelledby="status-title" data-testid="status-card">
      <h2 id="status-title">{t.subject}</h2>
      <StateBadge state={t.state} title={t.stateTitle} />
      <dl className="cx-facts">
        <dt>{tfa.track.code}</dt>
        <dd>
          <bdi dir="ltr">{groupCode(t.trackingCode)}</bdi>
        </dd>
        <dt>{tfa.track.kind}</dt>
        <dd>{t.kindTitle}</dd>
        <dt>{tfa.track.category}</dt>
        <dd>{t.category.groupName ? `${t.category.groupName} — ${t.category.name}` : t.category.name}</dd>
        <dt>{tfa.track.place}</dt>
        <dd>{t.place.title}</dd>
        <dt>{tfa.track.created}</dt>
        <dd>{jDateTime(t.createdAt)}</dd>
        {open && t.state === 'needs_info' ? (
          <>
            <dt>{tfa.track.due}</dt>
            <dd>{tfa.track.paused}</dd>
          </>
        ) : (
          open &&
          t.dueAt && (
            <>
              <dt>{tfa.track.due}</dt>
              <dd className={new Date(t.dueAt).getTime() < Date.now() ? 'cx-overdue' : undefined}>
                {jDate(t.dueAt)}
                {new Date(t.dueAt).getTime() < Date.now() ? ` (${tfa.track.overdue})` : ''}
              </dd>
            </>
          )
        )}
        {t.answeredAt && (
          <>
            <dt>{tfa.track.answered}</dt>
            <dd>{jDateTime(t.answeredAt)}</dd>
          </>
        )}
        {t.closedAt && (
          <>
            <dt>{tfa.track.closed}</dt>
            <dd>{jDateTime(t.closedAt)}</dd>
          </>
        )}
      </dl>

      <h3>{tfa.track.replies}</h3>
      {t.replies.length === 0 ? (
        <p className="cx-muted">{tfa.track.noReplies}</p>
      ) : (
        <ol className="cx-timeline" data-testid="replies">
          {t.replies.map((m, i) => (
            <li key={i}>
              <div className="cx-msg" data-kind="reply">
                <div className="cx-msg-head">
                  <strong>{tfa.full.fromStaff}</strong>
                  <time dateTime={m.createdAt}>{jDateTime(m.createdAt)}</time>
                </div>
                <p>{m.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * `/track` and `/track/:code`: the status of a case for anyone who has its code; its full file, and the
 * citizen's forms (information, rating, reopening, withdrawal), after the one-time code of the filing mobile.
 */
export default function Track() {
  usePageTitle(tfa.track.title);
  const params = useParams();
  const code = cleanCode(params.code ?? '');
  const [track, setTrack] = useState<PublicTrack | null>(null);
  const [trackError, setTrackError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [full, setFull] = useState(false);

  const loadTrack = useCallback(async () => {
    setTrack(null);
    setTrackError(null);
    if (!code) return;
    setLoading(true);
    try {
      setTrack(await api.get<PublicTrack>(`/api/v1/complaints/track/${encodeURIComponent(code)}`));
    } catch (err) {
      setTrack(null);
      setTrackError(err instanceof ApiError && err.status === 404 ? tfa.track.notFound : publicErrorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [code]);

  useEffect(() => {
    setFull(false);
    void loadTrack();
  }, [loadTrack]);

  if (!code || !looksLikeCode(code)) {
    return (
      <div className="cx-page">
        <h1 className="cx-title">{tfa.track.title}</h1>
        {params.code && <Alert>{tfa.track.codeInvalid}</Alert>}
        <CodeForm />
      </div>
    );
  }

  return (
    <div className="cx-page">
      <h1 className="cx-title">{tfa.track.title}</h1>
      {loading && !track && <Loading />}
      {trackError && (
        <>
          <Alert testId="track-error">{trackError}</Alert>
          <CodeForm initial={code} />
        </>
      )}
      {track && <StatusCard t={track} />}

      {track && !full && (
        <button type="button" className="cx-btn cx-btn-block" onClick={() => setFull(true)} data-testid="open-full">
          {tfa.track.fullView}
        </button>
      )}
      {track && full && (
        <Suspense fallback={<Loading />}>
          <TrackFull code={code} onChanged={setTrack} />
        </Suspense>
      )}

      {track && (
        <p>
          <Link to="/track" className="cx-link-btn">
            {tfa.track.another}
          </Link>
        </p>
      )}
    </div>
  );
}
