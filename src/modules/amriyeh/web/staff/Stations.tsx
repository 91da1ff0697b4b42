// The stations of a call with their seats (requested → confirmed by the district → capped by the province), and the
// actions the viewer may take on them: a dehyari declares, a district reviewer confirms, a province reviewer caps.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import type { CallView, StationManage } from '../../api-types.js';
import { afa } from './fa.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum } from '../format.js';
import { actionError, provinceDecided, useRuns, type Viewer } from './shared.js';

type Stations = { items: StationManage[] };
const key = (callId: number) => ['amriyeh', 'stations', callId];

const STATUS_COLORS: Record<StationManage['status'], string> = { requested: 'gray', confirmed: 'blue', capped: 'green' };

function SeatsInput({ value, onChange, label, testId, invalid }: { value: string; onChange: (v: string) => void; label: string; testId?: string; invalid?: boolean }) {
  return (
    <TextInput
      aria-label={label}
      error={invalid || undefined}
      aria-invalid={invalid || undefined}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(onlyDigits(e.currentTarget.value, 4))}
      classNames={{ input: 'st-ltr', root: 'am-seats-input' }}
      inputMode="numeric"
      size="xs"
      data-testid={testId}
    />
  );
}

/** One station's confirmation by the district governorate. */
function ConfirmCell({ s, onDone, onError }: { s: StationManage; onDone: (s: StationManage) => void; onError: (err: unknown) => void }) {
  const [seats, setSeats] = useState(String(s.seatsConfirmed ?? s.seatsRequested));
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (seats === '') return;
    setBusy(true);
    try {
      onDone(await api.post<StationManage>(`/api/v1/amriyeh/stations/${s.id}/confirm`, { seats: Number(seats) }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  const over = Number(seats) > s.seatsRequested;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <SeatsInput value={seats} onChange={setSeats} label={`${afa.stations.confirmSeats} — ${s.name}`} testId={`confirm-seats-${s.id}`} invalid={over} />
        <Button size="xs" onClick={() => void confirm()} loading={busy} disabled={seats === '' || over} data-testid={`confirm-${s.id}`}>
          {afa.stations.confirm}
        </Button>
      </Group>
      {over && (
        <Text size="xs" c="red.8" role="alert">
          {afa.stations.overRequested}
        </Text>
      )}
    </Stack>
  );
}

/** The caps of one province's stations, saved together (their sum is held to the province's quota). */
function CapForm({ callId, provinceId, provinceName, quota, stations, onDone, onError }: { callId: number; provinceId: number; provinceName: string; quota: number | null; stations: StationManage[]; onDone: (items: StationManage[]) => void; onError: (err: unknown) => void }) {
  const [caps, setCaps] = useState<Record<number, string>>(() => Object.fromEntries(stations.map((s) => [s.id, String(s.seatsCapped ?? s.seatsConfirmed ?? s.seatsRequested)])));
  const [busy, setBusy] = useState(false);
  const sum = stations.reduce((a, s) => a + (Number(caps[s.id]) || 0), 0);
  const over = quota !== null && sum > quota;
  const aboveConfirmed = stations.filter((s) => s.seatsConfirmed !== null && Number(caps[s.id] || 0) > s.seatsConfirmed);
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await api.post<Stations>(`/api/v1/amriyeh/calls/${callId}/caps`, {
        provinceId,
        caps: stations.map((s) => ({ stationId: s.id, seats: Number(caps[s.id] || 0) })),
      });
      onDone(res.items);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={save} bg="gray.0" data-testid={`caps-${provinceId}`} aria-label={afa.stations.capTitle(provinceName)}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {afa.stations.capTitle(provinceName)}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.stations.capHint}
        </Text>
        <Table verticalSpacing={4} maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{afa.stations.name}</Table.Th>
              <Table.Th>{afa.stations.confirmed}</Table.Th>
              <Table.Th>{afa.stations.capped}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stations.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm">{s.name}</Text>
                </Table.Td>
                <Table.Td>{s.seatsConfirmed === null ? afa.common.none : faNum(s.seatsConfirmed)}</Table.Td>
                <Table.Td>
                  <SeatsInput
                    value={caps[s.id] ?? ''}
                    onChange={(v) => setCaps((c) => ({ ...c, [s.id]: v }))}
                    label={`${afa.stations.capped} — ${s.name}`}
                    testId={`cap-${s.id}`}
                    invalid={s.seatsConfirmed !== null && Number(caps[s.id] || 0) > s.seatsConfirmed}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={700} c={over ? 'red.8' : undefined} data-testid={`cap-sum-${provinceId}`}>
          {quota === null ? afa.stations.capSumNoQuota(faNum(sum)) : afa.stations.capSum(faNum(sum), faNum(quota))}
          {over ? ` — ${afa.stations.capOver}` : ''}
        </Text>
        {aboveConfirmed.length > 0 && (
          <Text size="sm" c="red.8">
            {afa.stations.capAboveConfirmed}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={busy} disabled={over || aboveConfirmed.length > 0} data-testid={`cap-save-${provinceId}`}>
            {afa.stations.capSave}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A dehyari with a fire station declares it in the call with the seats it asks for. */
function DeclareForm({ callId, viewer, own, onDone, onError }: { callId: number; viewer: Viewer; own: StationManage | undefined; onDone: (s: StationManage) => void; onError: (err: unknown) => void }) {
  const dehyari = viewer.dehyaris[0]!;
  const [name, setName] = useState(own?.name ?? '');
  const [seats, setSeats] = useState(own ? String(own.seatsRequested) : '');
  const [errors, setErrors] = useState<{ name?: string; seats?: string }>({});
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!name.trim()) errs.name = afa.common.required;
    if (seats === '') errs.seats = afa.common.required;
    setErrors(errs);
    if (errs.name || errs.seats) return;
    setBusy(true);
    try {
      onDone(await api.post<StationManage>(`/api/v1/amriyeh/calls/${callId}/stations`, { name: name.trim(), seats: Number(seats) }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate bg="gray.0" data-testid="declare-form" aria-label={afa.stations.declare}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {own ? afa.stations.declareEdit : afa.stations.declare} — {dehyari.name}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.stations.declareHint}
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={afa.stations.declareName} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} style={{ flex: '1 1 16rem' }} data-testid="declare-name" />
          <TextInput
            label={afa.stations.declareSeats}
            required
            value={toPersianDigits(seats)}
            onChange={(e) => setSeats(onlyDigits(e.currentTarget.value, 4))}
            error={errors.seats}
            classNames={{ input: 'st-ltr' }}
            inputMode="numeric"
            w="10rem"
            data-testid="declare-seats"
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy} data-testid="declare-submit">
            {afa.stations.declareSubmit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The stations section of the call page. */
export function StationsSection({ call, viewer }: { call: CallView; viewer: Viewer }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: key(call.id),
    queryFn: ({ signal }) => api.get<Stations>(`/api/v1/amriyeh/calls/${call.id}/stations/manage`, signal),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function merge(items: StationManage[], message: string) {
    qc.setQueryData<Stations>(key(call.id), (old) => {
      const byId = new Map(items.map((s) => [s.id, s]));
      const kept = (old?.items ?? []).map((s) => byId.get(s.id) ?? s);
      const added = items.filter((s) => !(old?.items ?? []).some((o) => o.id === s.id));
      return { items: [...kept, ...added] };
    });
    void qc.invalidateQueries({ queryKey: ['amriyeh', 'calls'] });
    setError(null);
    setNotice(message);
  }
  function failed(err: unknown) {
    const { message, conflict } = actionError(err);
    setNotice(null);
    setError(message);
    if (conflict) void q.refetch();
  }

  const runs = useRuns(call.id);
  // After the run that decides a province (or once the call is allocated) its seats are fixed: no more actions.
  const fixed = (provinceId: number) => call.state === 'allocated' || call.state === 'archived' || !runs.isSuccess || provinceDecided(runs.data, provinceId);
  const items = (q.data?.items ?? []).map((s) => (fixed(s.provinceId) ? { ...s, canConfirm: false, canCap: false } : s));
  const capGroups = new Map<number, { name: string; stations: StationManage[] }>();
  for (const s of items.filter((x) => x.canCap)) {
    const g = capGroups.get(s.provinceId) ?? { name: s.provinceName, stations: [] };
    g.stations.push(s);
    capGroups.set(s.provinceId, g);
  }
  const anyConfirm = items.some((s) => s.canConfirm);
  // The dehyari's own station (a dehyar holds one village): it may change its request until the district confirms it.
  const own = items.find((s) => viewer.dehyaris.some((d) => d.name === s.villageName));
  const canDeclare = viewer.dehyaris.length > 0 && (!own || own.seatsConfirmed === null) && (call.state === 'draft' || call.state === 'open' || call.state === 'closed') && runs.isSuccess && !(runs.data ?? []).some((r) => r.scope === 'national');
  const totalFinal = items.reduce((a, s) => a + s.seats, 0);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="stations-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stations-title">
          {afa.stations.title}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.stations.hint}
        </Text>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{afa.stations.empty}</Text>
        ) : (
          <>
            <div style={{ overflowX: 'auto' }}>
              <Table verticalSpacing="xs" highlightOnHover data-testid="stations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{afa.stations.name}</Table.Th>
                    <Table.Th>{afa.stations.requested}</Table.Th>
                    <Table.Th>{afa.stations.confirmed}</Table.Th>
                    <Table.Th>{afa.stations.capped}</Table.Th>
                    <Table.Th>{afa.stations.final}</Table.Th>
                    <Table.Th>{afa.stations.status}</Table.Th>
                    {anyConfirm && <Table.Th>{afa.stations.actions}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id} data-station={s.id}>
                      <Table.Td miw="11rem">
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[s.villageName, s.districtName, s.countyName, s.provinceName].filter(Boolean).join('، ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{faNum(s.seatsRequested)}</Table.Td>
                      <Table.Td>{s.seatsConfirmed === null ? afa.common.none : faNum(s.seatsConfirmed)}</Table.Td>
                      <Table.Td>{s.seatsCapped === null ? afa.common.none : faNum(s.seatsCapped)}</Table.Td>
                      <Table.Td fw={700}>{faNum(s.seats)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLORS[s.status]} c={`${STATUS_COLORS[s.status]}.9`} className="st-badge">
                          {s.statusTitle}
                        </Badge>
                      </Table.Td>
                      {anyConfirm && <Table.Td>{s.canConfirm && <ConfirmCell s={s} onDone={(x) => merge([x], afa.stations.confirmed_)} onError={failed} />}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Text size="sm" fw={700}>
              {afa.stations.totalFinal(faNum(totalFinal))}
            </Text>
          </>
        )}
        {[...capGroups.entries()].map(([provinceId, g]) => (
          <CapForm
            key={`${provinceId}-${g.stations.map((s) => `${s.id}:${s.seatsCapped}:${s.seatsConfirmed}`).join(',')}`}
            callId={call.id}
            provinceId={provinceId}
            provinceName={g.name}
            quota={call.provinceQuotas.find((p) => p.provinceId === provinceId)?.quota ?? null}
            stations={g.stations}
            onDone={(xs) => merge(xs, afa.stations.capSaved)}
            onError={failed}
          />
        ))}
        {canDeclare && <DeclareForm key={own?.id ?? 'new'} callId={call.id} viewer={viewer} own={own} onDone={(s) => merge([s], afa.stations.declared)} onError={failed} />}
      </Stack>
    </Paper>
  );
}
