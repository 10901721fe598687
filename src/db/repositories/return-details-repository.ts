/**
 * Reads and writes the return details recorded through the API (issue 8 §3): missing episodes, OC2 and OC3
 * outcomes and deprivation of liberty orders, in the return tables the import writes (RETURN_TABLES). Like the
 * network's records: every correction moves a row to its next version (the database keeps each version in
 * record_versions), "delete" is a void with a reason, and every write is conditional on the version the user saw.
 */
import { getTableConfig } from 'drizzle-orm/pg-core'
import type { ReturnDetailKind } from '../../domain/returns/return-detail-inputs.ts'
import type { Tx } from '../client.ts'
import type { UpdateOutcome, WriteContext } from './care-record-repository.ts'
import {
  childOfRecord,
  loadChildRecordRows,
  updateChildRecord,
  voidChildRecord,
  type ChildRecordTable,
} from './child-record-rows.ts'
import { insertRows, META_COLUMNS, RETURN_TABLES, type Row } from './returns-repository.ts'

const tableOf = (kind: ReturnDetailKind) => RETURN_TABLES[kind] as unknown as ChildRecordTable

/**
 * The SQL name of a kind's table, as the version history names it.
 * @param kind - the kind
 * @returns the table name
 */
export const returnDetailTableName = (kind: ReturnDetailKind): string => getTableConfig(tableOf(kind)).name

/** A stored return detail: its fields, id and version (who and when stay in the history). */
export type ReturnDetailRow = { readonly id: string; readonly version: number; readonly childId: string } & Record<
  string,
  unknown
>

function strip(row: Record<string, unknown>): ReturnDetailRow {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key === 'version' || !META_COLUMNS.has(key)) {
      copy[key] = value
    }
  }
  return copy as ReturnDetailRow
}

/**
 * A child's current (not voided) records of one kind, oldest first.
 * @param tx - the transaction
 * @param kind - the kind
 * @param childId - the child
 * @returns the records
 */
export async function loadReturnDetailRows(
  tx: Tx,
  kind: ReturnDetailKind,
  childId: string,
): Promise<ReturnDetailRow[]> {
  return (await loadChildRecordRows(tx, tableOf(kind), [childId])).map(strip)
}

/**
 * The child a record belongs to (voided records too), or undefined.
 * @param tx - the transaction
 * @param kind - the kind
 * @param id - the record
 * @returns the child's id
 */
export async function childOfReturnDetailRow(tx: Tx, kind: ReturnDetailKind, id: string): Promise<string | undefined> {
  return childOfRecord(tx, tableOf(kind), id)
}

/**
 * Inserts a record (version 1), as the import does.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param row - the record, with its id and child
 */
export async function insertReturnDetailRow(
  tx: Tx,
  context: WriteContext,
  kind: ReturnDetailKind,
  row: Row & { readonly childId: string },
): Promise<void> {
  await insertRows(tx, context, kind, [row])
}

/**
 * Corrects a record, if still current and at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param values - the new values (every field)
 * @returns the outcome
 */
export async function updateReturnDetailRow(
  tx: Tx,
  context: WriteContext,
  kind: ReturnDetailKind,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  return updateChildRecord(tx, context, tableOf(kind), id, expectedVersion, values)
}

/**
 * Voids a record recorded in error: kept in the history with who, when and why.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param reason - why
 * @returns the outcome
 */
export async function voidReturnDetailRow(
  tx: Tx,
  context: WriteContext,
  kind: ReturnDetailKind,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<UpdateOutcome> {
  return voidChildRecord(tx, context, tableOf(kind), id, expectedVersion, reason)
}
