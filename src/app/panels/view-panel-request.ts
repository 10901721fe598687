import type { StoredPanelRequest } from '../../db/repositories/panels-repository.ts'
import type { Operation } from '../shared/run-operation.ts'
import { loadChildPanelRequest } from './panel-request-support.ts'

/**
 * One panel request about a child, with every decision on it (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @param requestId - the request
 * @returns the request
 */
export async function viewPanelRequest(op: Operation, childId: string, requestId: string): Promise<StoredPanelRequest> {
  return loadChildPanelRequest(op, childId, requestId, 'child:view')
}
