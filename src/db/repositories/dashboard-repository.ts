import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import type { CarePeriodFact, PlanFact } from '../../domain/dashboards/authority-measures.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { OptionType } from '../../domain/plans/permanence-options.ts'
import {
  childTimescales,
  children,
  periodsOfCare,
  permanencePlans,
  teams,
  timescaleItems,
  users,
} from '../schema/index.ts'

export interface DriftSource {
  readonly childId: string
  readonly givenNames: string
  readonly familyName: string
  readonly teamId: string | null
  readonly teamName: string | null
  readonly workerId: string | null
  readonly workerName: string | null
  readonly drift: Record<string, unknown> | null
  readonly items: readonly { rule: string; status: string; dueOn: string | null }[]
}

/**
 * What dashboards aggregate: each child with their team, worker, stored drift measures and open or late items.
 * @param tx - the transaction
 * @param teamId - one team, or undefined for the whole authority
 * @returns one entry per child
 */
export async function loadDriftSources(tx: Tx, teamId?: string): Promise<DriftSource[]> {
  const rows = await tx
    .select({
      childId: children.id,
      givenNames: children.givenNames,
      familyName: children.familyName,
      teamId: children.teamId,
      teamName: teams.name,
      workerId: children.allocatedWorkerId,
      workerName: users.displayName,
      drift: childTimescales.drift,
    })
    .from(children)
    .leftJoin(teams, eq(teams.id, children.teamId))
    .leftJoin(users, eq(users.id, children.allocatedWorkerId))
    .leftJoin(childTimescales, eq(childTimescales.childId, children.id))
    .where(and(isNull(children.voidedAt), teamId ? eq(children.teamId, teamId) : sql`true`))
  const ids = rows.map(r => r.childId)
  const items =
    ids.length === 0
      ? []
      : await tx
          .select({
            childId: timescaleItems.childId,
            rule: timescaleItems.rule,
            status: timescaleItems.status,
            dueOn: timescaleItems.dueOn,
          })
          .from(timescaleItems)
          .where(
            and(teamId ? inArray(timescaleItems.childId, ids) : sql`true`, ne(timescaleItems.status, 'not-applicable')),
          )
  const byChild = new Map<string, { rule: string; status: string; dueOn: string | null }[]>()
  for (const item of items) {
    const list = byChild.get(item.childId) ?? []
    list.push({ rule: item.rule, status: item.status, dueOn: item.dueOn })
    byChild.set(item.childId, list)
  }
  return rows.map(row => ({ ...row, items: byChild.get(row.childId) ?? [] }))
}

/**
 * Every period of care in the authority (not voided), for the authority dashboard.
 * @param tx - the transaction
 * @returns the periods
 */
export async function loadCarePeriods(tx: Tx): Promise<CarePeriodFact[]> {
  const rows = await tx
    .select({ childId: periodsOfCare.childId, startedOn: periodsOfCare.startedOn, endedOn: periodsOfCare.endedOn })
    .from(periodsOfCare)
    .where(isNull(periodsOfCare.voidedAt))
  return rows.map(row => ({
    childId: row.childId,
    startedOn: row.startedOn as CalendarDay,
    endedOn: row.endedOn as CalendarDay | null,
  }))
}

/**
 * Each child's current plan (its latest version), with the route recorded when permanence was achieved.
 * @param tx - the transaction
 * @param childIds - some children, or every child in the authority when undefined
 * @returns one entry per child with a plan
 */
export async function loadCurrentPlans(tx: Tx, childIds?: readonly string[]): Promise<PlanFact[]> {
  if (childIds?.length === 0) {
    return []
  }
  const rows = await tx
    .selectDistinctOn([permanencePlans.childId], {
      childId: permanencePlans.childId,
      primaryOptionType: permanencePlans.primaryOptionType,
      hasViableContingency: permanencePlans.hasViableContingency,
      permanenceAchievedOn: permanencePlans.permanenceAchievedOn,
      achievedRoute: sql<string | null>`${permanencePlans.plan} -> 'permanenceAchieved' ->> 'route'`,
    })
    .from(permanencePlans)
    .where(
      and(isNull(permanencePlans.voidedAt), childIds ? inArray(permanencePlans.childId, [...childIds]) : sql`true`),
    )
    .orderBy(permanencePlans.childId, desc(permanencePlans.planVersion))
  return rows.map(row => ({
    ...row,
    primaryOptionType: row.primaryOptionType as OptionType | null,
    permanenceAchievedOn: row.permanenceAchievedOn as CalendarDay | null,
    achievedRoute: (row.achievedRoute ?? row.primaryOptionType) as OptionType | null,
  }))
}
