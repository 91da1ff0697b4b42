import { lazy, Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { faStaff } from './fa.js';
import { Shell } from '../components/Shell.js';
import { PageLoader } from '../components/PageLoader.js';
import { SessionNav } from '../components/SessionNav.js';
import { sessionPending } from '../components/SessionPending.js';
import { queryClient, useMe } from '../session.js';
import { staffRoutes } from './routes.js';

const StaffHome = lazy(() => import('./StaffHome.js'));
const StaffComingSoon = lazy(() => import('./StaffComingSoon.js'));

function Guarded() {
  const me = useMe();
  const location = useLocation();

  const pending = sessionPending(me);
  if (pending) return pending;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.user.kind !== 'staff') return <Navigate to="/me" replace />;

  return (
    <Shell nav={<SessionNav name={me.data.user.displayName} homePath="/app" homeLabel={faStaff.nav.staffHome} />}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<StaffHome me={me.data} />} />
          {staffRoutes.map(({ path, component: C }) => (
            <Route key={path} path={path} element={<C />} />
          ))}
          <Route path="*" element={<StaffComingSoon />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

/** `/app/*`: the staff area. Anyone not signed in as staff is sent to `/login`. */
export default function StaffArea() {
  return (
    <QueryClientProvider client={queryClient}>
      <Guarded />
    </QueryClientProvider>
  );
}
