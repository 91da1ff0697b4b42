// The map of a scenario's plan (the scenario page and the comparison), loaded lazily.
import { lazy, Suspense } from 'react';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import type { ScenarioView } from '../../api-types.js';
import { fp } from './fa-plan.js';
import { scenarioMapProps } from './scenario-plan.js';

const ScenarioMap = lazy(() => import('../../../../web/components/map/ScenarioMap.js'));

/** The lazily loaded plan map in a frame that keeps its height while it loads. */
export function PlanMap({ view, height = 460 }: { view: ScenarioView; height?: number }) {
  const props = scenarioMapProps(view);
  return (
    <div className="lp-map" style={{ minHeight: height }}>
      <Suspense fallback={<PageLoader />}>
        <ScenarioMap {...props} height={height} ariaLabel={fp.scenario.mapLabel(view.name)} />
      </Suspense>
    </div>
  );
}
