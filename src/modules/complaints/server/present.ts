import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { divisionChain } from '../../../core/org/queries.js';
import { divisionTitle, formatDivisionChain } from '../../../core/org/labels.js';
import type { ActionDef } from '../../../core/workflow/definition.js';
import { availableActions, caseHistory } from '../../../core/workflow/engine.js';
import { KIND_TITLES, OPEN_STATES } from '../contract.js';
import { STAFF_FA } from './fa-staff.js';
import { presentIdentity, type PresentedIdentity } from './policies.js';
import { assignableStaff, complaintAttachments, complaintMessages, templatesFor, userNames, type StaffComplaint } from './queries.js';
import { complaints } from './schema.js';
import { complaintWorkflow, complaintStateTitle } from './workflow.js';

const def = complaintWorkflow;
type ActionKey = keyof typeof def.actions;

/** An action button as the staff UI draws it: title, and what the form must ask for. */
export interface PresentedAction {
  key: string;
  title: string;
  requireComment: boolean;
  requireDocument: boolean;
  /** 'required' / 'optional': the form asks for an assignee (from `assignees`); null: it does not. */
  assigns: 'required' | 'optional' | null;
  /** The form asks for the tracking code of the original (mark_duplicate). */
  needsDuplicateOf: boolean;
}

/** The actions `actor` may take on the case now, with their Persian titles and form needs. */
export function presentActions(c: StaffComplaint['case'], actor: Actor): PresentedAction[] {
  return availableActions(c, actor).map((key) => {
    const a: ActionDef = def.actions[key as ActionKey];
    return {
      key, title: a.title, requireComment: !!a.requireComment, requireDocument: !!a.requireDocument,
      assigns: a.assigns ?? null, needsDuplicateOf: key === 'mark_duplicate',
    };
  });
}

/**
 * How a person shows up in the timeline. Staff by their display name; the citizen never by theirs (for a citizen
 * account it is the mobile number) but by the identity rule: the name they gave, «شهروند», or «ناشناس».
 */
function personLabel(people: Awaited<ReturnType<typeof userNames>>, id: number | null, identity: PresentedIdentity): string {
  if (id == null) return STAFF_FA.system;
  const p = people.get(id);
  if (!p || p.kind === 'citizen') return identity.hidden ? STAFF_FA.anonymous : identity.name ?? STAFF_FA.citizen;
  return p.name;
}

/**
 * A complaint as staff see it (the caller has loaded it inside the actor's scope): what was filed, who filed it
 * (the identity rule), place, state and deadline, messages (public replies, information requests, the citizen's
 * additions, internal notes), attachments, the case history with names, the actions the actor may take, the
 * response templates of its category, and — when the actor may assign — the staff it may be assigned to.
 */
export async function presentComplaintForStaff(db: DbOrTx, actor: Actor, loaded: StaffComplaint) {
  const { complaint: c, case: wc, category, division } = loaded;
  const identity = presentIdentity(actor, c);
  const actions = presentActions(wc, actor);
  const assigning = actions.filter((a) => a.assigns).map((a) => def.actions[a.key as ActionKey].to);
  const [history, messages, attachments, templates, chain, assignees, original] = await Promise.all([
    caseHistory(db, wc.id),
    complaintMessages(db, c.id),
    complaintAttachments(db, c.id),
    templatesFor(db, c.categoryId),
    divisionChain(db, c.divisionId),
    assigning.length ? assignableStaff(db, def, wc, assigning[0]!) : Promise.resolve([]),
    c.duplicateOf ? db.select({ trackingCode: complaints.trackingCode }).from(complaints).where(eq(complaints.id, c.duplicateOf)) : Promise.resolve([]),
  ]);
  const people = await userNames(db, [
    wc.assigneeId, ...history.flatMap((h) => [h.actorId, h.assigneeId]), ...messages.map((m) => m.authorId), ...attachments.map((a) => a.addedBy),
  ]);
  const label = (id: number | null) => personLabel(people, id, identity);
  return {
    id: c.id,
    caseId: wc.id,
    trackingCode: c.trackingCode,
    kind: c.kind,
    kindTitle: KIND_TITLES[c.kind],
    category: { id: category.id, name: category.name, parentId: category.parentId, office: category.office, slaDays: category.slaDays },
    place: { id: division.id, name: divisionTitle(division), chain: formatDivisionChain(chain), lat: c.lat, lon: c.lon, address: c.address },
    subject: c.subject,
    body: c.body,
    answers: c.answers,
    source: c.source,
    citizen: identity,
    state: wc.state,
    stateTitle: complaintStateTitle(wc.state),
    version: wc.version,
    dueAt: wc.dueAt,
    overdue: !!wc.dueAt && wc.dueAt.getTime() < Date.now() && (OPEN_STATES as readonly string[]).includes(wc.state),
    escalated: wc.escalated,
    assignee: wc.assigneeId == null ? null : { id: wc.assigneeId, name: label(wc.assigneeId) },
    rating: c.rating,
    ratingComment: c.ratingComment,
    reopenedCount: c.reopenedCount,
    duplicateOf: original[0]?.trackingCode ?? null,
    answeredAt: c.answeredAt,
    closedAt: c.closedAt,
    createdAt: c.createdAt,
    messages: messages.map((m) => ({
      id: m.id, kind: m.kind, kindTitle: STAFF_FA.messageKinds[m.kind], body: m.body, internal: m.kind === 'note',
      author: label(m.authorId), documentIds: m.documentIds, createdAt: m.createdAt,
    })),
    attachments: attachments.map((a) => ({ ...a, addedBy: a.addedBy == null ? null : label(a.addedBy) })),
    history: history.map((h) => ({
      seq: h.seq, action: h.action,
      actionTitle: STAFF_FA.historyTitles[h.action] ?? def.actions[h.action as ActionKey]?.title ?? h.action,
      fromState: h.fromState, fromStateTitle: h.fromState ? complaintStateTitle(h.fromState) : null, toState: h.toState, toStateTitle: complaintStateTitle(h.toState),
      actor: h.system ? STAFF_FA.system : label(h.actorId), assignee: h.assigneeId == null ? null : label(h.assigneeId),
      comment: h.comment, documentIds: h.documentIds, at: h.at,
    })),
    actions,
    templates: templates.map((t) => ({ id: t.id, categoryId: t.categoryId, title: t.title, body: t.body })),
    assignees,
  };
}
