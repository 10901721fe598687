import { and, inArray, or, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { childTimescales, children } from '../schema/index.ts'

/**
 * Children whose stored timescales were evaluated before a day, or never.
 * @param tx - the transaction
 * @param childIds - the children to check
 * @param today - the day
 * @returns the ids needing evaluation
 */
export async function loadStaleChildIds(tx: Tx, childIds: readonly string[], today: string): Promise<string[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .leftJoin(childTimescales, eq(childTimescales.childId, children.id))
    .where(
      and(
        inArray(children.id, [...childIds]),
        or(isNull(childTimescales.childId), lt(childTimescales.evaluatedAsOf, sql`${today}::date`)),
      ),
    )
  return rows.map(r => r.id)
}

/**
 * A team's children whose stored timescales were evaluated before a day, or never.
 * @param tx - the transaction
 * @param teamId - the team
 * @param today - the day
 * @returns the ids needing evaluation
 */
export async function loadStaleTeamChildIds(tx: Tx, teamId: string, today: string): Promise<string[]> {
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .leftJoin(childTimescales, eq(childTimescales.childId, children.id))
    .where(
      and(
        eq(children.teamId, teamId),
        isNull(children.voidedAt),
        or(isNull(childTimescales.childId), lt(childTimescales.evaluatedAsOf, sql`${today}::date`)),
      ),
    )
  return rows.map(r => r.id)
}
