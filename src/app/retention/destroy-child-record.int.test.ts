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

  it('destroys every table of the record, decisions and due dates included, but not rows shared with a sibling', async () => {
    const id = await child('1942-03-03')
    const sibling = await child('1943-04-04')
    const placement = randomUUID()
    await db.query(
      `INSERT INTO placements (id, authority_id, child_id, placement_type, started_on) VALUES ($1, $2, $3, 'adoption-consent', '1950-01-01')`,
      [placement, authority, id],
    )
    await db.query(
      `INSERT INTO care_events (id, authority_id, child_id, kind, occurred_on, placement_id)
       VALUES ($1, $2, $3, 'placement-plan', '1950-01-02', $4)`,
      [randomUUID(), authority, id, placement],
    )
    const decide = (childIds: string[]) =>
      db.query(
        `INSERT INTO decision_events (id, authority_id, kind, subject_type, subject_id, subject_version, child_ids,
           decided_by_role, decided_by_name, decided_on, recorded_on)
         VALUES ($1, $2, 'plan-endorsed', 'plan', 'p', 1, $3::uuid[], 'team-manager', 'A Manager', '1950-02-01', '1950-02-01')`,
        [randomUUID(), authority, childIds],
      )
    await decide([id])
    const rows = await destroyChildRecord(db, { childId: id, destroyedBy: 'IG officer', reason: 'Retention ended' })
    expect(rows).toMatchObject({ children: 1, placements: 1, care_events: 1, decision_events: 1 })
    expect(await db.query(`SELECT 1 FROM decision_events WHERE $1 = ANY (child_ids)`, [id])).toEqual([])

    await decide([sibling, randomUUID()])
    await expect(
      destroyChildRecord(db, { childId: sibling, destroyedBy: 'IG officer', reason: 'Retention ended' }),
    ).rejects.toThrow(/shares decision_events with a brother's or sister's record/)
    expect((await db.query(`SELECT 1 FROM children WHERE id = $1`, [sibling])).length).toBe(1)
  })
})
