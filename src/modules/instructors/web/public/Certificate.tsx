import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { SheetPage } from '../../../../web/components/PrintSheet.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { Certificate } from '../../api-types.js';
import { CertificateSheet } from '../certificate-sheet.js';
import { cfa } from '../fa-certificate.js';
import { ifa } from './fa.js';
import { INS } from './http.js';
import { InsPage, InsSignIn, Loading } from './ui.js';

/**
 * `/instructors/me/certificate`: the signed-in instructor's printable qualification certificate: the organization's
 * header, his name, training ID, qualified fields and Jalali dates, the QR code of the public verification page, a
 * print button, and print styles that drop the site's header and footer and fit one A4 page.
 */
export default function CertificatePage() {
  usePageTitle(cfa.title);
  const { state, load, otherMobile } = useOwned<Certificate>(`${INS}/me/certificate`, { notOwner: cfa.notFound, citizenFirst: true });

  if (state.kind === 'open') {
    return (
      <SheetPage back={ifa.nav.me} backTo="/instructors/me" print={cfa.print}>
        <CertificateSheet c={state.data} />
      </SheetPage>
    );
  }

  return (
    <InsPage>
      <h1 className="cx-title">{cfa.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <InsSignIn subtitle={cfa.signIn} onSignedIn={() => load()} />}
      {state.kind === 'error' && <OwnedError message={state.message} relogin={state.relogin} onOtherMobile={otherMobile} testId="load-error" />}
    </InsPage>
  );
}
