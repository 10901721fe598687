import { randomUUID } from 'node:crypto'
import { insertAdmDecisions, listAdmDecisions } from '../../db/repositories/panels-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { recordAdmDecision as record } from '../../domain/panels/adm-decision.ts'
import type { AdmDecisionInput } from '../../domain/panels/panel-schemas.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { orRefuse, planActor, planningContextOf } from '../plans/plan-support.ts'

/**
 * Records an agency decision maker's decision about a child (should be placed for adoption, AAR 2005 reg 19; a
 * match, reg 33; fostering for adoption, CPPCR 2010 reg 25A; a long-term fostering match), with reasons. Immutable:
 * a change of mind is a new decision.
 * @param op - the operation
 * @param childId - the child
 * @param input - the decision (its child is the child in the address)
 * @returns the decision's id
 */
export async function recordAdmDecision(
  op: Operation,
  childId: string,
  input: Omit<AdmDecisionInput, 'childId'>,
): Promise<{ decisionId: string }> {
  await authoriseChild(op, childId, 'decision:record')
  const earlier = await listAdmDecisions(op.tx, childId)
  const { decision, event } = orRefuse(
    record({ ...input, childId, id: randomUUID() }, planActor(op), op.today, earlier),
  )
  await insertAdmDecisions(op.tx, planningContextOf(op), [decision])
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  await afterPlanningChange(op, [childId])
  op.addAuditDetail('kind', decision.kind)
  return { decisionId: decision.id }
}
