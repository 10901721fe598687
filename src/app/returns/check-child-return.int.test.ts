/**
 * The child's page checks the SSDA903 return from the care record it has just loaded (issue 5: each table read once
 * per request). The facts built that way must be exactly those the returns build from the tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { loadCareRecords } from '../../db/repositories/care-record-repository.ts'
import { loadAuthorityReturnFacts, loadChildReturnFacts } from '../../db/repositories/returns-repository.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { collectionYearOf } from '../../domain/returns/collection-year.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { checkCareRecordReturn, checkChildReturn } from './check-child-return.ts'

const TODAY = '2026-11-25' as CalendarDay
let db: Database
beforeAll(async () => {
  db = await createTestDatabase()
  await seedDemo(db, { children: 120, seed: 2026, today: TODAY })
}, 180_000)
afterAll(async () => {
  await db.close()
})

describe("a child's return facts from the loaded care record", () => {
  it('are the facts the returns read from the tables, for every demo child', async () => {
    const [north] = await db.query<{ authority_id: string }>(
      `SELECT authority_id FROM authorities WHERE code = 'northshire'`,
    )
    await db.withAuthority({ authorityId: north!.authority_id }, async tx => {
      const records = await loadCareRecords(tx, 'all')
      const fromTables = new Map((await loadAuthorityReturnFacts(tx)).map(facts => [facts.child.id, facts] as const))
      expect(records.length).toBe(fromTables.size)
      let withJourney = 0
      let withSocialWorker = 0
      for (const record of records) {
        const facts = await loadChildReturnFacts(tx, record)
        expect(facts).toEqual(fromTables.get(record.child.id))
        withJourney += facts.returnDetails.adoptionJourneys.length > 0 ? 1 : 0
        withSocialWorker += facts.returnDetails.socialWorkerEpisodes.length > 0 ? 1 : 0
      }
      // The demo exercises the tables the record does not hold as well as those it does.
      expect(withJourney).toBeGreaterThan(0)
      expect(withSocialWorker).toBeGreaterThan(0)

      const year = collectionYearOf(TODAY)
      for (const record of records.slice(0, 30)) {
        expect(await checkCareRecordReturn(tx, record, TODAY, year)).toEqual(
          await checkChildReturn(tx, record.child.id, TODAY, year),
        )
      }
    })
  })
})
