/**
 * The dashboards against a seeded demo authority (ADR 0093): the team dashboard's counts, worked out in the database,
 * equal what the in-Node computation they replaced gives for every team and worker; its lists page through every
 * child behind a count; the authority dashboard's snapshot is computed once a day, again on "Recalculate now" and by
 * the nightly job, and each authority sees only its own.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { queryRows } from '../../db/raw-sql.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Clock, Instant } from '../../domain/shared/clock.ts'
import { findSignInCandidate, loadUser } from '../../db/repositories/auth-repository.ts'
import { listTeamChildren, TEAM_MEASURES } from '../../db/repositories/team-dashboard-repository.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { authorityMeasures } from '../../domain/dashboards/authority-measures.ts'
import { loadCarePeriods, loadCurrentPlans } from '../../db/repositories/dashboard-repository.ts'
import { actorFromUser } from '../auth/actor-from-user.ts'
import type { Actor } from '../shared/actor.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { createDependencies } from '../shared/default-dependencies.ts'
import { runOperation, type Operation } from '../shared/run-operation.ts'
import { teamDashboardInNode } from './testing/team-dashboard-in-node.ts'
import {
  recalculateAuthorityDashboard,
  refreshAuthoritySnapshots,
  SNAPSHOT_DAYS_KEPT,
  viewAuthorityDashboard,
} from './view-authority-dashboard.ts'
import { viewTeamChildren, viewTeamDashboard } from './view-team-dashboard.ts'
import { setScorecardThresholds } from '../returns/set-scorecard-thresholds.ts'

const TODAY = '2026-02-02'
let day = TODAY
const clock: Clock = { now: () => `${day}T10:00:00.000Z` as Instant, today: () => day as CalendarDay }
let db: Database

async function actorFor(email: string): Promise<Actor> {
  const candidate = (await findSignInCandidate(db, email))!
  const user = await db.withAuthority({ authorityId: candidate.authorityId, userId: candidate.userId }, tx =>
    loadUser(tx, candidate.userId),
  )
  return actorFromUser(user!)!
}

function run<T>(
  actor: Actor,
  policy: 'dashboard:team' | 'dashboard:authority' | 'dashboard:recalculate',
  work: (op: Operation) => Promise<T>,
) {
  return runOperation(createDependencies(db, clock), { actor, policy, auditAction: 'DASHBOARD_TESTED' }, work)
}

async function snapshots(authorityId: string) {
  return db.withAuthority({ authorityId }, tx =>
    queryRows<{ authority_id: string; as_of: string; computed_by_trigger: string }>(
      tx,
      sql`SELECT authority_id, as_of::text AS as_of, computed_by_trigger FROM dashboard_snapshots ORDER BY as_of`,
    ),
  )
}

beforeAll(async () => {
  db = await createTestDatabase()
  await seedDemo(db, { children: 60, seed: 7, today: TODAY as never })
}, 120_000)
afterAll(async () => {
  await db?.close()
})

describe('the team dashboard’s counts, worked out in the database', () => {
  it('equal the in-Node computation for every team and worker, and list the same children for the same reasons', async () => {
    const manager = await actorFor('team.manager@northshire.example')
    const teams = await db.withAuthority({ authorityId: manager.authorityId }, async tx =>
      (
        await queryRows<{ id: string }>(
          tx,
          sql`SELECT DISTINCT team_id AS id FROM children WHERE team_id IS NOT NULL ORDER BY 1`,
        )
      ).map(row => row.id),
    )
    expect(teams.length).toBeGreaterThanOrEqual(3)
    const totals = { actions: 0, contingency: 0, noPlan: 0, meetings: 0, overdue: 0 }
    for (const teamId of teams) {
      const actor = { ...manager, teamId }
      const expected = await run(actor, 'dashboard:team', op => teamDashboardInNode(op))
      const actual = await run(actor, 'dashboard:team', op => viewTeamDashboard(op))
      expect(
        actual.byWorker.map(w => ({
          workerId: w.workerId,
          children: w.children,
          overdue: w.childrenWithOverdueItems,
          noPlan: w.childrenWithNoPlanBySecondReview,
          meetings: w.childrenWithPlanningMeetingOverdue,
          proceedings: w.proceedingsPast26Weeks,
          actions: w.childrenWithActionsOverdue,
          contingency: w.plansWithoutViableContingency,
        })),
      ).toEqual(
        expected.byWorker.map(w => ({
          workerId: w.workerId,
          children: w.aggregate.children,
          overdue: w.aggregate.childrenWithOverdueItems,
          noPlan: w.aggregate.childrenWithNoPlanBySecondReview,
          meetings: w.aggregate.childrenWithPlanningMeetingOverdue,
          proceedings: w.aggregate.proceedingsPast26Weeks,
          actions: w.childrenWithActionsOverdue,
          contingency: w.plansWithoutViableContingency,
        })),
      )
      expect(actual.team.children).toBe(expected.team.children)
      expect(actual.childrenOfConcernTotal).toBe(expected.childrenOfConcern.length)
      expect(actual.childrenOfConcern.length).toBe(Math.min(20, expected.childrenOfConcern.length))
      // Every child to look at, page by page, with the same reasons (the lists add why a plan was late).
      const listed = []
      for (let page = 1; ; page++) {
        const result = await run(actor, 'dashboard:team', op =>
          viewTeamChildren(op, { measure: 'any', workerId: undefined, page }),
        )
        listed.push(...result.children)
        if (page >= result.pages) {
          break
        }
      }
      const reasons = (list: readonly { childId: string; reasons: readonly string[] }[]) =>
        new Map(list.map(c => [c.childId, c.reasons.filter(r => r !== 'Permanence plan made after the second review')]))
      expect(reasons(listed)).toEqual(reasons(expected.childrenOfConcern))
      totals.actions += actual.team.childrenWithActionsOverdue
      totals.contingency += actual.team.plansWithoutViableContingency
      totals.noPlan += actual.team.childrenWithNoPlanBySecondReview
      totals.meetings += actual.team.childrenWithPlanningMeetingOverdue
      totals.overdue += actual.team.childrenWithOverdueItems
    }
    // The demo has something to count under each of these, so the comparison is not of zeros (it follows the national
    // pack: no local planning-meeting cadence, so no planning meeting is overdue).
    expect(totals).toEqual({
      actions: expect.toSatisfy((n: number) => n > 0),
      contingency: expect.toSatisfy((n: number) => n > 0),
      noPlan: expect.toSatisfy((n: number) => n > 0),
      meetings: 0,
      overdue: expect.toSatisfy((n: number) => n > 0),
    })
  })

  it('pages through exactly the children behind each count, for the team and for one worker', async () => {
    const manager = await actorFor('team.manager@northshire.example')
    const counts = await run(manager, 'dashboard:team', op => viewTeamDashboard(op))
    const worker = counts.byWorker.find(w => w.children > 3)!
    await db.withAuthority({ authorityId: manager.authorityId }, async tx => {
      for (const measure of TEAM_MEASURES) {
        for (const workerId of [undefined, worker.workerId]) {
          const all = await listTeamChildren(tx, {
            teamId: manager.teamId!,
            measure,
            workerId,
            limit: 1000,
            offset: 0,
          })
          const paged = []
          for (let offset = 0; offset < all.total + 3; offset += 3) {
            const page = await listTeamChildren(tx, {
              teamId: manager.teamId!,
              measure,
              workerId,
              limit: 3,
              offset,
            })
            expect(page.total).toBe(all.total)
            paged.push(...page.rows.map(r => r.childId))
          }
          expect(paged).toEqual(all.rows.map(r => r.childId))
          expect(new Set(paged).size).toBe(paged.length)
          if (workerId !== undefined) {
            expect(all.rows.every(r => r.workerId === workerId)).toBe(true)
          }
        }
      }
      const children = await listTeamChildren(tx, {
        teamId: manager.teamId!,
        measure: 'children',
        workerId: worker.workerId,
        limit: 1000,
        offset: 0,
      })
      expect(children.total).toBe(worker.children)
      const actions = await listTeamChildren(tx, {
        teamId: manager.teamId!,
        measure: 'actions',
        limit: 1000,
        offset: 0,
      })
      expect(actions.total).toBe(counts.team.childrenWithActionsOverdue)
      expect(actions.rows.every(r => r.overdueActions > 0)).toBe(true)
    })
  })
})

describe('the authority dashboard’s daily snapshot', () => {
  it('is computed at the first view of the day and kept, with the figures the facts give', async () => {
    const analyst = await actorFor('performance.analyst@northshire.example')
    const first = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    const second = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    expect(first.trigger).toBe('on-request')
    expect(second.computedAt.getTime()).toBe(first.computedAt.getTime())
    expect(await snapshots(analyst.authorityId)).toHaveLength(1)
    const live = await db.withAuthority({ authorityId: analyst.authorityId }, async tx =>
      authorityMeasures({
        today: TODAY as never,
        periods: await loadCarePeriods(tx),
        plans: await loadCurrentPlans(tx),
      }),
    )
    expect(second.measures).toEqual(live)
    expect(live.childrenInCare).toBeGreaterThan(0)
  })

  it('is recalculated on request by an analyst, and not by a team manager', async () => {
    const analyst = await actorFor('performance.analyst@northshire.example')
    const before = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    const recalculated = await run(analyst, 'dashboard:recalculate', op => recalculateAuthorityDashboard(op))
    expect(recalculated.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime())
    const after = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    expect(after.trigger).toBe('recalculated')
    expect(after.computedAt.getTime()).toBe(recalculated.computedAt.getTime())
    expect(await snapshots(analyst.authorityId)).toHaveLength(1)
    const manager = await actorFor('team.manager@northshire.example')
    await expect(run(manager, 'dashboard:recalculate', op => recalculateAuthorityDashboard(op))).rejects.toMatchObject({
      status: 403,
    })
  })

  it('is computed again when the scorecard thresholds change, so the scorecard uses the new ones', async () => {
    const analyst = await actorFor('performance.analyst@northshire.example')
    const before = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    expect(before.scorecard.isDefaultThresholds).toBe(true)
    await runOperation(
      createDependencies(db, clock),
      { actor: analyst, policy: 'scorecard:configure', auditAction: 'SCORECARD_THRESHOLDS_SET' },
      op => setScorecardThresholds(op, { a1Days: 400, a2Days: 100, a3Months: 12 }, 0),
    )
    const after = await run(analyst, 'dashboard:authority', op => viewAuthorityDashboard(op))
    expect(after.trigger).toBe('on-request')
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime())
    expect(after.scorecard.thresholds).toEqual({ a1Days: 400, a2Days: 100, a3Months: 12 })
    expect(after.scorecard.cohort.thresholds.a1Days).toBe(400)
  })

  it('is computed by the nightly job for each authority, and each authority sees only its own', async () => {
    day = '2026-02-03'
    try {
      expect(await refreshAuthoritySnapshots(db, '2026-02-03' as never)).toBe(2)
      const north = await actorFor('performance.analyst@northshire.example')
      const south = await actorFor('performance.analyst@southvale.example')
      const northRows = await snapshots(north.authorityId)
      const southRows = await snapshots(south.authorityId)
      expect(northRows.map(r => [r.as_of, r.computed_by_trigger])).toEqual([
        [TODAY, 'on-request'],
        ['2026-02-03', 'nightly'],
      ])
      expect(southRows.map(r => [r.as_of, r.computed_by_trigger])).toEqual([['2026-02-03', 'nightly']])
      expect(southRows.every(r => r.authority_id === south.authorityId)).toBe(true)
      const view = await run(south, 'dashboard:authority', op => viewAuthorityDashboard(op))
      expect(view.trigger).toBe('nightly')
      const northView = await run(north, 'dashboard:authority', op => viewAuthorityDashboard(op))
      expect(northView.measures.childrenInCare).not.toBe(view.measures.childrenInCare)
      // A month and a day later the night's run keeps SNAPSHOT_DAYS_KEPT days: the older ones go.
      const later = addCalendarDays('2026-02-03' as never, SNAPSHOT_DAYS_KEPT)
      day = later
      expect(await refreshAuthoritySnapshots(db, later)).toBe(2)
      expect((await snapshots(north.authorityId)).map(r => r.as_of)).toEqual(['2026-02-03', later])
      expect((await snapshots(south.authorityId)).map(r => r.as_of)).toEqual(['2026-02-03', later])
    } finally {
      day = TODAY
    }
  })
})
