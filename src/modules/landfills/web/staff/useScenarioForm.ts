// The scenario form's state and actions: its fields, the candidate rows, the uploaded file (its own settings fill
// the form), and creating the scenario. Its pure steps: scenario-form.ts.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, fieldErrors } from '../../../../web/api.js';
import type { ScenarioView } from '../../api-types.js';
import { DEFAULT_KG_PER_CAPITA } from '../../enums.js';
import { fp } from './fa-plan.js';
import { placeServerErrors, readUpload, scenarioBody, uploadSettings, validateScenario, type CandidateRow, type SolveMode, type UploadedFile } from './scenario-form.js';
import { actionError } from './shared.js';

export function useScenarioForm() {
  const navigate = useNavigate();
  const qc = useQueryClient();

  const [name, setName] = useState('');
  const [divisionId, setDivisionId] = useState('');
  const [source, setSource] = useState<'registry' | 'upload'>('registry');
  const [kg, setKg] = useState(String(DEFAULT_KG_PER_CAPITA));
  const [statuses, setStatuses] = useState<string[]>(['active']);
  const [capacitated, setCapacitated] = useState(true);
  const [candidates, setCandidates] = useState<CandidateRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [upload, setUpload] = useState<UploadedFile | null>(null);
  const [mode, setMode] = useState<SolveMode>('p');
  const [p, setP] = useState('');
  const [openCost, setOpenCost] = useState('');
  const [roadFactor, setRoadFactor] = useState('1.3');
  const [timeLimit, setTimeLimit] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = { name, divisionId, source, kg, statuses, capacitated, candidates, upload, mode, p, openCost, roadFactor, timeLimit };

  const setRow = (key: number, patch: Partial<CandidateRow>) => setCandidates((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    setCandidates((rows) => [...rows, { key: nextKey, name: '', lat: '', lon: '', capacity: '' }]);
    setNextKey((k) => k + 1);
  };
  const removeRow = (key: number) => setCandidates((rows) => rows.filter((r) => r.key !== key));

  async function readFile(file: File | null) {
    setUpload(null);
    setErrors((e) => ({ ...e, file: '' }));
    if (!file) return;
    // a file that cannot be read is refused as not JSON, as an unparsable one is
    const read = readUpload(file.name, await file.text().catch(() => ''));
    if ('error' in read) {
      setErrors((e) => ({ ...e, file: read.error }));
      return;
    }
    setUpload(read.upload);
    // the file's own settings fill the form (the form's values are what is sent)
    const s = uploadSettings(read.upload.data);
    if (s.mode !== undefined) setMode(s.mode);
    if (s.p !== undefined) setP(s.p);
    if (s.openCost !== undefined) setOpenCost(s.openCost);
    if (s.roadFactor !== undefined) setRoadFactor(s.roadFactor);
    if (s.timeLimit !== undefined) setTimeLimit(s.timeLimit);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validateScenario(values, errors.file);
    setErrors(errs);
    setFormError(Object.keys(errs).length ? fp.common.formErrors : null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const created = await api.post<ScenarioView>('/api/v1/landfills/scenarios', scenarioBody(values));
      void qc.invalidateQueries({ queryKey: ['landfills', 'scenarios'] });
      qc.setQueryData(['landfills', 'scenario', created.id], created);
      navigate(`/app/landfills/scenarios/${created.id}`, { state: { notice: fp.create.created } });
    } catch (err) {
      // field errors on their fields; what does not belong to a field goes on top
      const { placed, rest } = placeServerErrors(fieldErrors(err));
      setErrors(placed);
      setFormError([actionError(err).message, ...rest].join(' — '));
    } finally {
      setBusy(false);
    }
  }

  return {
    ...values,
    setName,
    setDivisionId,
    setSource,
    setKg,
    setStatuses,
    setCapacitated,
    setMode,
    setP,
    setOpenCost,
    setRoadFactor,
    setTimeLimit,
    setRow,
    addRow,
    removeRow,
    readFile,
    errors,
    formError,
    busy,
    submit,
  };
}

/** The scenario form as its parts read it. */
export type ScenarioFormModel = ReturnType<typeof useScenarioForm>;
