import { Link, useNavigate } from 'react-router';
import { faCitizen } from '../citizen/fa.js';
import { OtpForm } from '../components/OtpForm.js';
import { usePageTitle } from '../components/usePageTitle.js';

/**
 * `/citizen/login`: mobile number (Persian, Arabic or ASCII digits) → a code is
 * sent by SMS → the six-digit code → signed in, on to `/me`. Plain markup (the
 * shell's OtpForm), so the page downloads no Mantine and no query library.
 */
export default function CitizenLogin() {
  usePageTitle(faCitizen.citizenLogin.title);
  const navigate = useNavigate();

  return (
    <div className="cx-page-narrow">
      <OtpForm
        title={faCitizen.citizenLogin.title}
        titleLevel={1}
        subtitle={faCitizen.citizenLogin.subtitle}
        codeLabel={faCitizen.citizenLogin.code}
        verifyLabel={faCitizen.citizenLogin.verify}
        onSignedIn={async () => {
          // Load the new session into the signed-in areas' cache (their chunk, needed by /me anyway) before
          // navigating, so the /me guard sees it at once.
          const { refreshSession } = await import('../session.js');
          await refreshSession();
          await navigate('/me', { replace: true });
        }}
        footer={
          <p className="cx-card-footer">
            <Link to="/login">{faCitizen.citizenLogin.staffInstead}</Link>
          </p>
        }
      />
    </div>
  );
}
