import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { earliestDestruction } from '../domain/retention/earliest-destruction.ts'
import type { CalendarDay } from '../domain/shared/calendar-day.ts'
import type { Database } from './client.ts'
import { findPostgresError } from './errors.ts'
import * as schema from './schema/index.ts'
import { createTestDatabase, testDatabaseKind } from './testing/test-database.ts'

let db: Database
const authority = randomUUID()
const userId = randomUUID()

async function errorOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    return findPostgresError(error)?.message ?? String(error)
  }
  return 'no error'
}

async function addChild(dateOfBirthOn: string, extra: Partial<typeof schema.children.$inferInsert> = {}) {
  const id = randomUUID()
  await db.withAuthority({ authorityId: authority, userId, changeReason: 'Test child' }, tx =>
    tx.insert(schema.children).values({
      id,
      authorityId: authority,
      givenNames: 'Tess',
      familyName: 'Retention',
      dateOfBirthOn,
      sex: 'female',
      ethnicity: 'WBRI',
      localCaseNumber: `R-${id.slice(0, 8)}`,
      ...extra,
    }),
  )
  return id
}

async function childRow(id: string) {
  const [row] = await db.query<{ earliest: string; sensitivity: string; version: number }>(
    `SELECT earliest_destruction_on::text AS earliest, sensitivity, version FROM children WHERE id = $1`,
    [id],
  )
  return row!
}

beforeAll(async () => {
  db = await createTestDatabase()
  await db.query(`INSERT INTO authorities (authority_id, code, name) VALUES ($1, 'retention', 'Retention Test')`, [
    authority,
  ])
})
afterAll(async () => {
  await db.close()
})

