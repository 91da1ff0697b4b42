import { useCallback, useEffect, useState } from 'react';
import { cfa } from '../fa.js';
import type { CitizenCase } from '../types.js';
import { CaseFull } from './CaseFull.js';
import { tfa } from './fa-track.js';
import { api, ApiError, currentCitizen, publicErrorMessage, signOut } from './http.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import { Alert, Loading } from './ui.js';

type FullState = { kind: 'checking' } | { kind: 'auth' } | { kind: 'loading' } | { kind: 'open'; data: CitizenCase } | { kind: 'error'; message: string; relogin?: boolean };

/**
 * The owner's full view of a case on `/track/:code`: signed in as the filing mobile (the one-time code when not
 * yet), the whole file, and the forms the server opens (information, rating, reopening, withdrawal).
 */
export default function TrackFull({ code, onChanged }: { code: string; onChanged: (data: CitizenCase) => void }) {
  const [full, setFull] = useState<FullState>({ kind: 'checking' });

  const loadFull = useCallback(async () => {
    setFull({ kind: 'loading' });
    try {
      const data = await api.get<CitizenCase>(`/api/v1/complaints/mine/${encodeURIComponent(code)}`);
      setFull({ kind: 'open', data });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setFull({ kind: 'auth' });
      else if (err instanceof ApiError && (err.status === 404 || err.status === 403)) setFull({ kind: 'error', message: tfa.track.notOwner, relogin: true });
      else setFull({ kind: 'error', message: publicErrorMessage(err) });
    }
  }, [code]);

  useEffect(() => {
    let live = true;
    void currentCitizen().then((c) => {
      if (!live) return;
      if (c) void loadFull();
      else setFull({ kind: 'auth' });
    });
    return () => {
      live = false;
    };
  }, [loadFull]);

  /** After an action the server answers the refreshed full view; the public card above follows it. */
  async function changed(data: CitizenCase) {
    setFull({ kind: 'open', data });
    onChanged(data);
  }

  if (full.kind === 'checking' || full.kind === 'loading') return <Loading />;
  if (full.kind === 'auth') return (
      <OtpForm
        title={cfa.otp.title}
        subtitle={cfa.otp.trackSubtitle}
        codeLabel={cfa.otp.code}
        verifyLabel={cfa.otp.verify}
        onSignedIn={() => void loadFull()}
      />
    );
  if (full.kind === 'error') {
    return (
      <>
        <Alert testId="full-error">{full.message}</Alert>
        {full.relogin && (
          <div>
            <button
              type="button"
              className="cx-btn cx-btn-light"
              onClick={() => {
                void signOut().then(() => setFull({ kind: 'auth' }));
              }}
            >
              {tfa.track.otherMobile}
            </button>
          </div>
        )}
      </>
    );
  }
  if (full.kind === 'open') return <CaseFull code={code} data={full.data} onChanged={changed} />;
  return null;
}
