import { listChildAccess, type ChildAccessLogEntry } from '../../db/repositories/audit-repository.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * Who has opened, searched for or changed a child's record, newest first (security AUD-05).
 * @param op - the operation
 * @param childId - the child
 * @param limit - how many entries at most
 * @returns the entries
 */
export async function viewChildAccessLog(op: Operation, childId: string, limit = 100): Promise<ChildAccessLogEntry[]> {
  await authoriseChild(op, childId, 'audit:view-child-access')
  return listChildAccess(op.tx, childId, limit)
}
