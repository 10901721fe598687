import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { createTestDatabase, testDatabaseKind } from '../../db/testing/test-database.ts'
import { destroyChildRecord } from './destroy-child-record.ts'
import { listRecordsDue } from './list-records-due.ts'
import { setChildLegalHold } from './set-legal-hold.ts'

let db: Database
const authority = randomUUID()

async function child(dateOfBirth: string): Promise<string> {
  const id = randomUUID()
  await db.query(
    `INSERT INTO children (id, authority_id, given_names, family_name, date_of_birth_on, sex, ethnicity, local_case_number)
     VALUES ($1, $2, 'Old', 'Record', $3, 'male', 'WBRI', $4)`,
    [id, authority, dateOfBirth, `OLD-${id.slice(0, 6)}`],
  )
  await db.query(
    `INSERT INTO statutory_reviews (id, authority_id, child_id, held_on) VALUES ($1, $2, $3, $4::date + 3650)`,
    [randomUUID(), authority, id, dateOfBirth],
  )
  return id
}

beforeAll(async () => {
  db = await createTestDatabase()
  await db.query(`INSERT INTO authorities (authority_id, code, name) VALUES ($1, 'old-county', 'Old County')`, [
    authority,
  ])
})
afterAll(async () => {
  await db.close()
})

describe(`the destruction workflow on ${testDatabaseKind()} (security D5, REL-03)`, () => {
  it('destroys a record whose date has passed, keeping a tombstone and an audit event', async () => {
    const id = await child('1940-01-01')
    expect((await listRecordsDue(db, '2026-02-01')).map(r => r.childId)).toContain(id)
    const rows = await destroyChildRecord(db, {
      childId: id,
      destroyedBy: 'IG officer',
      reason: 'Retention period ended; appraised',
    })
    expect(rows).toMatchObject({ children: 1, statutory_reviews: 1, record_versions: 2 })
    expect(await db.query(`SELECT 1 FROM record_versions WHERE child_id = $1`, [id])).toEqual([])
    expect(await db.query(`SELECT 1 FROM children WHERE id = $1`, [id])).toEqual([])
    const [tombstone] = await db.query<{ earliest: string; destroyed_by: string }>(
      `SELECT earliest_destruction_on::text AS earliest, destroyed_by FROM destruction_tombstones WHERE child_id = $1`,
      [id],
    )
    expect(tombstone).toEqual({ earliest: '2015-01-01', destroyed_by: 'IG officer' })
    const [event] = await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE child_id = $1`, [id])
    expect(event!.action).toBe('CHILD_RECORD_DESTROYED')
  })

  it('refuses to destroy a record before its date, or under a legal hold, and changes nothing', async () => {
    const young = await child('2012-06-06')
    await expect(
      destroyChildRecord(db, { childId: young, destroyedBy: 'IG officer', reason: 'Trying too early on purpose' }),
    ).rejects.toThrow(/cannot be destroyed before 2087-06-06/)
    const old = await child('1941-01-01')
    await setChildLegalHold(db, { childId: old, isHeld: true, reason: 'Public inquiry', operator: 'IG officer' })
    expect((await listRecordsDue(db, '2026-02-01')).map(r => r.childId)).not.toContain(old)
    await expect(
      destroyChildRecord(db, { childId: old, destroyedBy: 'IG officer', reason: 'Retention period ended' }),
    ).rejects.toThrow(/legal hold/)
    for (const id of [young, old]) {
      expect((await db.query(`SELECT 1 FROM statutory_reviews WHERE child_id = $1`, [id])).length).toBe(1)
      expect((await db.query(`SELECT 1 FROM destruction_tombstones WHERE child_id = $1`, [id])).length).toBe(0)
    }
    const [hold] = await db.query<{ change_reason: string }>(
      `SELECT change_reason FROM record_versions WHERE record_id = $1 ORDER BY version DESC LIMIT 1`,
      [old],
    )
    expect(hold!.change_reason).toBe('Public inquiry')
  })
})
