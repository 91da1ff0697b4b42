import { Link } from 'react-router';
import { useOwned } from '../../../../web/components/Owned.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { ApplicationListItem } from '../../api-types.js';
import { afa } from './fa.js';
import { mfa } from './fa-my.js';
import { AMR } from './http.js';
import { Alert, AmrPage, AmrSignIn, groupCode, faNum, jDate, Loading, StateBadge } from './ui.js';

/** `/amriyeh/my`: the signed-in applicant's applications (the one-time code first when not signed in). */
export default function MyApplications() {
  usePageTitle(mfa.my.title);
  const { state, load } = useOwned<{ items: ApplicationListItem[] }>(`${AMR}/applications/mine`);

  return (
    <AmrPage>
      <h1 className="cx-title">{mfa.my.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <AmrSignIn onSignedIn={() => load()} />}
      {state.kind === 'error' && (
        <Alert>
          {state.message}{' '}
          <button type="button" className="cx-link-btn" onClick={() => void load()}>
            {afa.common.retry}
          </button>
        </Alert>
      )}
      {state.kind === 'open' && state.data.items.length === 0 && (
        <section className="cx-card">
          <p>{mfa.my.none}</p>
          <Link to="/amriyeh" className="cx-btn cx-btn-light">
            {mfa.my.seeCalls}
          </Link>
        </section>
      )}
      {state.kind === 'open' && state.data.items.length > 0 && (
        <ul className="amr-list" data-testid="my-applications">
          {state.data.items.map((a) => (
            <li key={a.id} className="cx-card amr-call" data-testid="my-application">
              <h2>
                <Link to={`/amriyeh/my/${a.id}`}>{a.callTitle}</Link>
              </h2>
              <StateBadge state={a.state} title={a.stateTitle} />
              <dl className="cx-facts">
                <dt>{mfa.my.code}</dt>
                <dd>
                  <bdi dir="ltr">{groupCode(a.trackingCode)}</bdi>
                </dd>
                <dt>{mfa.my.score}</dt>
                <dd>{faNum(a.score)}</dd>
                <dt>{mfa.my.created}</dt>
                <dd>{jDate(a.createdAt)}</dd>
              </dl>
              <Link to={`/amriyeh/my/${a.id}`} className="cx-btn cx-btn-light">
                {mfa.my.open}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </AmrPage>
  );
}
