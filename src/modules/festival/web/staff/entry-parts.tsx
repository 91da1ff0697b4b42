// The parts of an entry's staff page: the screening step's form, the judges' panel with their totals, z-scores and
// criteria (after judging starts), the declared conflicts, the result, and the history.
import { useState, type FormEvent } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { api, fieldErrors } from '../../../../web/api.js';
import { faNumber, jDateTime } from '../../../../web/format.js';
import { ActionFormCard, HistoryTimeline } from '../../../../web/staff/case.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { Axis } from '../../contract.js';
import type { StaffEntryView } from '../../api-types.js';
import { ffa } from './fa.js';
import { API, FlagMark, Signed } from './shared.js';

const t = ffa.entry;
type Action = StaffEntryView['actions'][number];

/** Colour of a screening step: returns orange, rejections red, acceptances green. */
export const screenColor = (key: string): string | undefined => (key.endsWith('_reject') ? 'red' : key.endsWith('_return') ? 'orange' : key.endsWith('_accept') ? 'green' : undefined);

/** One screening step's form: the comment (required for a return or a rejection) and the confirmation. */
export function ScreenForm({ a, entry, onDone, onFailed, onCancel }: { a: Action; entry: StaffEntryView; onDone: (v: StaffEntryView) => void; onFailed: (err: unknown) => void; onCancel: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (a.requireComment && !comment.trim()) {
      setError(t.commentRequired);
      return;
    }
    setBusy(true);
    try {
      onDone(await api.post<StaffEntryView>(`${API}/entries/${encodeURIComponent(entry.id)}/screen`, { action: a.key, comment: comment.trim(), expectedVersion: entry.caseVersion ?? 1 }));
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe.comment) setError(fe.comment);
      else onFailed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <ActionFormCard
      action={a}
      onSubmit={submit}
      busy={busy}
      color={screenColor(a.key)}
      confirmLabel={ffa.common.confirm}
      comment={{ label: t.comment, requiredHint: t.commentHintRequired, value: comment, onChange: setComment, error }}
      onCancel={onCancel}
    />
  );
}

/** The panel: each judge's total and z, and his criteria with comments. */
export function PanelTable({ entry, axis }: { entry: StaffEntryView; axis: Axis | undefined }) {
  return (
    <Stack gap="md">
      <div className="st-scroll">
        <Table verticalSpacing="xs" data-testid="panel-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colJudge}</Table.Th>
              <Table.Th>{t.colTotal}</Table.Th>
              <Table.Th>{t.colZ}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.panel.map((p) => (
              <Table.Tr key={p.judgeId}>
                <Table.Td>{p.judge}</Table.Td>
                <Table.Td className="fs-num">{p.total === null ? <Text size="sm" c="dimmed">{t.notScored}</Text> : ffa.common.score100(faNumber(p.total, 2))}</Table.Td>
                <Table.Td>
                  <Signed n={p.z} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {entry.panel
        .filter((p) => p.criteria)
        .map((p) => (
          <details key={p.judgeId} data-testid="panel-criteria">
            <summary>
              <Text span size="sm" fw={500}>
                {t.criteriaOf(p.judge)}
              </Text>
            </summary>
            <Stack gap={6} mt="xs">
              {(axis?.rubric ?? []).map((c) => {
                const s = p.criteria?.[c.key];
                if (!s) return null;
                return (
                  <div key={c.key} className="fs-part">
                    <Text size="sm" fw={500}>
                      {c.title}: {ffa.common.of(faNumber(s.score, 1), faNumber(c.max))}
                    </Text>
                    <Text size="sm" className="st-pre">
                      {s.comment}
                    </Text>
                  </div>
                );
              })}
            </Stack>
          </details>
        ))}
    </Stack>
  );
}

export function ConflictList({ items }: { items: StaffEntryView['conflicts'] }) {
  return (
    <Stack gap={6} component="ul" className="fs-plain" data-testid="conflicts">
      {items.map((c, i) => (
        <li key={i}>
          <Text size="sm" fw={500}>
            {c.judge} — {jDateTime(c.at)}
          </Text>
          <Text size="sm" className="st-pre">
            {c.reason}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

export function ResultFacts({ entry }: { entry: StaffEntryView }) {
  const r = entry.result;
  if (!r) return null;
  return (
    <Facts
      items={[
        [t.rankNational, faNumber(r.rankNational)],
        [t.rankProvince, faNumber(r.rankProvince)],
        [t.rawMean, ffa.common.score100(faNumber(r.rawMean, 2))],
        [t.meanZ, <Signed key="z" n={r.meanZ} digits={3} />],
        [
          t.spread,
          <span key="s">
            {faNumber(r.spread, 2)} {r.flagged && <FlagMark />}
          </span>,
        ],
        [t.judgesCount, faNumber(r.judges)],
        !!entry.award && [t.award, entry.award],
      ]}
    />
  );
}

export function EntryHistory({ items }: { items: StaffEntryView['history'] }) {
  return <HistoryTimeline items={items.map((h, i) => ({ key: String(i), title: h.actionTitle, meta: t.historyMeta(jDateTime(h.at), h.actor, h.toStateTitle), comment: h.comment }))} />;
}
