import { setChangeReason } from '../../db/client.ts'
import { childOfNetworkRow, voidNetworkRow } from '../../db/repositories/network-repository.ts'
import type { NetworkKind } from '../../domain/network/network-inputs.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { versionAfter } from '../children/care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'
import { writerOf } from './network-support.ts'

/**
 * Voids a network record recorded in error: it stays in the history, with who, when and why, and stops counting.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version the user saw
 * @param reason - why
 * @returns the new version
 */
export async function voidNetworkRecord(
  op: Operation,
  childId: string,
  kind: NetworkKind,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  if ((await childOfNetworkRow(op.tx, kind, id)) !== childId) {
    throw new NotFoundError('Record')
  }
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await voidNetworkRow(op.tx, writerOf(op), kind, id, expectedVersion, reason),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('record', kind)
  await afterCareRecordChange(op, childId)
  return { version }
}
