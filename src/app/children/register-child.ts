import { randomUUID } from 'node:crypto'
import { insertChild, insertFact, isCaseNumberTaken } from '../../db/repositories/care-record-repository.ts'
import { setChangeReason } from '../../db/client.ts'
import type { ChildCreate } from '../../domain/children/care-record-inputs.ts'
import type { CareRecord, ChildDetails } from '../../domain/children/care-record.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, writeContextOf } from './care-record-checks.ts'
import { checkAllocationReferences } from './check-references.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Registers a child: their details, team and allocated worker (with the allocation's start today).
 * @param op - the operation
 * @param input - the parsed registration
 * @returns the new child's id and version
 */
export async function registerChild(op: Operation, input: ChildCreate): Promise<{ childId: string; version: number }> {
  authoriseAuthority(op, 'child:create')
  const errors = await checkAllocationReferences(op, input)
  if (await isCaseNumberTaken(op.tx, input.localCaseNumber)) {
    errors.push(domainError('case-number-taken', ['localCaseNumber']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const childId = randomUUID()
  op.concernsChild(childId)
  const child: ChildDetails = {
    ...input,
    id: childId,
    version: 1,
    dateOfDeathOn: null,
    sensitivity: 'normal',
    restrictionCategory: null,
    restrictionOwnerId: null,
    restrictionReviewOn: null,
    restrictionPermittedUserIds: [],
  }
  const record: CareRecord = {
    child,
    periodsOfCare: [],
    legalStatuses: [],
    placements: [],
    reviews: [],
    proceedings: [],
    orders: [],
    relationships: [],
    people: [],
    siblings: [],
    allocations: [],
    livingArrangements: [],
    events: [],
  }
  assertCareRecordValid(op, record, { kind: 'child', id: childId })
  await setChangeReason(op.tx, 'Child registered')
  const context = writeContextOf(op)
  await insertChild(op.tx, context, child)
  if (input.allocatedWorkerId) {
    await insertFact(op.tx, context, 'allocations', childId, {
      id: randomUUID(),
      workerId: input.allocatedWorkerId,
      teamId: input.teamId,
      startedOn: op.today,
      endedOn: null,
      reasonEnded: null,
    })
  }
  await afterCareRecordChange(op, childId)
  return { childId, version: 1 }
}
