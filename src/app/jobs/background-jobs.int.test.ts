import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../demo/seed-demo.ts'
import { fixedClock } from '../shared/system-clock.ts'
import type { Database } from '../../db/client.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { startBackgroundJobs, TIMESCALES_REFRESH_QUEUE, type BackgroundJobs } from './start-background-jobs.ts'
import { needsTimescaleRefresh } from './needs-timescale-refresh.ts'

let db: Database
let jobs: BackgroundJobs | undefined

beforeAll(async () => {
  db = await createTestDatabase()
  await seedDemo(db, { children: 12, seed: 3, today: '2026-02-02' as never })
})
afterAll(async () => {
  await jobs?.stop()
  await db.close()
})

describe('the nightly timescale refresh', () => {
  it('is scheduled for 00:05 London time and moves every child and the dashboards on to the new day', async () => {
    const nextDay = fixedClock('2026-02-03T09:00:00Z')
    expect(await needsTimescaleRefresh(db, '2026-02-02' as never)).toBe(false)
    expect(await needsTimescaleRefresh(db, nextDay.today())).toBe(true)
    const messages: string[] = []
    jobs = await startBackgroundJobs(db, nextDay, message => messages.push(message))
    const schedules = await db.query<{ name: string; cron: string; timezone: string }>(
      'SELECT name, cron, timezone FROM pgboss.schedule',
    )
    expect(schedules).toContainEqual({ name: TIMESCALES_REFRESH_QUEUE, cron: '5 0 * * *', timezone: 'Europe/London' })
    await jobs.refreshNow()
    expect(messages.join('\n')).toMatch(/Timescales refreshed for \d+ children/)
    expect(await needsTimescaleRefresh(db, nextDay.today())).toBe(false)
    const days = await db.query<{ day: string }>('SELECT DISTINCT evaluated_as_of::text AS day FROM child_timescales')
    expect(days).toEqual([{ day: '2026-02-03' }])
    // Then each authority's dashboard snapshot for the new day (ADR 0093).
    expect(messages.join('\n')).toMatch(/Dashboard snapshots computed for 2 authorities/)
    const snapshots = await db.query<{ as_of: string; trigger: string; n: number }>(
      `SELECT as_of::text, computed_by_trigger AS trigger, count(DISTINCT authority_id)::int AS n
         FROM dashboard_snapshots GROUP BY 1, 2`,
    )
    expect(snapshots).toEqual([{ as_of: '2026-02-03', trigger: 'nightly', n: 2 }])
  })
})
