/**
 * Loading a panel request about a child (not found when it is about other children only).
 */
import { loadPanelRequest, type StoredPanelRequest } from '../../db/repositories/panels-repository.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * A panel request about a child.
 * @param op - the operation
 * @param childId - the child
 * @param requestId - the request
 * @returns the stored request
 */
export async function loadChildPanelRequest(
  op: Operation,
  childId: string,
  requestId: string,
): Promise<StoredPanelRequest> {
  const stored = await loadPanelRequest(op.tx, requestId)
  if (!stored || !stored.request.childIds.includes(childId)) {
    throw new NotFoundError('Panel request')
  }
  return stored
}
