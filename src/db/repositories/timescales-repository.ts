/**
 * The timescale engine's stored answers (derived; replaced whenever a child's record changes and every night) and
 * the authority's policy pack and imported bank holidays.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Database, Tx } from '../client.ts'
import { queryRows, uuidArray } from '../raw-sql.ts'
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

/** Children whose items one statement stores. */
const CHILDREN_PER_STATEMENT = 1000

/** Integers as one array parameter. */
const intArray = (values: readonly number[]): SQL => sql`${`{${values.join(',')}}`}::int[]`

/**
 * Replaces the stored answers for some children, with one statement per table for every 1,000 children. Of the
 * items, only the rules that apply are stored, at the engine's positions: the caseloads and dashboards read nothing
 * else, and the child's page works the whole answer out when it is read (docs/adr/0096).
 *
 * Items repeat from child to child (a review due on the same rule text, an item met alike), so the distinct items
 * travel once, as one JSON parameter, and each stored row is three integers — child, position, item — joined back to
 * them in the database. Per-row bind parameters (Drizzle's insert) cost PGlite ≈66 µs an item, one JSON row per item
 * ≈28 µs, this ≈18 µs (docs/performance.md "National returns"). The rows stored are the same whichever way they
 * travel.
 * @param tx - a transaction in the authority
 * @param authorityId - the authority
 * @param results - each child's answers
 * @param children - `new`: children written in this transaction, with nothing stored yet to replace
 */
export async function replaceChildTimescales(
  tx: Tx,
  authorityId: string,
  results: readonly StoredChildTimescales[],
  children: 'new' | 'existing' = 'existing',
): Promise<void> {
  if (results.length === 0) {
    return
  }
  if (children === 'existing') {
    await deleteChildTimescales(tx, authorityId, results)
  }
  await insertChildTimescales(tx, authorityId, results)
}

async function deleteChildTimescales(tx: Tx, authorityId: string, results: readonly StoredChildTimescales[]) {
  const ids = uuidArray(results.map(r => r.childId))
  // The authority too, so that the delete reads the key (authority, child, …) whatever the planner's statistics say:
  // without it, a table the import had filled since its last ANALYZE was read whole for every batch.
  await tx.execute(sql`DELETE FROM timescale_items WHERE authority_id = ${authorityId} AND child_id = ANY(${ids})`)
  await tx.execute(sql`DELETE FROM child_timescales WHERE authority_id = ${authorityId} AND child_id = ANY(${ids})`)
}

async function insertChildTimescales(tx: Tx, authorityId: string, results: readonly StoredChildTimescales[]) {
  // A slice of children a statement, so that a whole authority's nightly refresh stays a few megabytes a statement.
  for (let start = 0; start < results.length; start += CHILDREN_PER_STATEMENT) {
    const slice = results.slice(start, start + CHILDREN_PER_STATEMENT)
    const sliceIds = uuidArray(slice.map(r => r.childId))
    const keyOf = new Map<string, number>()
    const distinct: object[] = []
    const children: number[] = []
    const positions: number[] = []
    const keys: number[] = []
    slice.forEach((result, child) => {
      result.items.forEach((item, position) => {
        // A rule that does not apply is not stored (docs/adr/0096): nothing reads it by due date or status, and the
        // child's page works it out again with the rest. The others keep the engine's position.
        if (item.status === 'not-applicable') {
          return
        }
        const body = {
          rule: item.rule,
          title: item.title,
          due_on: item.dueOn,
          status: item.status,
          met_on: item.metOn,
          explanation: item.explanation,
          source: item.source,
          is_provisional: item.isProvisional,
          details: item.details,
        }
        const text = JSON.stringify(body)
        let key = keyOf.get(text)
        if (key === undefined) {
          key = distinct.length + 1
          keyOf.set(text, key)
          distinct.push({ key, ...body })
        }
        children.push(child + 1)
        positions.push(position)
        keys.push(key)
      })
    })
    if (keys.length > 0) {
      await tx.execute(sql`
        INSERT INTO timescale_items (authority_id, child_id, position, rule, title, due_on, status, met_on, explanation,
          source, is_provisional, details)
        SELECT ${authorityId}::uuid, c.child_id, r.position, i.rule, i.title, i.due_on, i.status, i.met_on,
          i.explanation, i.source, i.is_provisional, i.details
        FROM unnest(${intArray(children)}, ${intArray(positions)}, ${intArray(keys)})
            AS r(child, position, key)
          JOIN unnest(${sliceIds}) WITH ORDINALITY AS c(child_id, child) ON c.child = r.child
          JOIN json_to_recordset(${JSON.stringify(distinct)}::json) AS i(key int, rule text, title text, due_on date,
            status text, met_on date, explanation text, source text, is_provisional boolean, details jsonb)
            ON i.key = r.key`)
    }
    const summaries = slice.map(({ items: _items, ...summary }) => ({
      child_id: summary.childId,
      evaluated_as_of: summary.evaluatedAsOf,
      policy_pack: summary.policyPack,
      policy_version: summary.policyVersion,
      calendar_version: summary.calendarVersion,
      overdue_count: summary.overdueCount,
      due_soon_count: summary.dueSoonCount,
      next_due_on: summary.nextDueOn,
      drift: summary.drift,
      eligibility: summary.eligibility,
    }))
    await tx.execute(sql`
      INSERT INTO child_timescales (authority_id, child_id, evaluated_as_of, policy_pack, policy_version,
        calendar_version, overdue_count, due_soon_count, next_due_on, drift, eligibility)
      SELECT ${authorityId}::uuid, s.child_id, s.evaluated_as_of, s.policy_pack, s.policy_version, s.calendar_version,
        s.overdue_count, s.due_soon_count, s.next_due_on, s.drift, s.eligibility
      FROM json_to_recordset(${JSON.stringify(summaries)}::json) AS s(child_id uuid, evaluated_as_of date,
        policy_pack text, policy_version text, calendar_version text, overdue_count int, due_soon_count int,
        next_due_on date, drift jsonb, eligibility jsonb)`)
  }
}

/** What is stored of one child's answers besides the items: when, under which pack, the counts, drift and routes. */
export type StoredChildSummary = typeof childTimescales.$inferSelect

/**
 * The stored summary of one child's answers (the items are read by what needs them: caseloads and dashboards).
 * @param tx - the transaction
 * @param childId - the child
 * @returns the summary, or undefined when none is stored yet
 */
export async function loadChildTimescaleSummary(tx: Tx, childId: string): Promise<StoredChildSummary | undefined> {
  const [summary] = await tx.select().from(childTimescales).where(eq(childTimescales.childId, childId))
  return summary
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
