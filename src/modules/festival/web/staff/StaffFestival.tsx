import './festival.css';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { useMe } from '../../../../web/session.js';
import { BASE, festViewerOf, homePathOf } from './viewer.js';

const RoundList = lazy(() => import('./RoundList.js'));
const RoundNew = lazy(() => import('./RoundNew.js'));
const RoundPage = lazy(() => import('./RoundPage.js'));
const JudgesPage = lazy(() => import('./JudgesPage.js'));
const ResultsPage = lazy(() => import('./ResultsPage.js'));
const EntryList = lazy(() => import('./EntryList.js'));
const EntryPage = lazy(() => import('./EntryPage.js'));
const SpreadPage = lazy(() => import('./SpreadPage.js'));
const MyEntries = lazy(() => import('./MyEntries.js'));
const MyEntryPage = lazy(() => import('./MyEntryPage.js'));
const Questions = lazy(() => import('./Questions.js'));
const JudgeQueue = lazy(() => import('./JudgeQueue.js'));
const JudgePage = lazy(() => import('./JudgePage.js'));

/**
 * `/app/festival`: where each role starts — the national secretariat at the rounds, a province screener at the
 * entries of his province, a dehyari at his village's plans, a judge at his queue.
 */
function Home() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={homePathOf(festViewerOf(me.data))} replace />;
}

/**
 * `/app/festival/*`: rounds (settings, state, judges, results and the announcement), the entries and their screening,
 * the spread of the selected plans; a dehyari's plans and questions; a judge's queue and score sheet. Each screen is
 * its own lazy chunk.
 */
export default function StaffFestival() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<Home />} />
        <Route path="rounds" element={<RoundList />} />
        <Route path="rounds/new" element={<RoundNew />} />
        <Route path="rounds/:id" element={<RoundPage />} />
        <Route path="rounds/:id/judges" element={<JudgesPage />} />
        <Route path="rounds/:id/results" element={<ResultsPage />} />
        <Route path="entries" element={<EntryList />} />
        <Route path="entries/:id" element={<EntryPage />} />
        <Route path="spread" element={<SpreadPage />} />
        <Route path="mine" element={<MyEntries />} />
        <Route path="mine/new" element={<MyEntryPage />} />
        <Route path="mine/:id" element={<MyEntryPage />} />
        <Route path="questions" element={<Questions />} />
        <Route path="judging" element={<JudgeQueue />} />
        <Route path="judging/:entryId" element={<JudgePage />} />
        <Route path="*" element={<Navigate to={BASE} replace />} />
      </Routes>
    </Suspense>
  );
}
