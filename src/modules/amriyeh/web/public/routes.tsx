import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The amriyeh service's public and applicant pages, each its own chunk: the app's route table (src/web/App.tsx)
// holds one lazy entry for all of them, so the first chunk every visitor downloads does not grow with this
// service's pages. Rendered under `/amriyeh/*` and `/verify/amriyeh/*` (paths below are relative to those).
const Calls = lazy(() => import('./Calls.js'));
const CallPage = lazy(() => import('./CallPage.js'));
const Apply = lazy(() => import('./Apply.js'));
const MyApplications = lazy(() => import('./MyApplications.js'));
const MyApplication = lazy(() => import('./MyApplication.js'));
const Run = lazy(() => import('./Run.js'));
const Letter = lazy(() => import('./Letter.js'));
const Verify = lazy(() => import('./Verify.js'));
const NotFound = lazy(() => import('../../../../web/pages/NotFound.js'));

/** `/amriyeh/*`: calls, a call, applying, the applicant's applications, a published run, a letter. */
export default function AmriyehRoutes({ verify = false }: { verify?: boolean }) {
  if (verify) {
    return (
      <Routes>
        <Route index element={<Verify />} />
        <Route path=":number" element={<Verify />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<Calls />} />
      <Route path="calls/:id" element={<CallPage />} />
      <Route path="apply/:callId" element={<Apply />} />
      <Route path="my" element={<MyApplications />} />
      <Route path="my/:id" element={<MyApplication />} />
      <Route path="runs/:id" element={<Run />} />
      <Route path="letters/:number" element={<Letter />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
