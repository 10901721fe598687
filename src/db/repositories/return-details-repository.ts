/**
 * Reads and writes the return details recorded through the API (issue 8 §3): missing episodes, OC2 and OC3
 * outcomes and deprivation of liberty orders, in the return tables the import writes (RETURN_TABLES). Like the
 * network's records: every correction moves a row to its next version (the database keeps each version in
 * record_versions), "delete" is a void with a reason, and every write is conditional on the version the user saw.
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { PgColumn, PgTableWithColumns, TableConfig } from 'drizzle-orm/pg-core'
import type { ReturnDetailKind } from '../../domain/returns/return-detail-inputs.ts'
import type { Tx } from '../client.ts'
import type { UpdateOutcome, WriteContext } from './care-record-repository.ts'
import { insertRows, META_COLUMNS, RETURN_TABLES, type Row } from './returns-repository.ts'

type Table = PgTableWithColumns<TableConfig> & {
  id: PgColumn
  version: PgColumn
  voidedAt: PgColumn
  childId: PgColumn
  createdAt: PgColumn
}

const tableOf = (kind: ReturnDetailKind) => RETURN_TABLES[kind] as unknown as Table

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
  const table = tableOf(kind)
  const rows = await tx
    .select()
    .from(table)
    .where(and(eq(table.childId, childId), isNull(table.voidedAt)))
    .orderBy(asc(table.createdAt), asc(table.id))
  return (rows as Record<string, unknown>[]).map(strip)
}

/**
 * The child a record belongs to (voided records too), or undefined.
 * @param tx - the transaction
 * @param kind - the kind
 * @param id - the record
 * @returns the child's id
 */
export async function childOfReturnDetailRow(tx: Tx, kind: ReturnDetailKind, id: string): Promise<string | undefined> {
  const table = tableOf(kind)
  const [row] = (await tx.select({ childId: table.childId }).from(table).where(eq(table.id, id))) as {
    childId: string
  }[]
  return row?.childId
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

async function conditionalUpdate(
  tx: Tx,
  kind: ReturnDetailKind,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  const table = tableOf(kind)
  const updated = (await tx
    .update(table)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(table.id, id), eq(table.version, expectedVersion), isNull(table.voidedAt)))
    .returning({ version: table.version })) as { version: number }[]
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = (await tx
    .select({ version: table.version })
    .from(table)
    .where(and(eq(table.id, id), isNull(table.voidedAt)))) as { version: number }[]
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
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
  return conditionalUpdate(tx, kind, id, expectedVersion, {
    ...values,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
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
  return conditionalUpdate(tx, kind, id, expectedVersion, {
    voidedAt: context.now,
    voidedBy: context.userId,
    voidReason: reason,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}
