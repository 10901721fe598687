/**
 * Recording the return details a child's SSDA903 return needs beyond the care record (issue 8 §3): missing episodes,
 * OC2 health outcomes, OC3 care leaver outcomes and deprivation of liberty orders. Each is added, corrected (a new
 * version with who, when and why) or voided (kept in the history), checked against its rules as it is recorded
 * (return-detail-rules.ts); the child is authorised first.
 */
import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { listRecordVersions, loadCareRecord, type RecordVersion } from '../../db/repositories/care-record-repository.ts'
import {
  childOfReturnDetailRow,
  insertReturnDetailRow,
  loadReturnDetailRows,
  returnDetailTableName,
  updateReturnDetailRow,
  voidReturnDetailRow,
  type ReturnDetailRow,
} from '../../db/repositories/return-details-repository.ts'
import type {
  ReturnDetailCreate,
  ReturnDetailKind,
  ReturnDetailUpdate,
} from '../../domain/returns/return-detail-inputs.ts'
import { checkReturnDetail } from '../../domain/returns/return-detail-rules.ts'
import { ConflictError, NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { findPostgresError, SQLSTATE } from '../../db/errors.ts'
import { domainError } from '../../domain/shared/result.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { versionAfter, writeContextOf } from '../children/care-record-checks.ts'

/** OC2 and OC3 are one per child per collection year. */
const isPerYear = (kind: ReturnDetailKind) => kind === 'health-outcomes' || kind === 'care-leaver-outcomes'

async function check<K extends ReturnDetailKind>(
  op: Operation,
  childId: string,
  kind: K,
  input: ReturnDetailCreate<K>,
  exceptId: string | undefined,
): Promise<void> {
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const others = isPerYear(kind)
    ? (await loadReturnDetailRows(op.tx, kind, childId)).filter(row => row.id !== exceptId)
    : []
  const errors = checkReturnDetail(kind, input, {
    today: op.today,
    periodsOfCare: record.periodsOfCare,
    takenYears: new Set(others.map(row => row.collectionYear as number)),
  })
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
}

/**
 * Runs a write that the database's unique index on (child, collection year) guards for OC2 and OC3: if another
 * request recorded the same year between the check and the write, the index refuses it, and the user is told as the
 * check would have told them (409, the field named).
 * @param kind - the kind of record
 * @param write - the insert or update
 * @returns what the write returns
 */
async function yearTakenMeanwhile<T>(kind: ReturnDetailKind, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isPerYear(kind) && findPostgresError(error)?.code === SQLSTATE.uniqueViolation) {
      const code = kind === 'health-outcomes' ? 'oc2-year-taken' : 'oc3-year-taken'
      throw new ConflictError([domainError(code, ['collectionYear'])])
    }
    throw error
  }
}

async function ownRecord(op: Operation, childId: string, kind: ReturnDetailKind, id: string): Promise<void> {
  if ((await childOfReturnDetailRow(op.tx, kind, id)) !== childId) {
    throw new NotFoundError('Record')
  }
}

/**
 * Records a return detail for the child.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind of record
 * @param input - the parsed record
 * @returns the new record's id and version
 */
export async function addReturnDetail<K extends ReturnDetailKind>(
  op: Operation,
  childId: string,
  kind: K,
  input: ReturnDetailCreate<K>,
): Promise<{ id: string; version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  await check(op, childId, kind, input, undefined)
  const id = randomUUID()
  await setChangeReason(op.tx, 'Recorded')
  await yearTakenMeanwhile(kind, () =>
    insertReturnDetailRow(op.tx, writeContextOf(op), kind, {
      ...(input as Record<string, unknown>),
      id,
      childId,
    }),
  )
  op.addAuditDetail('record', kind)
  return { id, version: 1 }
}

/**
 * Corrects a return detail: a new version with who, when and why, checked against the rules again.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version the user saw
 * @param input - every field again, and the reason for the change
 * @returns the new version
 */
export async function changeReturnDetail<K extends ReturnDetailKind>(
  op: Operation,
  childId: string,
  kind: K,
  id: string,
  expectedVersion: number,
  input: ReturnDetailUpdate<K>,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  await ownRecord(op, childId, kind, id)
  const { reason, ...values } = input as Record<string, unknown> & { reason: string }
  await check(op, childId, kind, values as ReturnDetailCreate<K>, id)
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await yearTakenMeanwhile(kind, () =>
      updateReturnDetailRow(op.tx, writeContextOf(op), kind, id, expectedVersion, values),
    ),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('record', kind)
  return { version }
}

/**
 * Voids a return detail recorded in error: it stays in the history, with who, when and why, and leaves the return.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version the user saw
 * @param reason - why
 * @returns the new version
 */
export async function voidReturnDetail(
  op: Operation,
  childId: string,
  kind: ReturnDetailKind,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  await ownRecord(op, childId, kind, id)
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await voidReturnDetailRow(op.tx, writeContextOf(op), kind, id, expectedVersion, reason),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('record', kind)
  return { version }
}

/**
 * The child's current records of one kind.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @returns the records, oldest first, each with its id and version
 */
export async function listReturnDetails(
  op: Operation,
  childId: string,
  kind: ReturnDetailKind,
): Promise<ReturnDetailRow[]> {
  await authoriseChild(op, childId, 'child:view')
  op.addAuditDetail('record', kind)
  return loadReturnDetailRows(op.tx, kind, childId)
}

/**
 * Every version of a return detail: who changed it, when and why.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind
 * @param id - the record
 * @returns the versions, oldest first
 */
export async function listReturnDetailVersions(
  op: Operation,
  childId: string,
  kind: ReturnDetailKind,
  id: string,
): Promise<RecordVersion[]> {
  await authoriseChild(op, childId, 'child:view')
  await ownRecord(op, childId, kind, id)
  op.addAuditDetail('record', kind)
  return listRecordVersions(op.tx, returnDetailTableName(kind), id)
}
