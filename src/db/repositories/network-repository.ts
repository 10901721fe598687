/**
 * Reads and writes the child's network records (issue 7). Like the care record: every update moves a row to its next
 * version (the database keeps each version), "delete" is a void with a reason, and every write is conditional on the
 * version the user saw.
 */
import { and, arrayOverlaps, asc, isNull, sql } from 'drizzle-orm'
import type { NetworkKind } from '../../domain/network/network-inputs.ts'
import type { Tx } from '../client.ts'
import {
  familyMeetings,
  familyTimePlans,
  familyTimeSessions,
  familyTimeSuspensions,
  kinshipAssessments,
  lifeStoryWork,
  sgoNotices,
  siblingAssessments,
} from '../schema/index.ts'
import type { UpdateOutcome } from './care-record-repository.ts'
import {
  childOfRecord,
  loadChildRecordRows,
  updateChildRecord,
  voidChildRecord,
  type ChildRecordTable,
} from './child-record-rows.ts'

export const NETWORK_TABLES = {
  'family-meetings': familyMeetings,
  'kinship-assessments': kinshipAssessments,
  'sgo-notices': sgoNotices,
  'sibling-assessments': siblingAssessments,
  'family-time-plans': familyTimePlans,
  'family-time-sessions': familyTimeSessions,
  'family-time-suspensions': familyTimeSuspensions,
  'life-story-work': lifeStoryWork,
} as const satisfies Record<NetworkKind, unknown>

/** SQL table names, for the version history. */
export const NETWORK_TABLE_NAMES: Record<NetworkKind, string> = {
  'family-meetings': 'family_meetings',
  'kinship-assessments': 'kinship_assessments',
  'sgo-notices': 'sgo_notices',
  'sibling-assessments': 'sibling_assessments',
  'family-time-plans': 'family_time_plans',
  'family-time-sessions': 'family_time_sessions',
  'family-time-suspensions': 'family_time_suspensions',
  'life-story-work': 'life_story_work',
}

const tableOf = (kind: NetworkKind) => NETWORK_TABLES[kind] as unknown as ChildRecordTable

/** A stored network record: its fields, id and version (who/when stay in the history). */
export type NetworkRow = { readonly id: string; readonly version: number; readonly childId: string } & Record<
  string,
  unknown
>

const META = ['authorityId', 'createdBy', 'updatedAt', 'updatedBy', 'voidedAt', 'voidedBy', 'voidReason']

function strip(row: Record<string, unknown>): NetworkRow {
  const copy = { ...row }
  for (const key of META) {
    delete copy[key]
  }
  return copy as NetworkRow
}

/**
 * The current records of one kind for some children, oldest first.
 * @param tx - the transaction
 * @param kind - the kind
 * @param childIds - the children
 * @returns the records
 */
export async function loadNetworkRows(tx: Tx, kind: NetworkKind, childIds: readonly string[]): Promise<NetworkRow[]> {
  return (await loadChildRecordRows(tx, tableOf(kind), childIds)).map(strip)
}

/**
 * Together-or-Apart assessments naming any of some children (wherever they were recorded).
 * @param tx - the transaction
 * @param childIds - the children
 * @returns the assessments
 */
export async function loadSiblingAssessmentsNaming(tx: Tx, childIds: readonly string[]): Promise<NetworkRow[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(siblingAssessments)
    .where(and(arrayOverlaps(siblingAssessments.childIds, [...childIds]), isNull(siblingAssessments.voidedAt)))
    .orderBy(asc(siblingAssessments.assessedOn))
  return (rows as Record<string, unknown>[]).map(strip)
}

/**
 * The child a record belongs to (voided records too), or undefined.
 * @param tx - the transaction
 * @param kind - the kind
 * @param id - the record
 * @returns the child's id
 */
export async function childOfNetworkRow(tx: Tx, kind: NetworkKind, id: string): Promise<string | undefined> {
  return childOfRecord(tx, tableOf(kind), id)
}

