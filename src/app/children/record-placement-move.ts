import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertFact, loadCareRecord, loadPeople, updateFact } from '../../db/repositories/care-record-repository.ts'
import type { PlacementMove } from '../../domain/children/care-record-inputs.ts'
import { placementOn, type CareRecord, type Placement } from '../../domain/children/care-record.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Records a move: the placement the child is in ends on the day of the move and the new one starts that day, in one
 * transaction (SSDA903: the ceasing episode carries the reason for the change).
 * @param op - the operation
 * @param childId - the child
 * @param input - the date, the reason the old placement ended, and the new placement
 * @returns the new placement's id
 */
export async function recordPlacementMove(
  op: Operation,
  childId: string,
  input: PlacementMove,
): Promise<{ placementId: string }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const current = placementOn(record, input.movedOn)
  if (!current || current.startedOn === input.movedOn) {
    throw new RuleViolationError([domainError('no-current-placement', ['movedOn'])])
  }
  const carers = input.placement.carerPersonId ? await loadPeople(op.tx, [input.placement.carerPersonId]) : []
  if (input.placement.carerPersonId && carers.length === 0) {
    throw new RuleViolationError([domainError('person-not-found', ['placement', 'carerPersonId'])])
  }
  const next: Placement = {
    id: randomUUID(),
    version: 1,
    ...input.placement,
    startedOn: input.movedOn,
    endedOn: current.endedOn,
    reasonEnded: current.reasonEnded,
  }
  const changed: CareRecord = {
    ...record,
    people: [...record.people, ...carers.filter(c => !record.people.some(p => p.id === c.id))],
    placements: [
      ...record.placements.map(p =>
        p.id === current.id ? { ...p, endedOn: input.movedOn, reasonEnded: input.reasonEnded } : p,
      ),
      next,
    ],
  }
  assertCareRecordValid(op, changed, { kind: 'placements', id: next.id })
  await setChangeReason(op.tx, 'Placement move')
  const context = writeContextOf(op)
  versionAfter(
    await updateFact(op.tx, context, 'placements', current.id, current.version, {
      endedOn: input.movedOn,
      reasonEnded: input.reasonEnded,
    }),
    current.version,
    'Placement',
  )
  await insertFact(op.tx, context, 'placements', childId, { ...next })
  await afterCareRecordChange(op, childId)
  return { placementId: next.id }
}
