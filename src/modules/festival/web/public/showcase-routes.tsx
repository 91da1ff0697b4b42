import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The showcase of selected plans: the catalogue and a plan's page, each its own chunk, behind one lazy entry of the
// app's route table (apart from the festival's pages, routes.tsx, so neither table's chunk lists the other's files).
// Rendered under `/showcase/*`.
const Showcase = lazy(() => import('./Showcase.js'));
const ShowcasePlanPage = lazy(() => import('./ShowcasePlanPage.js'));
const NotFound = lazy(() => import('../../../../web/pages/NotFound.js'));

export default function ShowcaseRoutes() {
  return (
    <Routes>
      <Route index element={<Showcase />} />
      <Route path=":id" element={<ShowcasePlanPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
