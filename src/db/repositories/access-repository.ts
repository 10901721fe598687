import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { children, teams } from '../schema/index.ts'

/** What the access policy needs about a child, relative to one user. */
export interface ChildAccessFacts {
  readonly childId: string
  readonly allocatedWorkerId: string | null
  readonly allocatedIroId: string | null
  readonly teamId: string | null
  readonly serviceId: string | null
  readonly sensitivity: 'normal' | 'restricted' | 'sealed'
  readonly restrictionOwnerId: string | null
  readonly permittedUserIds: readonly string[]
  readonly isOtherwiseAssigned: boolean
}

/**
 * Loads access facts for some children (voided children are left out, so they read as not found).
 * @param tx - the transaction
 * @param userId - the user asking
 * @param childIds - the children
 * @returns one entry per existing child
 */
export async function loadChildAccessFacts(
  tx: Tx,
  userId: string,
  childIds: readonly string[],
): Promise<ChildAccessFacts[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select({
      childId: children.id,
      allocatedWorkerId: children.allocatedWorkerId,
      allocatedIroId: children.allocatedIroId,
      teamId: children.teamId,
      serviceId: teams.serviceId,
      sensitivity: children.sensitivity,
      restrictionOwnerId: children.restrictionOwnerId,
      permittedUserIds: children.restrictionPermittedUserIds,
      isOtherwiseAssigned: sql<boolean>`EXISTS (SELECT 1 FROM child_assignments a
        WHERE a.child_id = ${children.id} AND a.user_id = ${userId} AND a.ended_at IS NULL)`,
    })
    .from(children)
    .leftJoin(teams, eq(teams.id, children.teamId))
    .where(and(inArray(children.id, [...childIds]), isNull(children.voidedAt)))
  return rows.map(row => ({
    ...row,
    sensitivity: row.sensitivity as ChildAccessFacts['sensitivity'],
    serviceId: row.serviceId ?? null,
  }))
}
