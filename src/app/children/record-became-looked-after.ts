import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertFact, loadCareRecord, loadPeople } from '../../db/repositories/care-record-repository.ts'
import type { BecameLookedAfter } from '../../domain/children/care-record-inputs.ts'
import {
  isLookedAfterOn,
  type CareRecord,
  type LegalStatusSpell,
  type PeriodOfCare,
  type Placement,
} from '../../domain/children/care-record.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Records the child becoming looked after: a new period of care with its legal status and first placement, all in
 * one transaction (a period of care never exists without them; SSDA903 RNE "S").
 * @param op - the operation
 * @param childId - the child
 * @param input - the start date, legal status, category of need and placement
 * @returns the ids of the period, legal status and placement
 */
export async function recordBecameLookedAfter(
  op: Operation,
  childId: string,
  input: BecameLookedAfter,
): Promise<{ periodOfCareId: string; legalStatusId: string; placementId: string }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  if (isLookedAfterOn(record, input.startedOn)) {
    throw new RuleViolationError([domainError('already-looked-after', ['startedOn'])])
  }
  const carers = input.placement.carerPersonId ? await loadPeople(op.tx, [input.placement.carerPersonId]) : []
  if (input.placement.carerPersonId && carers.length === 0) {
    throw new RuleViolationError([domainError('person-not-found', ['placement', 'carerPersonId'])])
  }
  const period: PeriodOfCare = {
    id: randomUUID(),
    version: 1,
    startedOn: input.startedOn,
    endedOn: null,
    reasonEnded: null,
    categoryOfNeed: input.categoryOfNeed,
    previousPermanence: input.previousPermanence,
  }
  const status: LegalStatusSpell = {
    id: randomUUID(),
    version: 1,
    status: input.legalStatus,
    startedOn: input.startedOn,
    endedOn: null,
  }
  const placement: Placement = {
    id: randomUUID(),
    version: 1,
    ...input.placement,
    startedOn: input.startedOn,
    endedOn: null,
    reasonEnded: null,
  }
  const changed: CareRecord = {
    ...record,
    people: [...record.people, ...carers.filter(c => !record.people.some(p => p.id === c.id))],
    periodsOfCare: [...record.periodsOfCare, period],
    legalStatuses: [...record.legalStatuses, status],
    placements: [...record.placements, placement],
  }
  assertCareRecordValid(op, changed, { kind: 'periods-of-care', id: period.id })
  await setChangeReason(op.tx, 'Became looked after')
  const context = writeContextOf(op)
  await insertFact(op.tx, context, 'periods-of-care', childId, { ...period })
  await insertFact(op.tx, context, 'legal-statuses', childId, { ...status })
  await insertFact(op.tx, context, 'placements', childId, { ...placement })
  await afterCareRecordChange(op, childId)
  return { periodOfCareId: period.id, legalStatusId: status.id, placementId: placement.id }
}
