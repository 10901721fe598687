/**
 * Loading a panel request about a child (not found when it is about other children only), and who hears it.
 */
import { listUsersWithRoles } from '../../db/repositories/organisation-repository.ts'
import {
  assignPanelMembers,
  loadPanelRequest,
  type StoredPanelRequest,
} from '../../db/repositories/panels-repository.ts'
import type { PanelRequest } from '../../domain/panels/panel-request.ts'
import { planningContextOf } from '../plans/plan-support.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import type { ChildAction } from '../../domain/access/policies.ts'

/**
 * A panel request about a child, the child authorised first (nothing about the request is read otherwise).
 * @param op - the operation
 * @param childId - the child
 * @param requestId - the request
 * @param action - what the user wants to do
 * @returns the stored request
 */
export async function loadChildPanelRequest(
  op: Operation,
  childId: string,
  requestId: string,
  action: ChildAction,
): Promise<StoredPanelRequest> {
  await authoriseChild(op, childId, action)
  const stored = await loadPanelRequest(op.tx, requestId)
  if (!stored || !stored.request.childIds.includes(childId)) {
    throw new NotFoundError('Panel request')
  }
  return stored
}

/**
 * When a request goes to the panel, the panel hears the case: every active panel member may see each child's record
 * (the access policy's "assigned" relationship) until the request is decided (docs/adr/0028). Nothing for a draft
 * or a request to a manager.
 * @param op - the operation
 * @param request - the request as stored
 */
export async function assignPanelToHear(op: Operation, request: PanelRequest): Promise<void> {
  if (request.status !== 'submitted' || request.route !== 'panel') {
    return
  }
  const members = await listUsersWithRoles(op.tx, ['panel-member'])
  await assignPanelMembers(
    op.tx,
    planningContextOf(op),
    request.childIds.flatMap(childId => members.map(member => ({ childId, userId: member.id, requestId: request.id }))),
  )
  op.addAuditDetail('panelMembersAssigned', members.length)
}
