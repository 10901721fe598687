/**
 * Steps the meeting use cases share: authorising every child a meeting covers, loading a meeting with its actions'
 * updates, the context for closing it, and writing the child in care review it stands for into each child's care
 * record, so the timescale engine sees the review held (issue 4: "Action and meeting dates feed the timescale
 * engine"; docs/adr/0062).
 */
import { randomUUID } from 'node:crypto'
import { insertFact, loadCareRecord, updateFact } from '../../db/repositories/care-record-repository.ts'
import {
  listActionUpdates,
  listMeetingsForChildren,
  loadMeeting,
  type StoredActionUpdate,
  type StoredMeeting,
} from '../../db/repositories/meetings-repository.ts'
import { loadPlanVersionsForChildren, loadSiblingIds } from '../../db/repositories/plans-repository.ts'
import type { ChildAction } from '../../domain/access/policies.ts'
import { validateCareRecord } from '../../domain/children/care-record-rules.ts'
import type { CareRecord, StatutoryReview } from '../../domain/children/care-record.ts'
import { trackAction, type TrackedAction } from '../../domain/meetings/meeting-actions.ts'
import type { CloseMeetingContext } from '../../domain/meetings/meeting-rules.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import { domainError, type DomainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { versionAfter } from '../children/care-record-checks.ts'
import { planStateOf } from '../plans/plan-support.ts'

/**
 * Authorises an action on the other children a meeting covers (a sibling group's meeting changes each child's
 * record). The child the request came through is authorised first, before anything about the meeting is read
 * ({@link authoriseChildFirst}, {@link loadChildMeeting}); the audit event is filed with them.
 * @param op - the operation
 * @param childId - the child the request is about (already authorised)
 * @param childIds - every child the meeting covers
 * @param action - the policy
 */
export async function authoriseMeetingChildren(
  op: Operation,
  childId: string,
  childIds: readonly string[],
  action: ChildAction,
): Promise<void> {
  for (const other of childIds.filter(id => id !== childId)) {
    await authoriseChild(op, other, action)
  }
  op.concernsChild(childId)
  op.addAuditDetail('childIds', [...new Set([childId, ...childIds])])
}

/**
 * Authorises an action on the child a request comes through, then on the other children it names: for a meeting or
 * panel request being created, where nothing is loaded first.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param childIds - every child named
 * @param action - the policy
 */
export async function authoriseChildFirst(
  op: Operation,
  childId: string,
  childIds: readonly string[],
  action: ChildAction,
): Promise<void> {
  await authoriseChild(op, childId, action)
  await authoriseMeetingChildren(op, childId, childIds, action)
}

/**
 * Refuses children who are neither the child nor one of their brothers or sisters: a meeting covers one child or a
 * sibling group ([TAM] App 5 note).
 * @param op - the operation
 * @param childId - the child the request is about
 * @param childIds - the children named
 * @throws RuleViolationError naming the first that is not
 */
export async function assertSiblingGroup(op: Operation, childId: string, childIds: readonly string[]): Promise<void> {
  if (!childIds.includes(childId)) {
    throw new RuleViolationError([domainError('child-not-in-meeting', ['childIds'])])
  }
  const siblings = new Set([childId, ...(await loadSiblingIds(op.tx, childId))])
  const index = childIds.findIndex(id => !siblings.has(id))
  if (index !== -1) {
    throw new RuleViolationError([domainError('sibling-not-linked', ['childIds', index])])
  }
}

/**
 * A meeting about a child, or not found (also when it is about other children only). The child is authorised first:
 * nothing about the meeting is read for someone who may not act on the child.
 * @param op - the operation
 * @param childId - the child
 * @param meetingId - the meeting
 * @param action - what the user wants to do
 * @returns the stored meeting
 */
export async function loadChildMeeting(
  op: Operation,
  childId: string,
  meetingId: string,
  action: ChildAction,
): Promise<StoredMeeting> {
  await authoriseChild(op, childId, action)
  const stored = await loadMeeting(op.tx, meetingId)
  if (!stored || !stored.meeting.record.childIds.includes(childId)) {
    throw new NotFoundError('Meeting')
  }
  return stored
}

/**
 * The version of an action as the user saw it: 1 for the action as the meeting set it, plus one per later update.
 * Updates are appended, never changed; the version lets a second person's change be refused rather than silently
 * follow the first (security REL-02).
 * @param updates - updates to the meeting's actions
 * @param actionId - the action
 * @returns its version
 */
export function actionVersionOf(updates: readonly { actionId: string }[], actionId: string): number {
  return 1 + updates.filter(candidate => candidate.actionId === actionId).length
}

/**
 * Every action set at a meeting, with its current status.
 * @param meeting - the meeting
 * @param updates - updates to its actions
 * @param today - today, for "overdue"
 * @returns the tracked actions
 */
