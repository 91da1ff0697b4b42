// How a complaint is shown on the citizen side: the public follow-up view (anyone with the tracking code) and
// the owner's full view. Neither ever carries staff names, internal notes or the assignee.
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { formatDivisionChain } from '../../../core/org/labels.js';
import { availableActions } from '../../../core/workflow/engine.js';
import { KIND_TITLES, OPEN_STATES, type ComplaintState } from '../contract.js';
import { citizenMessages, publicAttachments, stateChanges, type LoadedComplaint } from './citizen-queries.js';
import { ADD_INFO_STATES, caseForOwner } from './commands/citizen.js';
import { FA } from './fa.js';
import { satisfactionWindowEnd } from './settings.js';
import { formatTrackingCode } from '../../../core/codes/tracking-code.js';
import { complaintWorkflow, complaintStateTitle } from './workflow.js';

/** Actions the owner may take on their complaint (the ones the workflow gives to the citizen). */
export const CITIZEN_ACTIONS = ['provide_info', 'rate', 'reopen', 'withdraw'] as const;
/** Actions whose history comment is written to the citizen (a reason, an answer, a question), so they see it. */
const CITIZEN_FACING_COMMENTS = new Set(['reject', 'mark_duplicate', 'request_info', 'answer', 'provide_info', 'reopen', 'rate']);

/**
 * The public follow-up view by tracking code: what, where, its state (and the Open311 status open/closed),
 * dates, deadline and public replies. Never the text, the attachments or anything about who filed it.
 */
export function presentTrack(lc: LoadedComplaint) {
  const { complaint: x, case: c, category, place: chain, replies } = lc;
  const open = (OPEN_STATES as readonly string[]).includes(c.state);
  return {
    trackingCode: x.trackingCode,
    trackingCodeDisplay: formatTrackingCode(x.trackingCode),
    kind: x.kind,
    kindTitle: KIND_TITLES[x.kind] ?? x.kind,
    category: { code: category.code, name: category.name, groupName: lc.groupName },
    subject: x.subject,
    place: {
      id: x.divisionId,
      title: formatDivisionChain(chain),
      chain: chain.map((d) => ({ id: d.id, level: d.level, name: d.name })),
    },
    state: c.state,
    stateTitle: complaintStateTitle(c.state),
    status: open ? ('open' as const) : ('closed' as const),
    createdAt: x.createdAt,
    answeredAt: x.answeredAt,
    closedAt: x.closedAt,
    dueAt: open ? c.dueAt : null,
    replies,
  };
}

/**
 * The owner's full view: the public view plus everything they filed, the public attachments (download through
 * `/api/v1/complaints/mine/:code/documents/:id`), the messages meant for them (replies, information requests,
 * their own additions — never internal notes), the state changes without staff names, what they may do now and
 * until when they may rate or reopen.
 */
export async function presentOwnerView(db: DbOrTx, lc: LoadedComplaint, actor: Actor) {
  const { complaint: x, case: c, category } = lc;
  const ownerCase = caseForOwner(c, x, actor);
  const windowEnd = c.state === 'answered' ? satisfactionWindowEnd(x.answeredAt ?? c.updatedAt) : null;
  const inWindow = windowEnd ? Date.now() <= windowEnd.getTime() : false;
  const actions = availableActions(ownerCase, actor)
    .filter((k): k is (typeof CITIZEN_ACTIONS)[number] => (CITIZEN_ACTIONS as readonly string[]).includes(k))
    .filter((k) => k !== 'reopen' || inWindow)
    .map((key) => ({ key, title: complaintWorkflow.actions[key].title }));
  const [attachments, messages, history] = await Promise.all([
    publicAttachments(db, x.id),
    citizenMessages(db, x.id),
    stateChanges(db, c.id),
  ]);
  const answers = category.questions
    .filter((q) => Object.hasOwn(x.answers, q.code))
    .map((q) => {
      const value = x.answers[q.code]!;
      const option = q.type === 'select' ? q.options?.find((o) => o.value === value) : undefined;
      return { code: q.code, label: q.label, type: q.type, value, valueLabel: option?.label ?? null };
    });
  return {
    ...presentTrack(lc),
    body: x.body,
    address: x.address,
    lat: x.lat,
    lon: x.lon,
    answers,
    name: x.citizenName,
    anonymous: x.anonymous,
    mobile: x.mobile,
    source: x.source,
    rating: x.rating,
    ratingComment: x.ratingComment,
    reopenedCount: x.reopenedCount,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size, createdAt: a.createdAt, mine: a.addedBy != null && a.addedBy === actor.id })),
    messages: messages.map((m) => ({ id: m.id, kind: m.kind, fromCitizen: m.kind === 'citizen', body: m.body, documentIds: m.documentIds, createdAt: m.createdAt })),
    history: history.map((h) => ({
      action: h.action,
      actionTitle: h.action === 'open' ? FA.opened : (complaintWorkflow.actions as Record<string, { title: string }>)[h.action]?.title ?? h.action,
      fromState: h.fromState,
      toState: h.toState,
      toStateTitle: complaintStateTitle(h.toState),
      byCitizen: h.actorId != null && h.actorId === actor.id,
      comment: CITIZEN_FACING_COMMENTS.has(h.action) ? h.comment : null,
      at: h.at,
    })),
    actions,
    canAddInfo: ADD_INFO_STATES.includes(c.state as ComplaintState),
    satisfactionWindowEnd: windowEnd,
  };
}
