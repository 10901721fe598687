import { randomUUID } from 'node:crypto'
import { findPostgresError, SQLSTATE } from '../../db/errors.ts'
import { loadPlanVersions } from '../../db/repositories/plans-repository.ts'
import { startPlan as startPlanVersionOne } from '../../domain/plans/permanence-plan.ts'
import type { PlanEdit } from '../../domain/plans/plan-schemas.ts'
import { domainError } from '../../domain/shared/result.ts'
import { ConflictError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from './after-planning-change.ts'
import type { PlanChangeResult } from './change-plan-version.ts'
import { insertPlanVersion, orRefuse, planActor } from './plan-support.ts'

/**
 * Starts a child's permanence plan as a draft, version 1 ([DOR] "The Permanence planning process must start as soon
 * as a child is accommodated"). One plan per child: a second start is refused (409), also when two people start it
 * at the same moment (the database's unique index decides).
 * @param op - the operation
 * @param childId - the child
 * @param content - anything written so far
 * @returns the new plan's id, version and row version
 */
export async function startPermanencePlan(
  op: Operation,
  childId: string,
  content: PlanEdit = {},
): Promise<PlanChangeResult> {
  await authoriseChild(op, childId, 'plan:edit')
  if ((await loadPlanVersions(op.tx, childId)).length > 0) {
    throw new ConflictError([domainError('plan-already-started', [])])
  }
  const { plan, event } = orRefuse(
    startPlanVersionOne({ planId: randomUUID(), childId, content }, planActor(op), op.today),
  )
  try {
    const stored = await insertPlanVersion(op, plan, [event], 'Plan started')
    await afterPlanningChange(op, [childId])
    op.addAuditDetail('planVersion', 1)
    return { planId: plan.id, planVersion: 1, rowVersion: stored.rowVersion, status: plan.status }
  } catch (error) {
    if (findPostgresError(error)?.code === SQLSTATE.uniqueViolation) {
      throw new ConflictError([domainError('plan-already-started', [])])
    }
    throw error
  }
}
