import { setChangeReason } from '../../db/client.ts'
import { loadMyPlan, updateMyPlan } from '../../db/repositories/panels-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { domainError, type DomainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertRowVersion, planningContextOf, rowVersionAfter } from './plan-support.ts'

/**
 * Records that "My plan" was shared with the child (or whoever it was shared with), when, and by whom ([TAM] App 5
 * "How will any decision made be shared with the child and by whom?").
 * @param op - the operation
 * @param childId - the child
 * @param expectedRowVersion - the row version the user saw
 * @param input - when and with whom
 * @param input.sharedOn - the day it was shared
 * @param input.sharedWith - with whom
 * @returns the new row version
 */
export async function markMyPlanShared(
  op: Operation,
  childId: string,
  expectedRowVersion: number,
  input: { readonly sharedOn: CalendarDay; readonly sharedWith: string },
): Promise<{ rowVersion: number }> {
  await authoriseChild(op, childId, 'plan:edit')
  const existing = await loadMyPlan(op.tx, childId)
  if (!existing) {
    throw new RuleViolationError([domainError('my-plan-not-composed', [])])
  }
  const errors: DomainError[] = []
  if (input.sharedOn > op.today) {
    errors.push(domainError('date-in-future', ['sharedOn'], { today: op.today }))
  }
  if (input.sharedWith.trim() === '') {
    errors.push(domainError('my-plan-shared-with-missing', ['sharedWith']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  assertRowVersion(existing.rowVersion, expectedRowVersion)
  await setChangeReason(op.tx, 'My plan shared')
  return {
    rowVersion: rowVersionAfter(
      await updateMyPlan(op.tx, planningContextOf(op), existing.id, expectedRowVersion, {
        planId: existing.planId,
        planVersion: existing.planVersion,
        myPlan: existing.myPlan,
        composedOn: existing.composedOn,
        shared: {
          on: input.sharedOn,
          withWhom: input.sharedWith.trim(),
          by: { id: op.actor.userId, name: op.actor.displayName },
        },
      }),
      expectedRowVersion,
      'My plan',
    ),
  }
}
