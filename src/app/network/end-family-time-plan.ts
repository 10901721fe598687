import {
  NETWORK_CREATE_SCHEMAS,
  type FamilyTimePlanEnd,
  type NetworkUpdate,
} from '../../domain/network/network-inputs.ts'
import { checkFamilyTimePlanEnd } from '../../domain/network/network-rules.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { changeNetworkRecord } from './change-network-record.ts'
import { loadChildNetworkRecord } from './network-support.ts'

/** The fields of a family time plan, each carried over unchanged into the version that ends it. */
const PLAN_FIELDS = Object.keys(NETWORK_CREATE_SCHEMAS['family-time-plans'].shape)

/**
 * Ends a running family time plan: a new version of the plan with the day it ended, saved through the correction of
 * network records, so the earlier version stays in the history with who, when and the reason given here. The plan
 * must still be running, and the day after it started and not in the future (docs/network.md).
 * @param op - the operation
 * @param childId - the child
 * @param planId - the plan
 * @param expectedVersion - the version the user saw
 * @param ending - the day it ended and why
 * @returns the new version
 */
export async function endFamilyTimePlan(
  op: Operation,
  childId: string,
  planId: string,
  expectedVersion: number,
  ending: FamilyTimePlanEnd,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  const plan = await loadChildNetworkRecord(op, childId, 'family-time-plans', planId)
  const errors = checkFamilyTimePlanEnd(
    { startedOn: plan.startedOn as CalendarDay, endedOn: (plan.endedOn as CalendarDay | null) ?? null },
    ending.endedOn,
    op.today,
  )
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const fields = Object.fromEntries(PLAN_FIELDS.map(key => [key, plan[key] ?? null]))
  const input = { ...fields, endedOn: ending.endedOn, reason: ending.reason } as NetworkUpdate<'family-time-plans'>
  return changeNetworkRecord(op, childId, 'family-time-plans', planId, expectedVersion, input)
}