export function trackedActionsOf(
  meeting: Meeting,
  updates: readonly StoredActionUpdate[],
  today: Operation['today'],
): TrackedAction[] {
  return meeting.record.actions.map(action => trackAction(meeting, action, updates, today))
}

/**
 * The actions of the previous meeting (the one this meeting follows), with their current status, for the review of
 * the last meeting's actions ([TAM] App 5).
 * @param op - the operation
 * @param meeting - this meeting
 * @returns the previous meeting's actions (empty when there is none, or it was not closed)
 */
export async function previousActionsOf(op: Operation, meeting: Meeting): Promise<TrackedAction[]> {
  const previousId = meeting.record.previousMeetingId
  if (previousId === null) {
    return []
  }
  const previous = await loadMeeting(op.tx, previousId)
  if (!previous || previous.meeting.status !== 'closed') {
    return []
  }
  const updates = await listActionUpdates(op.tx, [previousId])
  return trackedActionsOf(previous.meeting, updates, op.today)
}

/**
 * What closing (or correcting) a meeting needs beyond the meeting: the previous meeting's actions and the children
 * whose permanence is achieved.
 * @param op - the operation
 * @param meeting - the meeting
 * @returns the context
 */
export async function closeContextOf(op: Operation, meeting: Meeting): Promise<CloseMeetingContext> {
  const plans = await loadPlanVersionsForChildren(op.tx, meeting.record.childIds)
  return {
    previousActions: await previousActionsOf(op, meeting),
    permanenceAchievedChildIds: meeting.record.childIds.filter(
      id => (planStateOf(plans.get(id) ?? []).inForce?.plan.permanenceAchieved ?? null) !== null,
    ),
  }
}

/**
 * The latest closed meeting of a kind about a child: what a new meeting of that kind follows by default.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @returns its id, or null
 */
export async function latestClosedMeetingId(
  op: Operation,
  childId: string,
  kind: Meeting['kind'],
): Promise<string | null> {
  const meetings = await listMeetingsForChildren(op.tx, [childId])
  return (
    meetings.filter(stored => stored.meeting.kind === kind && stored.meeting.status === 'closed').at(-1)?.meeting.id ??
    null
  )
}

function reviewIssues(record: CareRecord, review: StatutoryReview, op: Operation): DomainError[] {
  return validateCareRecord(record, op.today)
    .filter(issue => issue.fact === 'reviews' && issue.factId === review.id)
    .map(issue => domainError(issue.code, ['heldOn'], { ...(issue.params ?? {}), childId: record.child.id }))
}

/**
 * Records a child in care review held as a statutory review in each child's care record (`statutory_reviews`), or
 * corrects the ones it recorded before, so the timescale engine's review rules see it (REV-01 … REV-05). A review
 * already recorded for the child on that day is linked rather than duplicated.
 * @param op - the operation
 * @param meeting - a closed child in care review
 * @param existing - the reviews this meeting recorded before, by child id
 * @returns the reviews it stands for now, by child id
 * @throws RuleViolationError when a child's care record would break (e.g. not looked after that day)
 */
export async function recordReviewsInCareRecord(
  op: Operation,
  meeting: Meeting,
  existing: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  const context = { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
  for (const childId of meeting.record.childIds) {
    const record = await loadCareRecord(op.tx, childId)
    if (!record) {
      throw new NotFoundError('Child')
    }
    const participation = meeting.record.childOutcomes.find(outcome => outcome.childId === childId)?.participation
    const fields = {
      heldOn: meeting.record.heldOn,
      participation: participation ?? null,
      chairedById: meeting.record.chair.userId,
    }
    const linked = existing[childId] ? record.reviews.find(review => review.id === existing[childId]) : undefined
    const sameDay = record.reviews.find(review => review.heldOn === meeting.record.heldOn)
    if (linked) {
      const changed = { ...linked, ...fields }
      const issues = reviewIssues(
        { ...record, reviews: record.reviews.map(r => (r.id === linked.id ? changed : r)) },
        changed,
        op,
      )
      if (issues.length > 0) {
        throw new RuleViolationError(issues)
      }
      versionAfter(
        await updateFact(op.tx, context, 'reviews', linked.id, linked.version, fields),
        linked.version,
        'Review',
      )
      result[childId] = linked.id
    } else if (sameDay) {
      result[childId] = sameDay.id
    } else {
      const review: StatutoryReview = {
        id: randomUUID(),
        version: 1,
        ...fields,
        broughtForwardReason: null,
        notes: `Recorded from the child in care review meeting ${meeting.id}`,
      }
      const issues = reviewIssues({ ...record, reviews: [...record.reviews, review] }, review, op)
      if (issues.length > 0) {
        throw new RuleViolationError(issues)
      }
      await insertFact(
        op.tx,
        context,
        'reviews',
        childId,
        review as unknown as { id: string } & Record<string, unknown>,
      )
      result[childId] = review.id
    }
  }
  return result
}
