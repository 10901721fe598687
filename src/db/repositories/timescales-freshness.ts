import { and, inArray, or, eq, isNull, lt, sql, type SQL } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { childTimescales, children } from '../schema/index.ts'

/**
 * Children, chosen by a condition, whose stored timescales were evaluated before a day, or never (or stored in an
 * earlier shape).
 * @param tx - the transaction
 * @param which - the condition on `children`
 * @param today - the day
 * @returns the ids needing evaluation
 */
async function staleChildIds(tx: Tx, which: SQL | undefined, today: string): Promise<string[]> {
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .leftJoin(childTimescales, eq(childTimescales.childId, children.id))
    .where(
      and(
        which,
        or(
          isNull(childTimescales.childId),
          lt(childTimescales.evaluatedAsOf, sql`${today}::date`),
          // Stored before the drift measures kept the overdue actions (docs/adr/0093): evaluated again once.
          sql`NOT jsonb_exists(${childTimescales.drift}, 'overdueActions')`,
        ),
      ),
    )
  return rows.map(r => r.id)
}

/**
 * Children whose stored timescales were evaluated before a day, or never.
 * @param tx - the transaction
 * @param childIds - the children to check
 * @param today - the day
 * @returns the ids needing evaluation
 */
export async function loadStaleChildIds(tx: Tx, childIds: readonly string[], today: string): Promise<string[]> {
  return childIds.length === 0 ? [] : staleChildIds(tx, inArray(children.id, [...childIds]), today)
}

/**
 * A team's children whose stored timescales were evaluated before a day, or never.
 * @param tx - the transaction
 * @param teamId - the team
 * @param today - the day
 * @returns the ids needing evaluation
 */
export function loadStaleTeamChildIds(tx: Tx, teamId: string, today: string): Promise<string[]> {
  return staleChildIds(tx, and(eq(children.teamId, teamId), isNull(children.voidedAt)), today)
}
