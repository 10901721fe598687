import {
  listAdmDecisions,
  listPanelRequests,
  type StoredPanelRequest,
} from '../../db/repositories/panels-repository.ts'
import type { AdmDecision } from '../../domain/panels/adm-decision.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * A child's panel requests (with every decision) and the agency decision maker's decisions (audited as a view of
 * the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the requests and decisions
 */
export async function listChildPanelRequests(
  op: Operation,
  childId: string,
): Promise<{ panelRequests: StoredPanelRequest[]; admDecisions: AdmDecision[] }> {
  await authoriseChild(op, childId, 'child:view')
  return {
    panelRequests: await listPanelRequests(op.tx, childId),
    admDecisions: await listAdmDecisions(op.tx, childId),
  }
}
