import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import {
  insertFact,
  isCaseNumberTaken,
  loadCareRecord,
  updateChild,
  updateFact,
} from '../../db/repositories/care-record-repository.ts'
import type { ChildUpdate } from '../../domain/children/care-record-inputs.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { checkAllocationReferences } from './check-references.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Changes a child's details, keeping the earlier version. A change of allocated social worker also closes the
 * current allocation and opens the next, so the allocation history (SSDA903 social worker episodes) stays whole.
 * @param op - the operation
 * @param childId - the child
 * @param expectedVersion - the version the user saw
 * @param input - the changed fields and the reason
 * @returns the new version
 */
export async function updateChildDetails(
  op: Operation,
  childId: string,
  expectedVersion: number,
  input: ChildUpdate,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const { reason, ...changes } = input
  const errors = await checkAllocationReferences(op, changes)
  if (changes.localCaseNumber && (await isCaseNumberTaken(op.tx, changes.localCaseNumber, childId))) {
    errors.push(domainError('case-number-taken', ['localCaseNumber']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const changed: CareRecord = {
    ...record,
    child: {
      ...record.child,
      ...changes,
      dateOfDeathOn: (changes.dateOfDeathOn ?? record.child.dateOfDeathOn) as CalendarDay | null,
    },
  }
  assertCareRecordValid(op, changed, { kind: 'child', id: childId })
  await setChangeReason(op.tx, reason)
  const context = writeContextOf(op)
  const version = versionAfter(
    await updateChild(op.tx, context, childId, expectedVersion, changes as Parameters<typeof updateChild>[4]),
    expectedVersion,
    'Child',
  )
  const newWorker = changes.allocatedWorkerId
  if (newWorker !== undefined && newWorker !== record.child.allocatedWorkerId) {
    const current = record.allocations.find(a => a.endedOn === null)
    if (current) {
      versionAfter(
        await updateFact(op.tx, context, 'allocations', current.id, current.version, {
          endedOn: op.today,
          reasonEnded: reason,
        }),
        current.version,
        'Allocation',
      )
    }
    if (newWorker) {
      await insertFact(op.tx, context, 'allocations', childId, {
        id: randomUUID(),
        workerId: newWorker,
        teamId: changes.teamId ?? record.child.teamId,
        startedOn: op.today,
        endedOn: null,
        reasonEnded: null,
      })
    }
  }
  op.addAuditDetail('fields', Object.keys(changes))
  await afterCareRecordChange(op, childId)
  return { version }
}
