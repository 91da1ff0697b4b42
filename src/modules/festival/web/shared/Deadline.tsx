// The round's deadline: the Jalali day and the time left, counted by the server's clock (the answer's `serverNow`),
// refreshed every 30 seconds. Plain markup; its few words are here (the light pages use it without the form).
import './deadline.css';
import type { RoundPublic } from '../../api-types.js';
import { useEffect, useState } from 'react';
import { clockSkew, msLeft, timeLeftText } from './countdown.js';
import { faDay } from './format.js';

const dfa = {
  label: 'مهلت ارسال',
  until: (date: string) => `تا پایان روز ${date}`,
  left: (text: string) => `${text} مانده`,
  closed: 'مهلت ارسال تمام شده است.',
};

/** Time left until `closesAt` by the server's clock («۳ روز و ۴ ساعت»…), re-read every 30 seconds; null once passed. */
export function useTimeLeft(round: Pick<RoundPublic, 'closesAt' | 'serverNow'>): string | null {
  // The skew is taken when the round arrives (its serverNow is that moment's server time).
  const [skew] = useState(() => clockSkew(round.serverNow, Date.now()));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return timeLeftText(msLeft(round.closesAt, skew, now));
}

export function Deadline({ round }: { round: RoundPublic }) {
  const left = useTimeLeft(round);
  return (
    <p className="fp-deadline" data-testid="deadline" data-open={left !== null}>
      <strong>{dfa.label}: </strong>
      {dfa.until(faDay(round.deadline))}
      {' — '}
      <span>{left ? dfa.left(left) : dfa.closed}</span>
    </p>
  );
}
