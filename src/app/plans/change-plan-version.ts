/**
 * The shape every plan lifecycle use case shares: authorise, load the child's plan, find the version, refuse a stale
 * row version (412), apply the domain transition, write the version (and any version it supersedes) with its
 * decision events, and tell the timescale engine — all in the request's one transaction.
 */
import type { StoredPlanVersion } from '../../db/repositories/plans-repository.ts'
import type { ChildAction } from '../../domain/access/policies.ts'
import type { Actor, DecisionEvent } from '../../domain/plans/decision-event.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from './after-planning-change.ts'
import {
  assertRowVersion,
  loadPlanState,
  planActor,
  planVersionOf,
  savePlanVersion,
  type PlanState,
} from './plan-support.ts'

/** What a transition produced: the changed version, its events, and a version it superseded. */
export interface PlanChange {
  readonly plan: PermanencePlan
  readonly events: readonly DecisionEvent[]
  readonly superseded?: { readonly stored: StoredPlanVersion; readonly plan: PermanencePlan } | null
}

/** Which version to change, on what basis, under which policy, and why (for the history). */
export interface PlanChangeRequest {
  readonly childId: string
  readonly planVersion: number
  readonly expectedRowVersion: number
  readonly action: ChildAction
  readonly reason: string
}

/** The version after the change: its number and new row version. */
export interface PlanChangeResult {
  readonly planId: string
  readonly planVersion: number
  readonly rowVersion: number
  readonly status: PermanencePlan['status']
}

/**
 * Runs one plan transition.
 * @param op - the operation
 * @param request - the version, the row version the user saw, the policy and the reason
 * @param apply - the domain transition, given the version, the whole plan and the actor
 * @returns the changed version
 */
export async function changePlanVersion(
  op: Operation,
  request: PlanChangeRequest,
  apply: (target: StoredPlanVersion, state: PlanState, actor: Actor) => Promise<PlanChange> | PlanChange,
): Promise<PlanChangeResult> {
  await authoriseChild(op, request.childId, request.action)
  const state = await loadPlanState(op, request.childId)
  const target = planVersionOf(state, request.planVersion)
  assertRowVersion(target.rowVersion, request.expectedRowVersion)
  const change = await apply(target, state, planActor(op))
  const rowVersion = await savePlanVersion(
    op,
    target,
    change.plan,
    request.expectedRowVersion,
    change.events,
    request.reason,
  )
  if (change.superseded) {
    await savePlanVersion(
      op,
      change.superseded.stored,
      change.superseded.plan,
      change.superseded.stored.rowVersion,
      [],
      request.reason,
    )
  }
  await afterPlanningChange(op, [request.childId])
  op.addAuditDetail('planVersion', request.planVersion)
  op.addAuditDetail('status', change.plan.status)
  return { planId: change.plan.id, planVersion: change.plan.version, rowVersion, status: change.plan.status }
}
