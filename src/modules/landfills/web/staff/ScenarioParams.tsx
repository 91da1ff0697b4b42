// The parameters a consolidation scenario was built with (the scenario page, while it solves, failed or solved).
import { Text } from '@mantine/core';
import { faNumber } from '../../../../web/format.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';

const t = fp.scenario;

/** The parameters the scenario was built with. */
export function ParamFacts({ view }: { view: ScenarioView }) {
  const pm = view.params;
  return (
    <>
      <Facts
        items={[
          [t.source, pm.source === 'registry' ? t.sourceRegistry : t.sourceUpload],
          [t.mode, pm.p !== null ? t.pValue(faNumber(pm.p)) : t.openCostValue(faNumber(pm.openCost, 2))],
          [t.villages, faNumber(view.villages)],
          [t.candidates, faNumber(view.candidates)],
          [t.totalDemand, units.tonsPerDay(view.totalDemand)],
          pm.roadFactor !== null && [t.roadFactor, faNumber(pm.roadFactor, 2)],
          pm.kgPerCapita !== null && [t.kgPerCapita, units.kgPerPerson(pm.kgPerCapita)],
          pm.source === 'registry' && [t.capacitated, pm.capacitated ? t.yes : t.no],
        ]}
      />
      {pm.skippedVillages > 0 && (
        <Text size="sm" c="orange.9" mt="xs">
          {t.skipped(faNumber(pm.skippedVillages))}
        </Text>
      )}
    </>
  );
}
