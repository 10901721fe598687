import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertPanelRequests } from '../../db/repositories/panels-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { createPanelRequest as create, submitPanelRequest } from '../../domain/panels/panel-request.ts'
import type { PanelRequestInput } from '../../domain/panels/panel-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { assertSiblingGroup, authoriseChildFirst } from '../meetings/meeting-support.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { orRefuse, planActor, planningContextOf } from '../plans/plan-support.ts'
import { planningSettingsFor } from '../plans/planning-settings.ts'
import { assignPanelToHear } from './panel-request-support.ts'

/**
 * Makes a request to the permanence panel (or, below the authority's threshold, to a manager), as a draft or
 * submitted at once. A request that must go to panel — over the threshold (Devon: over £2,000, strictly) or for a
 * purpose that always goes — is refused a manager route (rules.md PP-09; docs/adr/0028).
 * @param op - the operation
 * @param childId - the child the request is about
 * @param input - the request, and whether to submit it now
 * @returns the request's id, status and row version
 */
export async function createPanelRequest(
  op: Operation,
  childId: string,
  input: PanelRequestInput & { readonly submit: boolean },
): Promise<{ requestId: string; status: string; rowVersion: number }> {
  const { submit, ...fields } = input
  const childIds = fields.childIds.length === 0 ? [childId] : fields.childIds
  await authoriseChildFirst(op, childId, childIds, 'plan:edit')
  await assertSiblingGroup(op, childId, childIds)
  const settings = await planningSettingsFor(op)
  const actor = planActor(op)
  let request = orRefuse(create({ ...fields, childIds, id: randomUUID() }, actor, op.today, settings.panel))
  const events = []
  if (submit) {
    const submitted = orRefuse(submitPanelRequest(request, actor, op.today, settings.panel))
    request = submitted.request
    events.push(submitted.event)
  }
  await setChangeReason(op.tx, 'Panel request made')
  await insertPanelRequests(op.tx, planningContextOf(op), [request])
  await insertDecisionEvents(op.tx, planningContextOf(op), events)
  await assignPanelToHear(op, request)
  await afterPlanningChange(op, childIds)
  op.addAuditDetail('purpose', request.purpose)
  return { requestId: request.id, status: request.status, rowVersion: 1 }
}
