import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertFact, loadCareRecord, updateFact } from '../../db/repositories/care-record-repository.ts'
import type { LegalStatusChange } from '../../domain/children/care-record-inputs.ts'
import { legalStatusOn, type CareRecord, type LegalStatusSpell } from '../../domain/children/care-record.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Records a change of legal status (an interim care order replacing section 20, a care order at the end of
 * proceedings …): the current status ends that day and the new one starts, in one transaction.
 * @param op - the operation
 * @param childId - the child
 * @param input - the date and the new status
 * @returns the new status's id
 */
export async function recordLegalStatusChange(
  op: Operation,
  childId: string,
  input: LegalStatusChange,
): Promise<{ legalStatusId: string }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const current = legalStatusOn(record, input.changedOn)
  if (!current || current.startedOn === input.changedOn) {
    throw new RuleViolationError([domainError('not-looked-after', ['changedOn'])])
  }
  if (current.status === input.status) {
    throw new RuleViolationError([domainError('same-legal-status', ['status'])])
  }
  const next: LegalStatusSpell = {
    id: randomUUID(),
    version: 1,
    status: input.status,
    startedOn: input.changedOn,
    endedOn: current.endedOn,
  }
  const changed: CareRecord = {
    ...record,
    legalStatuses: [
      ...record.legalStatuses.map(s => (s.id === current.id ? { ...s, endedOn: input.changedOn } : s)),
      next,
    ],
  }
  assertCareRecordValid(op, changed, { kind: 'legal-statuses', id: next.id })
  await setChangeReason(op.tx, 'Legal status changed')
  const context = writeContextOf(op)
  versionAfter(
    await updateFact(op.tx, context, 'legal-statuses', current.id, current.version, { endedOn: input.changedOn }),
    current.version,
    'Legal status',
  )
  await insertFact(op.tx, context, 'legal-statuses', childId, { ...next })
  await afterCareRecordChange(op, childId)
  return { legalStatusId: next.id }
}
