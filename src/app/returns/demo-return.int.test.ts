/**
 * The demo authorities' SSDA903 return, built from the database after `seedDemo`, has no validation failures for
 * the collection year in progress (issue 8), nor across years against last year's return as known at the time.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { collectionYearOf } from '../../domain/returns/collection-year.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { createDependencies } from '../shared/default-dependencies.ts'
import { runOperation } from '../shared/run-operation.ts'
import { fixedClock } from '../shared/system-clock.ts'
import { chooseAuthority, commandLineActor } from './command-line-actor.ts'
import { exportSsda903Return } from './export-ssda903-return.ts'

const databases: Database[] = []
afterAll(async () => {
  for (const db of databases) {
    await db.close()
  }
})

describe('the demo authorities’ SSDA903 return', { timeout: 180_000 }, () => {
  it.each(['2026-02-02', '2026-11-25'])('has no validation failures for the year in progress on %s', async today => {
    const db = await createTestDatabase()
    databases.push(db)
    await seedDemo(db, { children: 400, seed: 2026, today: today as CalendarDay })
    const deps = createDependencies(db, fixedClock(`${today}T10:00:00Z`))
    const year = collectionYearOf(today as CalendarDay)
    for (const code of ['northshire', 'southvale']) {
      const actor = await commandLineActor(db, await chooseAuthority(db, { code }), 'performance-analyst')
      const built = await runOperation(
        deps,
        { actor, policy: 'returns:export', auditAction: 'SSDA903_RETURN_EXPORTED' },
        op => exportSsda903Return(op, { year, withPrevious: true }),
      )
      expect(built.childCount, code).toBeGreaterThan(code === 'northshire' ? 250 : 25)
      expect(built.failures, code).toEqual([])
      expect(built.tables.SWEpisodes!.length, code).toBe(built.childCount + 1)
    }
  })
})
