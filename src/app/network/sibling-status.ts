/**
 * Where each sibling pair stands, for the child's page and the manager's list: whether they live together (from
 * their current placements), the latest Together-or-Apart assessment of the pair, and the warnings.
 */
import { loadCareRecords } from '../../db/repositories/care-record-repository.ts'
import { loadSiblingAssessmentsNaming } from '../../db/repositories/network-repository.ts'
import { loadPlanVersionsForChildren } from '../../db/repositories/plans-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { primaryOptionType } from '../../domain/plans/plan-queries.ts'
import {
  siblingPairStatus,
  type AssessedPair,
  type PairStatus,
  type SiblingPair,
} from '../../domain/network/siblings.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Tx } from '../../db/client.ts'
import { planStateOf } from '../plans/plan-support.ts'

/**
 * The child's current home, as a key two brothers or sisters share when they live together: their carer, or the
 * provider and postcode; null when they are not looked after or not placed today.
 * @param record - the child's record
 * @param today - today
 * @returns the key
 */
export function homeOf(record: CareRecord, today: CalendarDay): string | null {
  const inCare = record.periodsOfCare.some(p => p.startedOn <= today && (p.endedOn === null || p.endedOn > today))
  const placement = record.placements.find(p => p.startedOn <= today && (p.endedOn === null || p.endedOn > today))
  if (!inCare || !placement) {
    return null
  }
  if (placement.carerPersonId !== null) {
    return `carer:${placement.carerPersonId}`
  }
  if (placement.providerName !== null) {
    return `provider:${placement.providerName.toLowerCase()}|${placement.postcode ?? ''}`
  }
  return `placement:${placement.id}`
}

/**
 * Every pair's status.
 * @param tx - the transaction
 * @param pairs - the pairs
 * @param today - today
 * @returns each pair with whether they live together, their assessment and warnings
 */
export async function statusOfPairs(tx: Tx, pairs: readonly SiblingPair[], today: CalendarDay): Promise<PairStatus[]> {
  const ids = [...new Set(pairs.flatMap(p => [p.childId, p.siblingChildId]))]
  const records = await loadCareRecords(tx, ids)
  const homes = new Map(records.map(r => [r.child.id, homeOf(r, today)]))
  const plans = await loadPlanVersionsForChildren(tx, ids)
  const options = new Map<string, string | null>()
  for (const [childId, versions] of plans) {
    const inForce = planStateOf(versions).inForce
    options.set(childId, inForce ? primaryOptionType(inForce.plan.content) : null)
  }
  const assessed: AssessedPair[] = (await loadSiblingAssessmentsNaming(tx, ids)).flatMap(row =>
    (row.pairs as Omit<AssessedPair, 'assessedOn'>[]).map(pair => ({ ...pair, assessedOn: row.assessedOn as string })),
  )
  return siblingPairStatus(pairs, homes, assessed, options)
}