describe(`retention in the database (security REL-03, D5) on ${testDatabaseKind()}`, () => {
  it('computes the same earliest destruction date as the domain rule, for any dates', async () => {
    const dayArb = fc
      .integer({ min: Date.UTC(1920, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
      .map(n => new Date(n * 86_400_000).toISOString().slice(0, 10))
    const leap = fc.integer({ min: 480, max: 524 }).map(q => `${q * 4}-02-29`)
    const samples = fc.sample(
      fc.record({
        born: fc.oneof(dayArb, leap),
        died: fc.option(fc.oneof(dayArb, leap), { nil: null }),
        adopted: fc.option(fc.oneof(dayArb, leap), { nil: null }),
      }),
      { numRuns: 3_000, seed: 20260201 },
    )
    const rows = await db.query<{ earliest: string }>(
      `SELECT app_earliest_destruction_on(b, d, a)::text AS earliest
       FROM unnest($1::date[], $2::date[], $3::date[]) WITH ORDINALITY AS s(b, d, a, n) ORDER BY n`,
      [samples.map(s => s.born), samples.map(s => s.died), samples.map(s => s.adopted)],
    )
    const disagreements = samples.flatMap((s, i) => {
      const expected = earliestDestruction({
        dateOfBirthOn: s.born as CalendarDay,
        dateOfDeathOn: s.died as CalendarDay | null,
        adoptionOrdersMadeOn: s.adopted === null ? [] : [s.adopted as CalendarDay],
      }).keepUntil
      return rows[i]!.earliest === expected ? [] : [{ ...s, sql: rows[i]!.earliest, domain: expected }]
    })
    expect(disagreements).toEqual([])
  })

  it('keeps the stored date current as the facts change, and seals the record on an adoption order', async () => {
    const id = await addChild('2010-03-10')
    expect(await childRow(id)).toMatchObject({ earliest: '2085-03-10', sensitivity: 'normal', version: 1 })
    await db.withAuthority({ authorityId: authority, userId, changeReason: 'Death recorded' }, tx =>
      tx.execute(sql`UPDATE children SET date_of_death_on = '2015-06-01', version = 2 WHERE id = ${id}`),
    )
    expect(await childRow(id)).toMatchObject({ earliest: '2030-06-01', version: 2 })

    const other = await addChild('2024-05-01')
    const orderId = randomUUID()
    await db.withAuthority({ authorityId: authority, userId, changeReason: 'Recorded' }, tx =>
      tx.insert(schema.legalOrders).values({
        id: orderId,
        authorityId: authority,
        childId: other,
        orderType: 'adoption-order',
        madeOn: '2026-02-09',
      }),
    )
    expect(await childRow(other)).toMatchObject({ earliest: '2126-02-09', sensitivity: 'sealed', version: 2 })
    const [history] = await db.query<{ change_reason: string }>(
      `SELECT change_reason FROM record_versions WHERE record_id = $1 AND version = 2`,
      [other],
    )
    expect(history!.change_reason).toBe('Sealed: adoption order recorded')

    await db.withAuthority({ authorityId: authority, userId, changeReason: 'Recorded on the wrong child' }, tx =>
      tx.execute(
        sql`UPDATE legal_orders SET voided_at = now(), void_reason = 'Wrong child', version = 2 WHERE id = ${orderId}`,
      ),
    )
    // The date goes back to the 75th birthday; the seal stays (only a deliberate decision may lift it).
    expect(await childRow(other)).toMatchObject({ earliest: '2099-05-01', sensitivity: 'sealed', version: 3 })
  })

  it('refuses to delete a child or its history before the date, even for the owner', async () => {
    const id = await addChild('2012-01-01')
    expect(await errorOf(db.query(`DELETE FROM children WHERE id = $1`, [id]))).toMatch(/never deleted/)
    expect(await errorOf(db.query(`DELETE FROM record_versions WHERE record_id = $1`, [id]))).toMatch(/append-only/)
    expect(
      await errorOf(
        db.ownerTransaction(async raw => {
          await raw.query(`SELECT set_config('app.retention_destruction', 'on', true)`)
          await raw.query(`DELETE FROM children WHERE id = $1`, [id])
        }),
      ),
    ).toMatch(/never deleted/)
    expect(
      await errorOf(
        db.query(
          `INSERT INTO destruction_tombstones (id, authority_id, child_id, record_class, record_created_at,
             earliest_destruction_on, destroyed_by, reason)
           VALUES ($1, $2, $3, 'child-care-record', now(), '1900-01-01', 'test', 'Trying to destroy too early')`,
          [randomUUID(), authority, id],
        ),
      ),
    ).toMatch(/cannot be destroyed before 2087-01-01/)
    expect(
      await errorOf(db.withAuthority({ authorityId: authority }, tx => tx.execute(sql`DELETE FROM children`))),
    ).toMatch(/permission denied/)
    expect((await db.query(`SELECT 1 FROM children WHERE id = $1`, [id])).length).toBe(1)
  })

  it('refuses destruction under a legal hold, and allows it once the date has passed, leaving a tombstone', async () => {
    const id = await addChild('1940-05-05')
    await db.withAuthority({ authorityId: authority, userId, changeReason: 'Inquiry' }, tx =>
      tx.execute(sql`UPDATE children SET legal_hold = true, version = 2 WHERE id = ${id}`),
    )
    const destroy = () =>
      db.ownerTransaction(async raw => {
        await raw.query(`SELECT set_config('app.retention_destruction', 'on', true)`)
        await raw.query(
          `INSERT INTO destruction_tombstones (id, authority_id, child_id, record_class, record_created_at,
             earliest_destruction_on, destroyed_by, reason)
           VALUES ($1, $2, $3, 'child-care-record', now(), '1900-01-01', 'test', 'Retention period ended')`,
          [randomUUID(), authority, id],
        )
        await raw.query(`DELETE FROM record_versions WHERE child_id = $1`, [id])
        await raw.query(`DELETE FROM children WHERE id = $1`, [id])
      })
    expect(await errorOf(destroy())).toMatch(/legal hold/)
    await db.withAuthority({ authorityId: authority, userId, changeReason: 'Inquiry over' }, tx =>
      tx.execute(sql`UPDATE children SET legal_hold = false, version = 3 WHERE id = ${id}`),
    )
    expect(await errorOf(destroy())).toBe('no error')
    expect((await db.query(`SELECT 1 FROM children WHERE id = $1`, [id])).length).toBe(0)
    expect((await db.query(`SELECT 1 FROM record_versions WHERE child_id = $1`, [id])).length).toBe(0)
    const [tombstone] = await db.query<{ earliest: string }>(
      `SELECT earliest_destruction_on::text AS earliest FROM destruction_tombstones WHERE child_id = $1`,
      [id],
    )
    expect(tombstone!.earliest).toBe('2015-05-05')
    expect(await errorOf(db.query(`DELETE FROM destruction_tombstones WHERE child_id = $1`, [id]))).toMatch(
      /append-only/,
    )
  })
})
