/**
 * Reads and writes the child's care record. Writes never overwrite history: each update moves a row to its next
 * version (the database copies every version to record_versions), and "delete" is a void with a reason. Every write
 * is conditional on the version the user saw (optimistic locking, security REL-02).
 */
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTableWithColumns, TableConfig } from 'drizzle-orm/pg-core'
import type {
  CareEvent,
  CareProceedings,
  CareRecord,
  ChildDetails,
  ChildRelationship,
  FactKind,
  LegalOrder,
  LegalStatusSpell,
  LivingArrangement,
  PeriodOfCare,
  Person,
  Placement,
  SiblingLink,
  StatutoryReview,
  WorkerAllocation,
} from '../../domain/children/care-record.ts'
import type { Tx } from '../client.ts'
import { uuidArray } from '../raw-sql.ts'
import {
  careEvents,
  careProceedings,
  childRelationships,
  children,
  legalOrders,
  legalStatuses,
  livingArrangements,
  people,
  periodsOfCare,
  placements,
  recordVersions,
  siblingLinks,
  statutoryReviews,
  workerAllocations,
} from '../schema/index.ts'

/** The tables behind each kind of fact. */
export const FACT_TABLES = {
  'periods-of-care': periodsOfCare,
  'legal-statuses': legalStatuses,
  placements,
  reviews: statutoryReviews,
  proceedings: careProceedings,
  orders: legalOrders,
  relationships: childRelationships,
  siblings: siblingLinks,
  allocations: workerAllocations,
  'living-arrangements': livingArrangements,
  events: careEvents,
} as const satisfies Record<FactKind, unknown>

/** SQL table names, for the version history. */
export const FACT_TABLE_NAMES: Record<FactKind | 'child' | 'person', string> = {
  child: 'children',
  person: 'people',
  'periods-of-care': 'periods_of_care',
  'legal-statuses': 'legal_statuses',
  placements: 'placements',
  reviews: 'statutory_reviews',
  proceedings: 'care_proceedings',
  orders: 'legal_orders',
  relationships: 'child_relationships',
  siblings: 'sibling_links',
  allocations: 'worker_allocations',
  'living-arrangements': 'living_arrangements',
  events: 'care_events',
}

const META_KEYS = [
  'authorityId',
  'childId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'voidedAt',
  'voidedBy',
  'voidReason',
] as const

function stripMeta<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...row }
  for (const key of META_KEYS) {
    delete copy[key]
  }
  return copy
}

type VersionedTable = PgTableWithColumns<TableConfig> & {
  id: PgColumn
  version: PgColumn
  voidedAt: PgColumn
}

/**
 * Loads a child's current details, or undefined when there is no such (unvoided) child.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the details
 */
export async function loadChildDetails(tx: Tx, childId: string): Promise<ChildDetails | undefined> {
  const [row] = await tx
    .select()
    .from(children)
    .where(and(eq(children.id, childId), isNull(children.voidedAt)))
  return row ? (stripMeta(row) as unknown as ChildDetails) : undefined
}

/** Which children to load: some, by id, or every child of the authority in the transaction. */
export type ChildSelection = readonly string[] | 'all'

async function currentFacts<T extends { childId?: string }>(
  tx: Tx,
  table: VersionedTable,
  selection: ChildSelection,
  orderBy: SQL | PgColumn,
): Promise<Map<string, T[]>> {
  const childColumn = (table as unknown as { childId: PgColumn }).childId
  const rows = await tx
    .select()
    .from(table)
    .where(
      and(selection === 'all' ? undefined : sql`${childColumn} = ANY(${uuidArray(selection)})`, isNull(table.voidedAt)),
    )
    .orderBy(asc(orderBy), asc(table.id))
  const byChild = new Map<string, T[]>()
  for (const row of rows as Record<string, unknown>[]) {
    const childId = row.childId as string
    const list = byChild.get(childId) ?? []
    list.push(stripMeta(row) as T)
    byChild.set(childId, list)
  }
  return byChild
}

