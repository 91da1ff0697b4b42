import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The grading service's public pages, each its own chunk: the app's route table (src/web/App.tsx) holds one lazy
// entry for all of them. Rendered under `/grades/*` (paths below are relative to it).
const Grades = lazy(() => import('./Grades.js'));
const NotFound = lazy(() => import('../../../../web/pages/NotFound.js'));

/** `/grades/*`: the public list of municipality grades. */
export default function GradingRoutes() {
  return (
    <Routes>
      <Route index element={<Grades />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
