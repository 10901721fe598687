/**
 * Steps the plan, meeting and panel use cases share: who the domain sees acting, turning a domain refusal into a
 * 422, checking the row version the user saw (412), loading a child's plan versions, and writing a changed version
 * with its decision events. Each use case authorises first, then uses these on `op.tx`.
 */
import { setChangeReason } from '../../db/client.ts'
import { loadChildAccessFacts, type ChildAccessFacts } from '../../db/repositories/access-repository.ts'
import {
  insertDecisionEvents,
  insertPlanVersions,
  loadLookedAfterChildIds,
  loadPlanVersions,
  loadPlanVersionsForChildren,
  loadSiblingIds,
  updatePlanVersion,
  type PlanningWriteContext,
  type RowUpdateOutcome,
  type StoredPlanVersion,
} from '../../db/repositories/plans-repository.ts'
import { decideChildAccess, relationshipToChild, type ChildAction } from '../../domain/access/policies.ts'
import { ACTOR_ROLE_VALUES, type Actor, type DecisionEvent } from '../../domain/plans/decision-event.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import { primaryOptionType } from '../../domain/plans/plan-queries.ts'
import type { SiblingPlanSummary } from '../../domain/plans/plan-rules.ts'
import { versionInForce } from '../../domain/plans/plan-timescale-facts.ts'
import type { DomainError, Result } from '../../domain/shared/result.ts'
import { ForbiddenError, NotFoundError, RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * The person acting, as the domain records them on decisions.
 * @param op - the operation
 * @returns the actor
 * @throws ForbiddenError for a role that takes no part in planning decisions
 */
export function planActor(op: Operation): Actor {
  const role = ACTOR_ROLE_VALUES.find(candidate => candidate === op.actor.role)
  if (role === undefined) {
    throw new ForbiddenError('planning')
  }
  return { id: op.actor.userId, role, name: op.actor.displayName }
}

/**
 * The write context for the planning repositories.
 * @param op - the operation
 * @returns authority, user and time
 */
export function planningContextOf(op: Operation): PlanningWriteContext {
  return { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
}

/**
 * The value of a domain result, or a 422 with every broken rule.
 * @param result - the domain's answer
 * @returns the value
 * @throws RuleViolationError when the domain refused
 */
export function orRefuse<T, E extends DomainError>(result: Result<T, E>): T {
  if (!result.ok) {
    throw new RuleViolationError(result.errors)
  }
  return result.value
}

/**
 * Refuses a change based on an older row version than the current one (security REL-02: no lost update).
 * @param currentRowVersion - the row version now
 * @param expectedRowVersion - the row version the user saw
 * @throws StaleVersionError when they differ
 */
export function assertRowVersion(currentRowVersion: number, expectedRowVersion: number): void {
  if (currentRowVersion !== expectedRowVersion) {
    throw new StaleVersionError(expectedRowVersion, currentRowVersion)
  }
}

/**
 * Turns a conditional update's outcome into the new row version or the right failure.
 * @param outcome - what the repository reported
 * @param expectedRowVersion - the row version the change was based on
 * @param resource - what was changed, for the not-found message
 * @returns the new row version
 */
export function rowVersionAfter(outcome: RowUpdateOutcome, expectedRowVersion: number, resource: string): number {
  switch (outcome.kind) {
    case 'updated':
      return outcome.version
    case 'stale':
      throw new StaleVersionError(expectedRowVersion, outcome.currentVersion)
    case 'missing':
      throw new NotFoundError(resource)
  }
}

/** A child's plan as stored: every version, the one in force, and the latest. */
export interface PlanState {
  readonly versions: readonly StoredPlanVersion[]
  /** The latest endorsed or ratified version, else the latest (docs/adr/0020). */
  readonly inForce: StoredPlanVersion | undefined
  readonly latest: StoredPlanVersion | undefined
}

/**
 * Loads every version of a child's plan.
 * @param op - the operation (already authorised for the child)
 * @param childId - the child
 * @returns the plan's versions
 */
export async function loadPlanState(op: Operation, childId: string): Promise<PlanState> {
  return planStateOf(await loadPlanVersions(op.tx, childId))
}

/**
 * The plan state of some stored versions.
 * @param versions - every version of one plan, oldest first
 * @returns the state
 */
export function planStateOf(versions: readonly StoredPlanVersion[]): PlanState {
  const inForcePlan = versionInForce(versions.map(stored => stored.plan))
  return {
    versions,
    inForce: versions.find(stored => stored.plan.version === inForcePlan?.version),
    latest: versions.at(-1),
  }
}

/**
 * One version of the plan.
 * @param state - the plan
 * @param planVersion - the version number
 * @returns the stored version
 * @throws NotFoundError when there is no such version
 */
export function planVersionOf(state: PlanState, planVersion: number): StoredPlanVersion {
  const found = state.versions.find(stored => stored.plan.version === planVersion)
  if (!found) {
    throw new NotFoundError('Plan version')
  }
  return found
}

/**
 * Writes a changed plan version and the decision events about it, with the reason kept in the record's history.
 * @param op - the operation
 * @param stored - the version as loaded
 * @param next - the changed version
 * @param expectedRowVersion - the row version the user saw
 * @param events - the decisions to append
 * @param reason - why, for the history
 * @returns the new row version
 */
export async function savePlanVersion(
  op: Operation,
  stored: StoredPlanVersion,
  next: PermanencePlan,
  expectedRowVersion: number,
  events: readonly DecisionEvent[],
  reason: string,
): Promise<number> {
  await setChangeReason(op.tx, reason)
  const rowVersion = rowVersionAfter(
    await updatePlanVersion(op.tx, planningContextOf(op), stored.rowId, expectedRowVersion, next),
    expectedRowVersion,
    'Plan version',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), events)
  return rowVersion
}

/**
 * Inserts a new plan version (a first plan or a new version) with its decision event.
 * @param op - the operation
 * @param plan - the new version
 * @param events - the decisions to append
 * @param reason - why, for the history
 * @returns the stored version
 */
export async function insertPlanVersion(
  op: Operation,
  plan: PermanencePlan,
  events: readonly DecisionEvent[],
  reason: string,
): Promise<StoredPlanVersion> {
  await setChangeReason(op.tx, reason)
  const [stored] = await insertPlanVersions(op.tx, planningContextOf(op), [plan])
  await insertDecisionEvents(op.tx, planningContextOf(op), events)
  return stored!
}

/**
 * The current plans of a child's brothers and sisters who are looked after today ([TAM] App 5 note: each child has
 * their own plan, and the plans show each other; the endorsement rule compares them, docs/adr/0023).
 * @param op - the operation
 * @param childId - the child
 * @param siblingIds - the child's brothers and sisters, when the caller has just read them
 * @returns a summary of each such sibling's plan in force
 */
export async function siblingPlanSummaries(
  op: Operation,
  childId: string,
  siblingIds?: readonly string[],
): Promise<SiblingPlanSummary[]> {
  const siblings = siblingIds ?? (await loadSiblingIds(op.tx, childId))
  const lookedAfter = await loadLookedAfterChildIds(op.tx, siblings, op.today)
  const plans = await loadPlanVersionsForChildren(op.tx, lookedAfter)
  return [...plans.entries()].flatMap(([siblingId, versions]) => {
    const inForce = planStateOf(versions).inForce
    return inForce
      ? [{ childId: siblingId, planId: inForce.plan.id, primaryOptionType: primaryOptionType(inForce.plan.content) }]
      : []
  })
}

/** What the signed-in user may do for a child, so pages offer only the actions that would be allowed. */
export interface PlanningPermissions {
  readonly canEditPlan: boolean
  readonly canEndorsePlan: boolean
  readonly canRatifyPlan: boolean
  readonly canRecordMeetings: boolean
  readonly canRecordDecisions: boolean
}

/**
 * The planning actions the user's role and relationship to the child allow (the same pure policy the use cases
 * check; this only decides which buttons to show).
 * @param op - the operation
 * @param childId - the child
 * @param known - the child's access facts, when the caller has just read them to authorise (not read again)
 * @returns the permissions
 */
export async function planningPermissions(
  op: Operation,
  childId: string,
  known?: ChildAccessFacts,
): Promise<PlanningPermissions> {
  const facts = known ?? (await loadChildAccessFacts(op.tx, op.actor.userId, [childId]))[0]
  const allows = (action: ChildAction): boolean =>
    facts !== undefined &&
    decideChildAccess(op.actor.role, action, {
      relationship: relationshipToChild({
        userId: op.actor.userId,
        userTeamId: op.actor.teamId,
        userServiceId: op.actor.serviceId,
        childAllocatedWorkerId: facts.allocatedWorkerId,
        childAllocatedIroId: facts.allocatedIroId,
        childTeamId: facts.teamId,
        childServiceId: facts.serviceId,
        isOtherwiseAssigned: facts.isOtherwiseAssigned,
      }),
      sensitivity: facts.sensitivity,
      isInPermittedSet:
        facts.restrictionOwnerId === op.actor.userId ||
        facts.permittedUserIds.includes(op.actor.userId) ||
        facts.allocatedWorkerId === op.actor.userId ||
        facts.allocatedIroId === op.actor.userId,
    }) === 'allow'
  return {
    canEditPlan: allows('plan:edit'),
    canEndorsePlan: allows('plan:endorse'),
    canRatifyPlan: allows('plan:ratify'),
    canRecordMeetings: allows('meeting:record'),
    canRecordDecisions: allows('decision:record'),
  }
}
