// The entrepreneur's one-time-code sign-in on the festival's pages, with a word for dehyaris (they use the staff
// desk). Only the pages that need a citizen import it.
import { Link } from 'react-router';
import type { Citizen } from '../../../../web/citizen-auth.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';

const ofa = {
  title: 'ورود کارآفرینان با شماره همراه',
  subtitle: 'شماره همراه خود را وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود. نتیجه بررسی و داوری طرح هم به همین شماره فرستاده می‌شود.',
  code: 'کد یک‌بارمصرف',
  verify: 'تأیید و ادامه',
  dehyari: 'دهیاران طرح دهیاری را از میز کار کارکنان ثبت می‌کنند.',
  staffLogin: 'ورود کارکنان',
};

/** The entrepreneur's one-time-code sign-in, with a word for dehyaris (they use the staff desk). */
export function FestSignIn({ onSignedIn, subtitle = ofa.subtitle }: { onSignedIn: (c: Citizen) => void | Promise<void>; subtitle?: string }) {
  return (
    <OtpForm
      title={ofa.title}
      subtitle={subtitle}
      codeLabel={ofa.code}
      verifyLabel={ofa.verify}
      onSignedIn={onSignedIn}
      footer={
        <p className="cx-hint">
          {ofa.dehyari} <Link to="/login?next=/app/festival/mine">{ofa.staffLogin}</Link>
        </p>
      }
    />
  );
}