/**
 * Loads everything current about some children (or all of the authority's), with one query per table, for
 * whole-authority work such as the nightly timescale refresh and the national returns.
 * @param tx - the transaction
 * @param selection - the children's ids, or 'all'
 * @returns the care records, in the order of the children found (voided children are left out)
 */
export async function loadCareRecords(tx: Tx, selection: ChildSelection): Promise<CareRecord[]> {
  if (selection !== 'all' && selection.length === 0) {
    return []
  }
  const childRows = await tx
    .select()
    .from(children)
    .where(
      and(
        selection === 'all' ? undefined : sql`${children.id} = ANY(${uuidArray(selection)})`,
        isNull(children.voidedAt),
      ),
    )
    .orderBy(asc(children.id))
  if (childRows.length === 0) {
    return []
  }
  const ids: ChildSelection = selection === 'all' ? 'all' : childRows.map(row => row.id)
  // One query at a time: a transaction is one connection (node-postgres is retiring concurrent queries on a client).
  const facts = <T>(table: unknown, orderBy: SQL | PgColumn) =>
    currentFacts<T & { childId?: string }>(tx, table as VersionedTable, ids, orderBy)
  const periods = await facts<PeriodOfCare>(periodsOfCare, periodsOfCare.startedOn)
  const statuses = await facts<LegalStatusSpell>(legalStatuses, legalStatuses.startedOn)
  const placementRows = await facts<Placement>(placements, placements.startedOn)
  const reviews = await facts<StatutoryReview>(statutoryReviews, statutoryReviews.heldOn)
  const proceedings = await facts<CareProceedings>(careProceedings, careProceedings.issuedOn)
  const orders = await facts<LegalOrder>(legalOrders, legalOrders.madeOn)
  const relationships = await facts<ChildRelationship>(childRelationships, childRelationships.createdAt)
  const allocations = await facts<WorkerAllocation>(workerAllocations, workerAllocations.startedOn)
  const living = await facts<LivingArrangement>(livingArrangements, livingArrangements.startedOn)
  const events = await facts<CareEvent>(careEvents, careEvents.occurredOn)
  const siblingRows = await tx
    .select()
    .from(siblingLinks)
    .where(
      and(
        ids === 'all'
          ? undefined
          : or(
              sql`${siblingLinks.childId} = ANY(${uuidArray(ids)})`,
              sql`${siblingLinks.siblingChildId} = ANY(${uuidArray(ids)})`,
            ),
        isNull(siblingLinks.voidedAt),
      ),
    )
    .orderBy(asc(siblingLinks.createdAt))
  const personIds = new Set<string>()
  for (const list of relationships.values()) {
    list.forEach(r => personIds.add(r.personId))
  }
  for (const list of placementRows.values()) {
    list.forEach(p => p.carerPersonId && personIds.add(p.carerPersonId))
  }
  for (const list of living.values()) {
    list.forEach(l => personIds.add(l.personId))
  }
  for (const list of orders.values()) {
    list.forEach(o => o.holderPersonIds.forEach(id => personIds.add(id)))
  }
  const personRows =
    personIds.size === 0
      ? []
      : await tx
          .select()
          .from(people)
          .where(ids === 'all' ? undefined : sql`${people.id} = ANY(${uuidArray([...personIds])})`)
  const peopleById = new Map(personRows.map(row => [row.id, stripMeta(row) as unknown as Person]))
  const of = <T>(map: Map<string, T[]>, childId: string): T[] => map.get(childId) ?? []
  return childRows.map(row => {
    const childId = row.id
    const childRelationships = of(relationships, childId)
    const childPlacements = of(placementRows, childId)
    const childLiving = of(living, childId)
    const childOrders = of(orders, childId)
    const wanted = new Set<string>()
    childRelationships.forEach(r => wanted.add(r.personId))
    childPlacements.forEach(p => p.carerPersonId && wanted.add(p.carerPersonId))
    childLiving.forEach(l => wanted.add(l.personId))
    childOrders.forEach(o => o.holderPersonIds.forEach(id => wanted.add(id)))
    return {
      child: stripMeta(row) as unknown as ChildDetails,
      periodsOfCare: of(periods, childId),
      legalStatuses: of(statuses, childId),
      placements: childPlacements,
      reviews: of(reviews, childId),
      proceedings: of(proceedings, childId),
      orders: childOrders,
      relationships: childRelationships,
      people: [...wanted].map(id => peopleById.get(id)).filter((p): p is Person => p !== undefined),
      siblings: siblingRows
        .filter(link => link.childId === childId || link.siblingChildId === childId)
        .map(link => ({
          id: link.id,
          version: link.version,
          siblingChildId: link.childId === childId ? link.siblingChildId : link.childId,
          kind: link.kind as SiblingLink['kind'],
        })),
      allocations: of(allocations, childId),
      livingArrangements: childLiving,
      events: of(events, childId),
    }
  })
}

