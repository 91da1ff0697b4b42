import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The festival's public and entrepreneur pages, each its own chunk: the app's route table (src/web/App.tsx) holds
// one lazy entry for them (and one for the showcase, showcase-routes.tsx), so the first chunk every visitor
// downloads does not grow with this service's pages. Rendered under `/festival/*` (paths below are relative to it).
const Landing = lazy(() => import('./Landing.js'));
const MyEntries = lazy(() => import('./MyEntries.js'));
const MyEntry = lazy(() => import('./MyEntry.js'));
const NotFound = lazy(() => import('../../../../web/pages/NotFound.js'));

export default function FestivalRoutes() {
  return (
    <Routes>
      <Route index element={<Landing />} />
      <Route path="my" element={<MyEntries />} />
      <Route path="my/new" element={<MyEntry />} />
      <Route path="my/:id" element={<MyEntry />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
