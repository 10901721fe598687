/**
 * Versioned records that belong to one child (the network's records, the return details recorded through the API):
 * read the current ones, find a record's child, and move a record to its next version — a correction, or a void with a
 * reason — only if it is still at the version the user saw. The database keeps every version in record_versions.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { PgColumn, PgTableWithColumns, TableConfig } from 'drizzle-orm/pg-core'
import type { Tx } from '../client.ts'
import type { UpdateOutcome } from './care-record-repository.ts'

/** A versioned table whose rows each belong to one child. */
export type ChildRecordTable = PgTableWithColumns<TableConfig> & {
  id: PgColumn
  version: PgColumn
  voidedAt: PgColumn
  childId: PgColumn
  createdAt: PgColumn
}

/**
 * The current (not voided) rows of some children, oldest first.
 * @param tx - the transaction
 * @param table - the table
 * @param childIds - the children
 * @returns the rows as Drizzle reads them
 */
export async function loadChildRecordRows(
  tx: Tx,
  table: ChildRecordTable,
  childIds: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(table)
    .where(and(inArray(table.childId, [...childIds]), isNull(table.voidedAt)))
    .orderBy(asc(table.createdAt), asc(table.id))
  return rows
}

/**
 * The child a record belongs to (voided records too), or undefined.
 * @param tx - the transaction
 * @param table - the table
 * @param id - the record
 * @returns the child's id
 */
export async function childOfRecord(tx: Tx, table: ChildRecordTable, id: string): Promise<string | undefined> {
  const [row] = (await tx.select({ childId: table.childId }).from(table).where(eq(table.id, id))) as {
    childId: string
  }[]
  return row?.childId
}

async function conditionalUpdate(
  tx: Tx,
  table: ChildRecordTable,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
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
 * @param context.userId - who
 * @param context.now - when
 * @param table - the table
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param values - the new values
 * @returns the outcome
 */
export async function updateChildRecord(
  tx: Tx,
  context: { readonly userId: string; readonly now: Date },
  table: ChildRecordTable,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  return conditionalUpdate(tx, table, id, expectedVersion, {
    ...values,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * Voids a record recorded in error, if still current and at the version the user saw: kept in the history with who,
 * when and why.
 * @param tx - the transaction
 * @param context - who and when
 * @param context.userId - who
 * @param context.now - when
 * @param table - the table
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param reason - why
 * @returns the outcome
 */
export async function voidChildRecord(
  tx: Tx,
  context: { readonly userId: string; readonly now: Date },
  table: ChildRecordTable,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<UpdateOutcome> {
  return conditionalUpdate(tx, table, id, expectedVersion, {
    voidedAt: context.now,
    voidedBy: context.userId,
    voidReason: reason,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}