/**
 * Loads everything current about a child.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the care record, or undefined when there is no such child
 */
export async function loadCareRecord(tx: Tx, childId: string): Promise<CareRecord | undefined> {
  const [record] = await loadCareRecords(tx, [childId])
  return record
}

/** Who is making a change, and the ids that place a new row. */
export interface WriteContext {
  readonly authorityId: string
  readonly userId: string
  readonly now: Date
}

/**
 * Inserts a new child.
 * @param tx - the transaction
 * @param context - who and when
 * @param details - the child (version 1)
 */
export async function insertChild(tx: Tx, context: WriteContext, details: ChildDetails): Promise<void> {
  await tx.insert(children).values({
    ...details,
    restrictionPermittedUserIds: [...details.restrictionPermittedUserIds],
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

export type UpdateOutcome =
  | { readonly kind: 'updated'; readonly version: number }
  | { readonly kind: 'stale'; readonly currentVersion: number }
  | { readonly kind: 'missing' }

async function conditionalUpdate(
  tx: Tx,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  const updated = await tx
    .update(table)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(table.id, id), eq(table.version, expectedVersion), isNull(table.voidedAt)))
    .returning({ version: table.version })
  const row = updated[0] as { version: number } | undefined
  if (row) {
    return { kind: 'updated', version: row.version }
  }
  const [current] = (await tx
    .select({ version: table.version })
    .from(table)
    .where(and(eq(table.id, id), isNull(table.voidedAt)))) as { version: number }[]
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Updates a child's details, if they are still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param childId - the child
 * @param expectedVersion - the version the change is based on
 * @param values - the changed fields
 * @returns the outcome
 */
export async function updateChild(
  tx: Tx,
  context: WriteContext,
  childId: string,
  expectedVersion: number,
  values: Partial<Omit<ChildDetails, 'id' | 'version'>>,
): Promise<UpdateOutcome> {
  const { restrictionPermittedUserIds, ...rest } = values
  return conditionalUpdate(tx, children as unknown as VersionedTable, childId, expectedVersion, {
    ...rest,
    ...(restrictionPermittedUserIds === undefined
      ? {}
      : { restrictionPermittedUserIds: [...restrictionPermittedUserIds] }),
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * Inserts a fact about a child.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind of fact
 * @param childId - the child
 * @param fact - the fact (its id chosen by the caller; version 1)
 */
export async function insertFact(
  tx: Tx,
  context: WriteContext,
  kind: FactKind,
  childId: string,
  fact: { readonly id: string } & Record<string, unknown>,
): Promise<void> {
  const { version: _version, ...fields } = fact
  let row: Record<string, unknown> = { ...fields, childId }
  if (kind === 'siblings') {
    const other = fields.siblingChildId as string
    row = { ...fields, childId: childId < other ? childId : other, siblingChildId: childId < other ? other : childId }
  }
  await tx.insert(FACT_TABLES[kind] as unknown as VersionedTable).values({
    ...row,
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  } as never)
}

/**
 * Updates a fact, if it is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind of fact
 * @param factId - the fact
 * @param expectedVersion - the version the change is based on
 * @param values - the changed fields
 * @returns the outcome
 */
export async function updateFact(
  tx: Tx,
  context: WriteContext,
  kind: FactKind,
  factId: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<UpdateOutcome> {
  return conditionalUpdate(tx, FACT_TABLES[kind] as unknown as VersionedTable, factId, expectedVersion, {
    ...values,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * Voids a fact: it stays in the record's history, with who, when and why, but no longer counts.
 * @param tx - the transaction
 * @param context - who and when
 * @param kind - the kind of fact
 * @param factId - the fact
 * @param expectedVersion - the version the void is based on
 * @param reason - why
 * @returns the outcome
 */
export async function voidFact(
  tx: Tx,
  context: WriteContext,
  kind: FactKind | 'child',
  factId: string,
  expectedVersion: number,
  reason: string,
): Promise<UpdateOutcome> {
  const table = (kind === 'child' ? children : FACT_TABLES[kind]) as unknown as VersionedTable
  return conditionalUpdate(tx, table, factId, expectedVersion, {
    voidedAt: context.now,
    voidedBy: context.userId,
    voidReason: reason,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * The child a fact belongs to (including voided facts), to authorise access to a fact by its id.
 * @param tx - the transaction
 * @param kind - the kind of fact
 * @param factId - the fact
 * @returns the child id, or undefined
 */
export async function childOfFact(tx: Tx, kind: FactKind, factId: string): Promise<string | undefined> {
  const table = FACT_TABLES[kind] as unknown as VersionedTable & { childId: PgColumn }
  const [row] = (await tx.select({ childId: table.childId }).from(table).where(eq(table.id, factId))) as {
    childId: string
  }[]
  return row?.childId
}

/**
 * Whether a fact (voided ones too) belongs to a child. A sibling link is stored once per pair under the lower child
 * id, so it belongs to both children in it (both may read its versions, correct it or void it).
 * @param tx - the transaction
 * @param kind - the kind of fact
 * @param factId - the fact
 * @param childId - the child
 * @returns true when it does
 */
export async function isFactOfChild(tx: Tx, kind: FactKind, factId: string, childId: string): Promise<boolean> {
  if (kind === 'siblings') {
    const [row] = await tx
      .select({ childId: siblingLinks.childId, siblingChildId: siblingLinks.siblingChildId })
      .from(siblingLinks)
      .where(eq(siblingLinks.id, factId))
    return row !== undefined && (row.childId === childId || row.siblingChildId === childId)
  }
  return (await childOfFact(tx, kind, factId)) === childId
}

export interface RecordVersion {
  readonly version: number
  readonly operation: string
  readonly data: Record<string, unknown>
  readonly changedBy: string | null
  readonly changedAt: Date
  readonly changeReason: string | null
}

/**
 * Every version of one record, oldest first.
 * @param tx - the transaction
 * @param tableName - the SQL table
 * @param recordId - the record
 * @returns the versions
 */
export async function listRecordVersions(tx: Tx, tableName: string, recordId: string): Promise<RecordVersion[]> {
  return tx
    .select({
      version: recordVersions.version,
      operation: recordVersions.operation,
      data: recordVersions.data,
      changedBy: recordVersions.changedBy,
      changedAt: recordVersions.changedAt,
      changeReason: recordVersions.changeReason,
    })
    .from(recordVersions)
    .where(and(eq(recordVersions.tableName, tableName), eq(recordVersions.recordId, recordId)))
    .orderBy(asc(recordVersions.version))
}

/**
 * Whether a local case number is already used by another child in the authority.
 * @param tx - the transaction
 * @param localCaseNumber - the number
 * @param exceptChildId - a child to ignore (the one being edited)
 * @returns true when taken
 */
export async function isCaseNumberTaken(tx: Tx, localCaseNumber: string, exceptChildId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        eq(children.localCaseNumber, localCaseNumber),
        exceptChildId === undefined ? sql`true` : sql`${children.id} <> ${exceptChildId}`,
      ),
    )
    .limit(1)
  return rows.length > 0
}

/**
 * People by id (for a person-picker or a network view).
 * @param tx - the transaction
 * @param ids - the people
 * @returns the people found
 */
export async function loadPeople(tx: Tx, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(people)
    .where(and(inArray(people.id, [...ids]), isNull(people.voidedAt)))
  return rows.map(row => stripMeta(row) as unknown as Person)
}

/**
 * Inserts a person.
 * @param tx - the transaction
 * @param context - who and when
 * @param person - the person (version 1)
 */
export async function insertPerson(tx: Tx, context: WriteContext, person: Person): Promise<void> {
  await tx.insert(people).values({
    ...person,
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * Updates a person, if still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param personId - the person
 * @param expectedVersion - the version the change is based on
 * @param values - the changed fields
 * @returns the outcome
 */
export async function updatePerson(
  tx: Tx,
  context: WriteContext,
  personId: string,
  expectedVersion: number,
  values: Partial<Omit<Person, 'id' | 'version'>>,
): Promise<UpdateOutcome> {
  return conditionalUpdate(tx, people as unknown as VersionedTable, personId, expectedVersion, {
    ...values,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * Inserts many whole care records at once (demo data, migrations from other systems), each row at version 1. The
 * records must already have been checked against the care-record invariants.
 * @param tx - a transaction in the authority
 * @param context - who and when
 * @param records - the records
 * @param newPeople - people to insert first (each once)
 */
export async function insertCareRecords(
  tx: Tx,
  context: WriteContext,
  records: readonly CareRecord[],
  newPeople: readonly Person[],
): Promise<void> {
  const meta = {
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  }
  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) {
      await insert(rows.slice(i, i + 500))
    }
  }
  if (newPeople.length > 0) {
    await chunked([...newPeople], chunk => tx.insert(people).values(chunk.map(p => ({ ...p, ...meta }))))
  }
  await chunked([...records], chunk =>
    tx.insert(children).values(
      chunk.map(r => ({
        ...r.child,
        restrictionPermittedUserIds: [...r.child.restrictionPermittedUserIds],
        ...meta,
      })),
    ),
  )
  const rowsOf = <T extends { id: string }>(list: (r: CareRecord) => readonly T[]) =>
    records.flatMap(r => list(r).map(fact => ({ ...fact, childId: r.child.id, ...meta })))
  await chunked(
    rowsOf(r => r.periodsOfCare),
    chunk => tx.insert(periodsOfCare).values(chunk),
  )
  await chunked(
    rowsOf(r => r.legalStatuses),
    chunk => tx.insert(legalStatuses).values(chunk),
  )
  await chunked(
    rowsOf(r => r.placements),
    chunk => tx.insert(placements).values(chunk),
  )
  await chunked(
    rowsOf(r => r.reviews),
    chunk => tx.insert(statutoryReviews).values(chunk),
  )
  await chunked(
    rowsOf(r => r.proceedings).map(p => ({ ...p, extensions: [...p.extensions] })),
    chunk => tx.insert(careProceedings).values(chunk),
  )
  await chunked(
    rowsOf(r => r.orders).map(o => ({ ...o, holderPersonIds: [...o.holderPersonIds] })),
    chunk => tx.insert(legalOrders).values(chunk),
  )
  await chunked(
    rowsOf(r => r.relationships),
    chunk => tx.insert(childRelationships).values(chunk),
  )
  await chunked(
    rowsOf(r => r.allocations),
    chunk => tx.insert(workerAllocations).values(chunk),
  )
  await chunked(
    rowsOf(r => r.livingArrangements),
    chunk => tx.insert(livingArrangements).values(chunk),
  )
  await chunked(
    rowsOf(r => r.events),
    chunk => tx.insert(careEvents).values(chunk),
  )
  // Each sibling pair appears in both children's records; store it once, the lower id first.
  const pairs = new Map<string, { id: string; childId: string; siblingChildId: string; kind: string }>()
  for (const record of records) {
    for (const link of record.siblings) {
      const [a, b] = [record.child.id, link.siblingChildId].sort() as [string, string]
      pairs.set(link.id, { id: link.id, childId: a, siblingChildId: b, kind: link.kind })
    }
  }
  await chunked(
    [...pairs.values()].map(p => ({ ...p, ...meta })),
    chunk => tx.insert(siblingLinks).values(chunk),
  )
}
