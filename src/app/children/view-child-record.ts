import { loadCareRecord } from '../../db/repositories/care-record-repository.ts'
import {
  loadTeams,
  loadUsers,
  type TeamSummary,
  type UserSummary,
} from '../../db/repositories/organisation-repository.ts'
import { careRecordWarnings } from '../../domain/children/care-record-rules.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

export interface ChildRecordView {
  readonly record: CareRecord
  readonly team: TeamSummary | null
  /** Staff named on the record (allocated worker, IRO, review chairs, allocation history). */
  readonly staff: readonly UserSummary[]
  readonly warnings: ReturnType<typeof careRecordWarnings>
}

/**
 * Opens a child's record (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the record with the people and staff it names
 */
export async function viewChildRecord(op: Operation, childId: string): Promise<ChildRecordView> {
  await authoriseChild(op, childId, 'child:view')
  return loadChildRecordView(op, childId)
}

/**
 * {@link viewChildRecord} without the authorisation, for a use case that has just authorised the view itself.
 * @param op - the operation (authorised to view the child)
 * @param childId - the child
 * @returns the record with the people and staff it names
 */
export async function loadChildRecordView(op: Operation, childId: string): Promise<ChildRecordView> {
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const staffIds = new Set<string>()
  for (const id of [record.child.allocatedWorkerId, record.child.allocatedIroId]) {
    if (id) {
      staffIds.add(id)
    }
  }
  record.allocations.forEach(a => staffIds.add(a.workerId))
  record.reviews.forEach(r => r.chairedById && staffIds.add(r.chairedById))
  const [team] = record.child.teamId ? await loadTeams(op.tx, [record.child.teamId]) : []
  return {
    record,
    team: team ?? null,
    staff: await loadUsers(op.tx, [...staffIds]),
    warnings: careRecordWarnings(record),
  }
}
