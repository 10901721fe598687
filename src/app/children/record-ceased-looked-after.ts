import { setChangeReason } from '../../db/client.ts'
import { loadCareRecord, updateFact } from '../../db/repositories/care-record-repository.ts'
import type { CeasedLookedAfter } from '../../domain/children/care-record-inputs.ts'
import { periodOfCareOn, type CareRecord } from '../../domain/children/care-record.ts'
import { addCalendarDays } from '../../domain/shared/calendar-day.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Records the child ceasing to be looked after: the period of care, its legal status and its placement all end on
 * the same day (the first day the child is no longer looked after), in one transaction.
 * @param op - the operation
 * @param childId - the child
 * @param input - the date and the reasons
 * @returns the period of care that ended
 */
export async function recordCeasedLookedAfter(
  op: Operation,
  childId: string,
  input: CeasedLookedAfter,
): Promise<{ periodOfCareId: string }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  // The period must be open on the day before the end date (the end date itself is the first day away).
  const period = periodOfCareOn(record, addCalendarDays(input.endedOn, -1))
  if (!period || period.endedOn !== null) {
    throw new RuleViolationError([domainError('not-looked-after', ['endedOn'])])
  }
  const openStatuses = record.legalStatuses.filter(s => s.endedOn === null && s.startedOn >= period.startedOn)
  const openPlacements = record.placements.filter(p => p.endedOn === null && p.startedOn >= period.startedOn)
  const changed: CareRecord = {
    ...record,
    periodsOfCare: record.periodsOfCare.map(p =>
      p.id === period.id ? { ...p, endedOn: input.endedOn, reasonEnded: input.reasonEnded } : p,
    ),
    legalStatuses: record.legalStatuses.map(s => (openStatuses.includes(s) ? { ...s, endedOn: input.endedOn } : s)),
    placements: record.placements.map(p =>
      openPlacements.includes(p) ? { ...p, endedOn: input.endedOn, reasonEnded: input.placementReasonEnded } : p,
    ),
  }
  assertCareRecordValid(op, changed, { kind: 'periods-of-care', id: period.id })
  await setChangeReason(op.tx, 'Ceased to be looked after')
  const context = writeContextOf(op)
  versionAfter(
    await updateFact(op.tx, context, 'periods-of-care', period.id, period.version, {
      endedOn: input.endedOn,
      reasonEnded: input.reasonEnded,
    }),
    period.version,
    'Period of care',
  )
  for (const status of openStatuses) {
    versionAfter(
      await updateFact(op.tx, context, 'legal-statuses', status.id, status.version, { endedOn: input.endedOn }),
      status.version,
      'Legal status',
    )
  }
  for (const placement of openPlacements) {
    versionAfter(
      await updateFact(op.tx, context, 'placements', placement.id, placement.version, {
        endedOn: input.endedOn,
        reasonEnded: input.placementReasonEnded,
      }),
      placement.version,
      'Placement',
    )
  }
  await afterCareRecordChange(op, childId)
  return { periodOfCareId: period.id }
}
