import { lazy, Suspense, useEffect, useState } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { FieldView } from '../../api-types.js';
import { ifa } from './fa.js';
import { api, INS, publicErrorMessage } from './http.js';
import { Alert, InsPage, InsSignIn, Loading } from './ui.js';
import { useMine } from './useMine.js';

// The form is its own chunk, fetched once the instructor is signed in: the sign-in step does not wait for its code.
const ProfileForm = lazy(() => import('./ProfileForm.js'));

/**
 * `/instructors/profile`: the instructor's profile — (1) mobile and one-time code when not signed in as a citizen,
 * (2) the form in sections with the live completeness meter; save any time, submit for review when complete.
 */
export default function Profile() {
  usePageTitle(ifa.profile.title);
  const { state, load, otherMobile } = useMine();
  const [fields, setFields] = useState<FieldView[] | null>(null);
  const [fieldsError, setFieldsError] = useState<string | null>(null);

  // The taxonomy loads while the instructor signs in.
  useEffect(() => {
    let live = true;
    api.get<{ items: FieldView[] }>(`${INS}/fields`).then(
      (r) => live && setFields(r.items),
      (e: unknown) => live && setFieldsError(publicErrorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <InsPage wide>
      <h1 className="cx-title">{ifa.profile.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <InsSignIn subtitle={ifa.profile.signIn} onSignedIn={() => load()} />}
      <Alert testId="fields-error">{fieldsError}</Alert>
      {state.kind === 'error' && (
        <>
          <Alert testId="load-error">{state.message}</Alert>
          <div>
            <button type="button" className="cx-btn cx-btn-light" onClick={() => void load()}>
              {ifa.common.retry}
            </button>
          </div>
        </>
      )}
      {state.kind === 'open' && (
        <>
          <p className="cx-muted ins-signed">
            {ifa.common.signedInAs(toPersianDigits(state.citizen.mobile))}{' '}
            <button type="button" className="cx-link-btn" onClick={otherMobile}>
              {ifa.common.otherMobile}
            </button>
          </p>
          {!state.me && <Alert tone="info">{ifa.profile.newIntro}</Alert>}
          {fields ? (
            <Suspense fallback={<Loading />}>
              <ProfileForm initial={state.me} fields={fields} mobile={state.citizen.mobile} />
            </Suspense>
          ) : (
            !fieldsError && <Loading />
          )}
        </>
      )}
    </InsPage>
  );
}
