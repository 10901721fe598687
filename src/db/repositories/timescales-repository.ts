/**
 * The timescale engine's stored answers (derived; replaced whenever a child's record changes and every night) and
 * the authority's policy pack and imported bank holidays.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database, Tx } from '../client.ts'
import { queryRows } from '../raw-sql.ts'
import { authorities, childTimescales, policyPacks, timescaleItems } from '../schema/index.ts'

export interface StoredTimescaleItem {
  readonly rule: string
  readonly title: string
  readonly dueOn: string | null
  readonly status: string
  readonly metOn: string | null
  readonly explanation: string
  readonly source: string
  readonly isProvisional: boolean
  readonly details: Record<string, unknown>
}

export interface StoredChildTimescales {
  readonly childId: string
  readonly evaluatedAsOf: string
  readonly policyPack: string
  readonly policyVersion: string
  readonly calendarVersion: string
  readonly overdueCount: number
  readonly dueSoonCount: number
  readonly nextDueOn: string | null
  readonly drift: Record<string, unknown>
  readonly eligibility: unknown[]
  readonly items: readonly StoredTimescaleItem[]
}

/**
 * Replaces the stored answers for some children.
 * @param tx - a transaction in the authority
 * @param authorityId - the authority
 * @param results - each child's answers
 */
export async function replaceChildTimescales(
  tx: Tx,
  authorityId: string,
  results: readonly Omit<StoredChildTimescales, never>[],
): Promise<void> {
  if (results.length === 0) {
    return
  }
  const ids = results.map(r => r.childId)
  await tx.delete(timescaleItems).where(inArray(timescaleItems.childId, ids))
  await tx.delete(childTimescales).where(inArray(childTimescales.childId, ids))
  const itemRows = results.flatMap(r =>
    r.items.map((item, position) => ({ authorityId, childId: r.childId, position, ...item })),
  )
  for (let i = 0; i < itemRows.length; i += 1000) {
    await tx.insert(timescaleItems).values(itemRows.slice(i, i + 1000))
  }
  const summaryRows = results.map(({ items: _items, ...summary }) => ({ authorityId, ...summary }))
  for (let i = 0; i < summaryRows.length; i += 500) {
    await tx.insert(childTimescales).values(summaryRows.slice(i, i + 500))
  }
}

/**
 * The stored answers for one child.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the answers, or undefined when none are stored yet
 */
export async function loadChildTimescales(tx: Tx, childId: string): Promise<StoredChildTimescales | undefined> {
  const [summary] = await tx.select().from(childTimescales).where(eq(childTimescales.childId, childId))
  if (!summary) {
    return undefined
  }
  const items = await tx
    .select({
      rule: timescaleItems.rule,
      title: timescaleItems.title,
      dueOn: timescaleItems.dueOn,
      status: timescaleItems.status,
      metOn: timescaleItems.metOn,
      explanation: timescaleItems.explanation,
      source: timescaleItems.source,
      isProvisional: timescaleItems.isProvisional,
      details: timescaleItems.details,
    })
    .from(timescaleItems)
    .where(eq(timescaleItems.childId, childId))
    .orderBy(asc(timescaleItems.position))
  return { ...summary, items }
}

/** An open due-date item as a caseload prints it. */
export interface OpenItem {
  readonly childId: string
  readonly title: string
  readonly dueOn: string
  readonly status: 'overdue' | 'due-soon' | 'upcoming'
}

/**
 * The open items (overdue, due soon, upcoming) of some children, soonest first, for caseloads: only what a caseload
 * prints (not each item's explanation and details).
 * @param tx - the transaction
 * @param childIds - the children
 * @returns items with their child
 */
export async function loadOpenItems(tx: Tx, childIds: readonly string[]): Promise<OpenItem[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select({
      childId: timescaleItems.childId,
      title: timescaleItems.title,
      dueOn: timescaleItems.dueOn,
      status: timescaleItems.status,
    })
    .from(timescaleItems)
    .where(
      and(
        inArray(timescaleItems.childId, [...childIds]),
        inArray(timescaleItems.status, ['overdue', 'due-soon', 'upcoming']),
        sql`${timescaleItems.dueOn} IS NOT NULL`,
      ),
    )
    .orderBy(asc(timescaleItems.dueOn))
  return rows as OpenItem[]
}

/**
 * The authority's built-in pack name and its own pack, if it has one.
 * @param tx - a transaction in the authority
 * @returns the settings
 */
export async function loadPolicySettings(tx: Tx): Promise<{
  authorityId: string
  builtInPack: string
  custom: { id: string; version: number; name: string; definition: Record<string, unknown> } | null
}> {
  const [authority] = await tx
    .select({ authorityId: authorities.authorityId, policyPack: authorities.policyPack })
    .from(authorities)
  if (!authority) {
    throw new Error('No authority in this transaction')
  }
  const [custom] = await tx
    .select({
      id: policyPacks.id,
      version: policyPacks.version,
      name: policyPacks.name,
      definition: policyPacks.definition,
    })
    .from(policyPacks)
    .where(isNull(policyPacks.voidedAt))
    .orderBy(desc(policyPacks.updatedAt))
    .limit(1)
  return { authorityId: authority.authorityId, builtInPack: authority.policyPack, custom: custom ?? null }
}

/**
 * Stores the authority's own policy pack (a new row, or a new version of the current one).
 * @param tx - a transaction in the authority
 * @param pack - the pack
 * @returns the stored pack's id and version
 */
export async function savePolicyPack(
  tx: Tx,
  pack: {
    authorityId: string
    userId: string
    name: string
    definition: Record<string, unknown>
    now: Date
    newId: string
  },
): Promise<{ id: string; version: number }> {
  const [current] = await tx
    .select({ id: policyPacks.id, version: policyPacks.version })
    .from(policyPacks)
    .where(isNull(policyPacks.voidedAt))
  if (current) {
    await tx
      .update(policyPacks)
      .set({
        name: pack.name,
        definition: pack.definition,
        version: current.version + 1,
        updatedAt: pack.now,
        updatedBy: pack.userId,
      })
      .where(eq(policyPacks.id, current.id))
    return { id: current.id, version: current.version + 1 }
  }
  await tx.insert(policyPacks).values({
    id: pack.newId,
    authorityId: pack.authorityId,
    name: pack.name,
    definition: pack.definition,
    createdAt: pack.now,
    createdBy: pack.userId,
    updatedAt: pack.now,
    updatedBy: pack.userId,
  })
  return { id: pack.newId, version: 1 }
}

/**
 * Bank-holiday files imported by an operator, oldest first.
 * @param tx - any transaction
 * @returns each import's id and content
 */
export async function loadBankHolidayImports(tx: Tx): Promise<{ id: number; content: unknown }[]> {
  return queryRows<{ id: number; content: unknown }>(
    tx,
    sql`SELECT id::int AS id, content FROM meta.bank_holiday_imports ORDER BY id`,
  )
}

/**
 * Records an imported gov.uk bank-holiday file (owner-level: the calendar is national).
 * @param db - the database
 * @param source - where it came from (file name)
 * @param content - the checked JSON
 * @returns the import's id
 */
export async function insertBankHolidayImport(db: Database, source: string, content: unknown): Promise<number> {
  const rows = await db.query<{ id: number }>(
    'INSERT INTO meta.bank_holiday_imports (source, content) VALUES ($1, $2) RETURNING id::int AS id',
    [source, JSON.stringify(content)],
  )
  return rows[0]!.id
}
