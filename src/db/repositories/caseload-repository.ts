import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { children, legalStatuses, placements, periodsOfCare, users } from '../schema/index.ts'

export interface ChildSummary {
  readonly id: string
  readonly givenNames: string
  readonly familyName: string
  readonly preferredName: string | null
  readonly dateOfBirthOn: string
  readonly localCaseNumber: string
  readonly teamId: string | null
  readonly allocatedWorkerId: string | null
  readonly allocatedWorkerName: string | null
  readonly sensitivity: string
  readonly lookedAfterSince: string | null
  readonly legalStatus: string | null
  readonly placementType: string | null
}

export type CaseloadScope =
  | { readonly kind: 'worker'; readonly userId: string }
  | { readonly kind: 'iro'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'ids'; readonly ids: readonly string[] }

function scopeCondition(scope: CaseloadScope): SQL | undefined {
  switch (scope.kind) {
    case 'worker':
      return eq(children.allocatedWorkerId, scope.userId)
    case 'iro':
      return eq(children.allocatedIroId, scope.userId)
    case 'team':
      return eq(children.teamId, scope.teamId)
    case 'ids':
      return scope.ids.length === 0 ? sql`false` : sql`${children.id} IN ${scope.ids}`
  }
}

/**
 * Summaries of children in a scope: who they are, how long looked after, current legal status and placement.
 * @param tx - the transaction
 * @param scope - whose children
 * @param today - the day for "current"
 * @returns the summaries, by family name
 */
export async function listChildSummaries(tx: Tx, scope: CaseloadScope, today: string): Promise<ChildSummary[]> {
  return tx
    .select({
      id: children.id,
      givenNames: children.givenNames,
      familyName: children.familyName,
      preferredName: children.preferredName,
      dateOfBirthOn: children.dateOfBirthOn,
      localCaseNumber: children.localCaseNumber,
      teamId: children.teamId,
      allocatedWorkerId: children.allocatedWorkerId,
      allocatedWorkerName: users.displayName,
      sensitivity: children.sensitivity,
      lookedAfterSince: sql<string | null>`(SELECT p.started_on::text FROM ${periodsOfCare} p
        WHERE p.child_id = ${children.id} AND p.voided_at IS NULL AND p.started_on <= ${today}
          AND (p.ended_on IS NULL OR p.ended_on > ${today}) LIMIT 1)`,
      legalStatus: sql<string | null>`(SELECT s.status FROM ${legalStatuses} s
        WHERE s.child_id = ${children.id} AND s.voided_at IS NULL AND s.started_on <= ${today}
          AND (s.ended_on IS NULL OR s.ended_on > ${today}) LIMIT 1)`,
      placementType: sql<string | null>`(SELECT pl.placement_type FROM ${placements} pl
        WHERE pl.child_id = ${children.id} AND pl.voided_at IS NULL AND pl.started_on <= ${today}
          AND (pl.ended_on IS NULL OR pl.ended_on > ${today}) LIMIT 1)`,
    })
    .from(children)
    .leftJoin(users, eq(users.id, children.allocatedWorkerId))
    .where(and(scopeCondition(scope), isNull(children.voidedAt)))
    .orderBy(asc(children.familyName), asc(children.givenNames))
}

/**
 * Children whose name or case number matches a search, before access filtering.
 * @param tx - the transaction
 * @param query - the words typed
 * @param limit - the most to return
 * @returns matching child ids
 */
export async function searchChildIds(tx: Tx, query: string, limit: number): Promise<string[]> {
  const words = query
    .trim()
    .split(/\s+/)
    .filter(w => w.length > 0)
    .slice(0, 5)
  if (words.length === 0) {
    return []
  }
  const escape = (w: string) => w.replace(/[\\%_]/g, c => `\\${c}`)
  const nameMatches = words.map(word =>
    or(
      ilike(children.givenNames, `%${escape(word)}%`),
      ilike(children.familyName, `%${escape(word)}%`),
      ilike(children.preferredName, `%${escape(word)}%`),
    ),
  )
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        isNull(children.voidedAt),
        or(sql`lower(${children.localCaseNumber}) = lower(${query.trim()})`, and(...nameMatches)),
      ),
    )
    .orderBy(asc(children.familyName), asc(children.givenNames))
    .limit(limit)
  return rows.map(r => r.id)
}
