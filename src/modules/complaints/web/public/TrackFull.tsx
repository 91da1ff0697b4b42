import { cfa } from '../fa.js';
import type { CitizenCase } from '../types.js';
import { CaseFull } from './CaseFull.js';
import { tfa } from './fa-track.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { Loading } from './ui.js';

/**
 * The owner's full view of a case on `/track/:code`: signed in as the filing mobile (the one-time code when not
 * yet), the whole file, and the forms the server opens (information, rating, reopening, withdrawal).
 */
export default function TrackFull({ code, onChanged }: { code: string; onChanged: (data: CitizenCase) => void }) {
  const { state: full, load: loadFull, show, otherMobile } = useOwned<CitizenCase>(`/api/v1/complaints/mine/${encodeURIComponent(code)}`, {
    notOwner: tfa.track.notOwner,
    citizenFirst: true,
  });

  /** After an action the server answers the refreshed full view; the public card above follows it. */
  async function changed(data: CitizenCase) {
    show(data);
    onChanged(data);
  }

  if (full.kind === 'loading') return <Loading />;
  if (full.kind === 'auth') return (
      <OtpForm
        title={cfa.otp.title}
        subtitle={tfa.track.otpSubtitle}
        codeLabel={cfa.otp.code}
        verifyLabel={cfa.otp.verify}
        onSignedIn={() => void loadFull()}
      />
    );
  if (full.kind === 'error') return <OwnedError message={full.message} relogin={full.relogin} onOtherMobile={otherMobile} testId="full-error" />;
  if (full.kind === 'open') return <CaseFull code={code} data={full.data} onChanged={changed} />;
  return null;
}
