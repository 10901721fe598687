/**
 * What the SSDA903 return needs of the demo authorities beyond their care records (issue 8: "the demo authority's
 * export has no validation failures"): whether each girl is a mother (rule 393), the adoption decision, match and
 * adopters of every child placed for adoption or adopted (rules 601 and PlacedAdoption), and a 903 social worker
 * identifier for every demo worker (SW02STG1). Derived from the generated records, not from the random stream, so the
 * demo data is otherwise unchanged.
 */
import type { Tx } from '../../db/client.ts'
import type { WriteContext } from '../../db/repositories/care-record-repository.ts'
import { ensureSocialWorkerRefs, insertRows, returnFactsToRows } from '../../db/repositories/returns-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { isPlacedForAdoption } from '../../domain/children/codes.ts'
import { EMPTY_RETURN_DETAILS, type AdoptionJourney, type ReturnDetails } from '../../domain/returns/return-facts.ts'
import { uuidV5 } from '../../domain/returns/stable-id.ts'
import { addCalendarDays, maxCalendarDay, minCalendarDay } from '../../domain/shared/calendar-day.ts'
import type { DemoChild } from '../demo/generate-demo-authority.ts'

/** Random-layout (version 4) ids made from a name, so the demo stays deterministic and is never taken for imported. */
function demoId(name: string): string {
  const id = uuidV5(`permanence-demo|${name}`)
  return `${id.slice(0, 14)}4${id.slice(15)}`
}

/**
 * A demo child's return details.
 * @param child - the generated child
 * @returns the details
 */
export function demoReturnDetails(child: DemoChild): ReturnDetails {
  const { record } = child
  const journeys: AdoptionJourney[] = []
  const order = record.legalStatuses.find(spell => spell.status === 'placement-order')
  const placed = record.placements.find(placement => isPlacedForAdoption(placement.placementType))
  const period = record.periodsOfCare[0]
  if ((child.journey === 'adopted' || child.journey === 'adoption-placed') && order && placed && period) {
    // The agency decision maker decides before the placement order is applied for; the match comes before the move.
    const decidedOn = maxCalendarDay(addCalendarDays(order.startedOn, -45), addCalendarDays(period.startedOn, 1))
    journeys.push({
      id: demoId(`${record.child.id}|adoption`),
      decidedOn,
      decisionCeasedOn: null,
      decisionCeasedReason: null,
      placementOrderOn: null,
      matchedOn: maxCalendarDay(minCalendarDay(addCalendarDays(placed.startedOn, -28), placed.startedOn), decidedOn),
      placedOn: null,
      adoptionOrderOn: null,
      fosteringForAdoptionOn: null,
      adopters: { count: 2, sexes: 'male-and-female', legalStatus: 'married-different-sex' },
      isAdoptedByFosterCarers: false,
      familyId: null,
    })
  }
  return {
    ...EMPTY_RETURN_DETAILS,
    isMother: record.child.sex === 'female' ? false : null,
    adoptionJourneys: journeys,
  }
}

/**
 * The record with the return's child-level columns on it, for `insertCareRecords` (which stores every column it is
 * given): MOTHER, MC_DOB and the UASC ceased date.
 * @param record - the care record
 * @param details - its return details
 * @returns the record to insert
 */
export function withReturnColumns(record: CareRecord, details: ReturnDetails): CareRecord {
  const child = {
    ...record.child,
    isMother: details.isMother,
    firstChildBornOn: details.firstChildBornOn,
    uascCeasedOn: details.uascCeasedOn,
  }
  return { ...record, child: child }
}

/**
 * Stores the demo's return details that live in their own tables, and a 903 SW_ID for each worker, in the seeding
 * transaction.
 * @param tx - the transaction
 * @param context - who and when
 * @param children - each child's record and details
 * @param workerIds - the social workers children are allocated to
 */
export async function storeDemoReturnDetails(
  tx: Tx,
  context: WriteContext,
  children: readonly { readonly record: CareRecord; readonly returnDetails: ReturnDetails }[],
  workerIds: readonly string[],
): Promise<void> {
  const journeys = children.flatMap(
    child =>
      returnFactsToRows({ ...child.record, returnDetails: child.returnDetails }, () => '').tables['adoption-journeys'],
  )
  await insertRows(tx, context, 'adoption-journeys', journeys)
  await ensureSocialWorkerRefs(
    tx,
    context.authorityId,
    [...new Set(workerIds)].map((userId, index) => ({
      userId,
      socialWorkerRef: `SW${String(index + 1).padStart(6, '0')}`,
    })),
  )
}
