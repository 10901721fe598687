import { setChangeReason } from '../../db/client.ts'
import { endPanelAssignments, updatePanelRequest } from '../../db/repositories/panels-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { decidePanelRequest as decide } from '../../domain/panels/panel-request.ts'
import type { PanelDecisionInput } from '../../domain/panels/panel-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { authoriseMeetingChildren } from '../meetings/meeting-support.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf, rowVersionAfter } from '../plans/plan-support.ts'
import { planningSettingsFor } from '../plans/planning-settings.ts'
import { loadChildPanelRequest } from './panel-request-support.ts'

/**
 * Records the decision on a submitted or deferred panel request: the panel's (recorded by a panel member) or, for a
 * request below the threshold routed to a manager, the team manager's. Reasons always; conditions when approved
 * with conditions; a return date when deferred. Every decision is kept, in order (docs/adr/0028).
 * @param op - the operation
 * @param childId - the child the request is about
 * @param requestId - the request
 * @param expectedRowVersion - the row version the user saw
 * @param input - the decision
 * @returns the new row version and status
 */
export async function decidePanelRequest(
  op: Operation,
  childId: string,
  requestId: string,
  expectedRowVersion: number,
  input: PanelDecisionInput,
): Promise<{ rowVersion: number; status: string }> {
  const stored = await loadChildPanelRequest(op, childId, requestId, 'decision:record')
  await authoriseMeetingChildren(op, childId, stored.request.childIds, 'decision:record')
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const settings = await planningSettingsFor(op)
  const { request, event } = orRefuse(decide(stored.request, input, planActor(op), op.today, settings.panel))
  await setChangeReason(op.tx, input.reasons)
  const rowVersion = rowVersionAfter(
    await updatePanelRequest(op.tx, planningContextOf(op), request, expectedRowVersion),
    expectedRowVersion,
    'Panel request',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  if (request.status === 'decided') {
    await endPanelAssignments(op.tx, planningContextOf(op), request.id)
  }
  await afterPlanningChange(op, request.childIds)
  op.addAuditDetail('outcome', input.outcome)
  return { rowVersion, status: request.status }
}
