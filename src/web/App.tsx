import { lazy, Suspense } from 'react';
import { BrowserRouter, NavLink, Outlet, Route, Routes } from 'react-router';
import { Shell } from './components/Shell.js';
import { PageLoader } from './components/PageLoader.js';
import { fa } from './fa.js';

// Every route is its own chunk. The public pages (the citizen login included) are plain
// markup: they download neither Mantine (MantineLayout) nor TanStack Query nor any staff screen.
const Home = lazy(() => import('./pages/Home.js'));
const NotFound = lazy(() => import('./pages/NotFound.js'));
const MantineLayout = lazy(() => import('./mantine/MantineLayout.js'));
const StaffLogin = lazy(() => import('./pages/StaffLogin.js'));
const CitizenLogin = lazy(() => import('./pages/CitizenLogin.js'));
const StaffArea = lazy(() => import('./staff/StaffArea.js'));
const CitizenArea = lazy(() => import('./citizen/CitizenArea.js'));
// The complaints service's public pages: plain markup, like the home page.
const NewComplaint = lazy(() => import('../modules/complaints/web/public/NewComplaint.js'));
const Track = lazy(() => import('../modules/complaints/web/public/Track.js'));
// The rural firefighter amriyeh's public and applicant pages: plain markup too, behind one lazy entry (the
// service's own route table picks the page).
const Amriyeh = lazy(() => import('../modules/amriyeh/web/public/routes.js'));
// The grading service's public list of municipality grades: plain markup, one lazy entry.
const Grades = lazy(() => import('../modules/grading/web/public/routes.js'));
// The instructor bank's public and instructor pages (registration, status, certificate, training ID verification,
// trainees' rating): plain markup, one lazy entry.
const Instructors = lazy(() => import('../modules/instructors/web/public/routes.js'));
// The festival's public pages (the round, the entrepreneur's plans) and the showcase of selected plans: plain markup,
// one lazy entry each.
const Festival = lazy(() => import('../modules/festival/web/public/routes.js'));
// The catalogue is where links to the showcase land: its page is fetched together with the route table, not after it.
const Showcase = lazy(() => {
  if (/^\/showcase\/?$/.test(window.location.pathname)) void import('../modules/festival/web/public/Showcase.js');
  return import('../modules/festival/web/public/showcase-routes.js');
});

function PublicNav() {
  return (
    <>
      <NavLink to="/citizen/login">{fa.nav.citizenLogin}</NavLink>
      <NavLink to="/login">{fa.nav.staffLogin}</NavLink>
    </>
  );
}

function PublicLayout() {
  return (
    <Shell nav={<PublicNav />}>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}

/** The signed-in areas draw their own Shell (their header shows the user); this is what shows while they load. */
function AreaLayout() {
  return (
    <Suspense
      fallback={
        <Shell nav={null}>
          <PageLoader />
        </Shell>
      }
    >
      <Outlet />
    </Suspense>
  );
}

/** The whole web app: the router and the route table. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<Home />} />
          <Route path="complaints/new" element={<NewComplaint />} />
          <Route path="track" element={<Track />} />
          <Route path="track/:code" element={<Track />} />
          <Route path="amriyeh/*" element={<Amriyeh />} />
          <Route path="verify/amriyeh/*" element={<Amriyeh verify />} />
          <Route path="grades/*" element={<Grades />} />
          <Route path="instructors/*" element={<Instructors />} />
          <Route path="verify/training-id/*" element={<Instructors area="verify" />} />
          <Route path="rate/*" element={<Instructors area="rate" />} />
          <Route path="festival/*" element={<Festival />} />
          <Route path="showcase/*" element={<Showcase />} />
          <Route path="citizen/login" element={<CitizenLogin />} />
          <Route element={<MantineLayout />}>
            <Route path="login" element={<StaffLogin />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route element={<AreaLayout />}>
          <Route element={<MantineLayout />}>
            <Route path="app/*" element={<StaffArea />} />
            <Route path="me/*" element={<CitizenArea />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
