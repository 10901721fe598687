import { findPostgresError, SQLSTATE } from '../../db/errors.ts'
import { startPlanVersion } from '../../domain/plans/permanence-plan.ts'
import type { StartPlanVersion } from '../../domain/plans/plan-schemas.ts'
import { domainError } from '../../domain/shared/result.ts'
import { ConflictError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from './after-planning-change.ts'
import type { PlanChangeResult } from './change-plan-version.ts'
import { assertRowVersion, insertPlanVersion, loadPlanState, orRefuse, planActor } from './plan-support.ts'

/**
 * Starts a new version of the plan from the version in force (endorsed or ratified), with why it is changing and
 * optionally the change. The version in force stays in force until the new one is endorsed (docs/adr/0020). Only
 * one new version at a time.
 * @param op - the operation
 * @param childId - the child
 * @param expectedRowVersion - the row version of the version in force the user saw
 * @param command - the reason and any change
 * @returns the new draft version
 */
export async function startNewPlanVersion(
  op: Operation,
  childId: string,
  expectedRowVersion: number,
  command: StartPlanVersion,
): Promise<PlanChangeResult> {
  await authoriseChild(op, childId, 'plan:edit')
  const state = await loadPlanState(op, childId)
  if (!state.inForce || !state.latest) {
    throw new RuleViolationError([domainError('plan-not-started', [])])
  }
  if (state.latest.plan.version !== state.inForce.plan.version) {
    throw new ConflictError([domainError('newer-version-in-progress', [], { version: state.latest.plan.version })])
  }
  assertRowVersion(state.inForce.rowVersion, expectedRowVersion)
  const { plan, event } = orRefuse(startPlanVersion(state.inForce.plan, command, planActor(op), op.today))
  try {
    const stored = await insertPlanVersion(op, plan, [event], command.changeReason)
    await afterPlanningChange(op, [childId])
    op.addAuditDetail('planVersion', plan.version)
    return { planId: plan.id, planVersion: plan.version, rowVersion: stored.rowVersion, status: plan.status }
  } catch (error) {
    if (findPostgresError(error)?.code === SQLSTATE.uniqueViolation) {
      throw new ConflictError([domainError('newer-version-in-progress', [])])
    }
    throw error
  }
}
