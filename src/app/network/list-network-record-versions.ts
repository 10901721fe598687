import { listRecordVersions, type RecordVersion } from '../../db/repositories/care-record-repository.ts'
import { childOfNetworkRow, NETWORK_TABLE_NAMES } from '../../db/repositories/network-repository.ts'
import type { NetworkKind } from '../../domain/network/network-inputs.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * Every version of a network record: who changed it, when and why.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @returns the versions, oldest first
 */
export async function listNetworkRecordVersions(
  op: Operation,
  childId: string,
  kind: NetworkKind,
  id: string,
): Promise<RecordVersion[]> {
  await authoriseChild(op, childId, 'child:view')
  if ((await childOfNetworkRow(op.tx, kind, id)) !== childId) {
    throw new NotFoundError('Record')
  }
  op.addAuditDetail('record', kind)
  return listRecordVersions(op.tx, NETWORK_TABLE_NAMES[kind], id)
}