/**
 * Inserts a record.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param childId - the child
 * @param values - the record (id chosen by the caller)
 */
export async function insertNetworkRow(
  tx: Tx,
  context: { authorityId: string; userId: string; now: Date },
  kind: NetworkKind,
  childId: string,
  values: { readonly id: string } & Record<string, unknown>,
): Promise<void> {
  await tx.insert(tableOf(kind)).values({
    ...values,
    childId,
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  } as never)
}

/**
 * Inserts many records of one kind at once (the demo), in chunks.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param rows - the records, each with its id and child
 */
export async function insertNetworkRows(
  tx: Tx,
  context: { authorityId: string; userId: string; now: Date },
  kind: NetworkKind,
  rows: readonly ({ readonly id: string; readonly childId: string } & Record<string, unknown>)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await tx.insert(tableOf(kind)).values(
      rows.slice(i, i + 200).map(row => ({
        ...row,
        version: 1,
        authorityId: context.authorityId,
        createdAt: context.now,
        createdBy: context.userId,
        updatedAt: context.now,
        updatedBy: context.userId,
      })),
    )
  }
}

/**
 * Sets the genogram facts of many relationships and people at once (the demo): one statement each.
 * @param tx - the transaction
 * @param relationships - closeness and side of family by relationship id
 * @param persons - culture, religion and language by person id
 */
export async function setGenogramFacts(
  tx: Tx,
  relationships: readonly { id: string; closeness: string; sideOfFamily: string | null }[],
  persons: readonly { id: string; culture: string; religion: string; language: string }[],
): Promise<void> {
  for (let i = 0; i < relationships.length; i += 500) {
    const values = sql.join(
      relationships.slice(i, i + 500).map(r => sql`(${r.id}::uuid, ${r.closeness}, ${r.sideOfFamily})`),
      sql`, `,
    )
    await tx.execute(
      sql`UPDATE child_relationships AS r SET closeness = v.closeness, side_of_family = v.side, version = r.version + 1
          FROM (VALUES ${values}) AS v(id, closeness, side) WHERE r.id = v.id`,
    )
  }
  for (let i = 0; i < persons.length; i += 500) {
    const values = sql.join(
      persons.slice(i, i + 500).map(p => sql`(${p.id}::uuid, ${p.culture}, ${p.religion}, ${p.language})`),
      sql`, `,
    )
    await tx.execute(
      sql`UPDATE people AS p SET culture = v.culture, religion = v.religion, language = v.language, version = p.version + 1
          FROM (VALUES ${values}) AS v(id, culture, religion, language) WHERE p.id = v.id`,
    )
  }
}

/**
 * Corrects a record, if still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param values - the new values
 * @returns the outcome
 */
export async function updateNetworkRow(
  tx: Tx,
  context: { userId: string; now: Date },
  kind: NetworkKind,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  return updateChildRecord(tx, context, tableOf(kind), id, expectedVersion, values)
}

/**
 * Voids a record: kept in the history with who, when and why.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind
 * @param id - the record
 * @param expectedVersion - the version seen
 * @param reason - why
 * @returns the outcome
 */
export async function voidNetworkRow(
  tx: Tx,
  context: { userId: string; now: Date },
  kind: NetworkKind,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<UpdateOutcome> {
  return voidChildRecord(tx, context, tableOf(kind), id, expectedVersion, reason)
}

/** Every current sibling link in the authority: the pairs, stored once each (lower id first). */
export async function loadAllSiblingLinks(
  tx: Tx,
): Promise<{ id: string; childId: string; siblingChildId: string; kind: string }[]> {
  const rows = await tx.execute(
    sql`SELECT id, child_id AS "childId", sibling_child_id AS "siblingChildId", kind FROM sibling_links WHERE voided_at IS NULL ORDER BY child_id, sibling_child_id`,
  )
  return (rows as { rows: { id: string; childId: string; siblingChildId: string; kind: string }[] }).rows
}
