import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertNetworkRow } from '../../db/repositories/network-repository.ts'
import type { NetworkCreate, NetworkKind } from '../../domain/network/network-inputs.ts'
import { checkNetworkRecord } from '../../domain/network/network-rules.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'
import { careRecordOf, ruleContextOf, writerOf } from './network-support.ts'

/**
 * Records something in the child's network: a family network meeting, an assessment, an SGO notice, a
 * Together-or-Apart assessment, a family time plan, session or suspension, or a piece of life story work. Checked
 * against the network's rules, then the child's due dates are recomputed in the same transaction.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind of record
 * @param input - the parsed record
 * @returns the new record's id and version
 */
export async function addNetworkRecord<K extends NetworkKind>(
  op: Operation,
  childId: string,
  kind: K,
  input: NetworkCreate<K>,
): Promise<{ id: string; version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await careRecordOf(op, childId)
  const errors = checkNetworkRecord(kind, input, await ruleContextOf(op, record))
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const id = randomUUID()
  await setChangeReason(op.tx, 'Recorded')
  await insertNetworkRow(op.tx, writerOf(op), kind, childId, { ...(input as Record<string, unknown>), id })
  op.addAuditDetail('record', kind)
  await afterCareRecordChange(op, childId)
  return { id, version: 1 }
}
