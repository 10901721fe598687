import { setChangeReason } from '../../db/client.ts'
import { childOfNetworkRow, updateNetworkRow } from '../../db/repositories/network-repository.ts'
import type { NetworkCreate, NetworkKind, NetworkUpdate } from '../../domain/network/network-inputs.ts'
import { checkNetworkRecord } from '../../domain/network/network-rules.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { versionAfter } from '../children/care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'
import { careRecordOf, ruleContextOf, writerOf } from './network-support.ts'

/**
 * Corrects a network record: a new version with who, when and why, checked against the rules again.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version the user saw
 * @param input - every field again, and the reason for the change
 * @returns the new version
 */
export async function changeNetworkRecord<K extends NetworkKind>(
  op: Operation,
  childId: string,
  kind: K,
  id: string,
  expectedVersion: number,
  input: NetworkUpdate<K>,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  if ((await childOfNetworkRow(op.tx, kind, id)) !== childId) {
    throw new NotFoundError('Record')
  }
  const record = await careRecordOf(op, childId)
  const { reason, changeReason, ...values } = input as Record<string, unknown> & {
    reason?: string
    changeReason?: string
  }
  // A suspension's own reason is a field; the reason for correcting it is `changeReason`.
  const why = kind === 'family-time-suspensions' ? changeReason! : reason!
  const fields = kind === 'family-time-suspensions' ? { ...values, reason } : values
  const errors = checkNetworkRecord(kind, fields as NetworkCreate<K>, await ruleContextOf(op, record))
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  await setChangeReason(op.tx, why)
  const version = versionAfter(
    await updateNetworkRow(op.tx, writerOf(op), kind, id, expectedVersion, fields),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('record', kind)
  await afterCareRecordChange(op, childId)
  return { version }
}
