import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'
import { webClient } from '../testing/web-client.ts'
import { findPostgresError } from '../../db/errors.ts'
import { queryRows } from '../../db/raw-sql.ts'

let t: TestApp
let childA: string
let childB: string

function childInput(givenNames: string, familyName: string, caseNumber: string) {
  return {
    givenNames,
    familyName,
    dateOfBirthOn: '2016-03-03',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: caseNumber,
    teamId: t.north.teamA,
    allocatedWorkerId: t.north.users['social-worker'].id,
  }
}

beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childA = (await worker.post<{ id: string }>('/api/v1/children', childInput('Ottoline', 'Linkwell', 'AEC-1'))).body.id
  childB = (await worker.post<{ id: string }>('/api/v1/children', childInput('Bartholomew', 'Otherside', 'AEC-2'))).body
    .id
}, 60_000)
afterAll(async () => {
  await t.close()
})

type Log = { entries: { action: string; role: string }[] }

describe('who has viewed a record, through audit_event_children (issue 5)', () => {
  it("puts an event that lists a child in that child's access log and no other's", async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const search = await worker.post<{ children: { id: string }[] }>('/api/v1/children/search', { q: 'Linkwell' })
    expect(search.body.children.map(c => c.id)).toEqual([childA])
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    expect((await manager.get(`/api/v1/children/${childA}`)).status).toBe(200)

    const logOf = async (childId: string) =>
      (await worker.get<Log>(`/api/v1/children/${childId}/access-log`)).body.entries.map(e => [e.action, e.role])
    expect(await logOf(childA)).toEqual(
      expect.arrayContaining([
        ['CHILDREN_SEARCHED', 'social-worker'],
        ['CHILD_RECORD_VIEWED', 'team-manager'],
        ['CHILD_REGISTERED', 'social-worker'],
      ]),
    )
    const ofB = await logOf(childB)
    expect(ofB).toContainEqual(['CHILD_REGISTERED', 'social-worker'])
    expect(ofB).not.toContainEqual(['CHILDREN_SEARCHED', 'social-worker'])
    expect(ofB).not.toContainEqual(['CHILD_RECORD_VIEWED', 'team-manager'])

    // The search's event is linked to the one child it listed.
    const links = await t.db.query<{ child_id: string }>(
      `SELECT l.child_id FROM audit_event_children l JOIN audit_events e ON e.id = l.event_id
       WHERE e.request_id = $1`,
      [search.headers.get('x-request-id')],
    )
    expect(links.map(l => l.child_id)).toEqual([childA])
  })

  it('shows the most recent accesses on the child’s page, with how many there are in all', async () => {
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    for (let i = 0; i < 22; i += 1) {
      expect((await manager.get(`/api/v1/children/${childB}`)).status).toBe(200)
    }
    const [{ n }] = (await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 OR details -> 'childIds' ? $1::text`,
      [childB],
    )) as [{ n: number }]
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    const page = await browser.get(`/children/${childB}`)
    const table = page.$('#access').nextAll('table').first()
    expect(table.find('tbody tr').length).toBe(20)
    expect(table.find('tbody tr').first().text()).toContain('child record viewed')
    // Opening the page is itself an access, written in the same transaction after the log was read.
    expect(page.$('#access').nextAll('p.govuk-body').first().text()).toBe(
      `The 20 most recent of ${n} times the record was opened, changed or listed.`,
    )
  })

  it("keeps each authority's links to itself and refuses to change them", async () => {
    const south = { authorityId: t.south.authorityId, userId: t.south.users['social-worker'].id }
    const seen = await t.db.withAuthority(south, tx =>
      queryRows<{ n: number; other: number }>(
        tx,
        sql`SELECT count(*) FILTER (WHERE child_id = ${childA})::int AS n,
              count(*) FILTER (WHERE authority_id <> ${t.south.authorityId})::int AS other
            FROM audit_event_children`,
      ),
    )
    expect(seen).toEqual([{ n: 0, other: 0 }])
    const refusal = await t.db
      .withAuthority(south, tx =>
        tx.execute(sql`INSERT INTO audit_event_children (authority_id, child_id, occurred_at, event_id)
          VALUES (${t.north.authorityId}, ${childA}, now(), 1)`),
      )
      .then(
        () => 'no error',
        (error: unknown) => findPostgresError(error)?.message ?? String(error),
      )
    expect(refusal).toMatch(/row-level security/)
    await expect(t.db.query(`UPDATE audit_event_children SET child_id = $1`, [childB])).rejects.toThrow(/append-only/)
    await expect(t.db.query(`DELETE FROM audit_event_children`)).rejects.toThrow(/append-only/)
  })

  it('links the child an event concerns and the well-formed ids it lists, each once', async () => {
    const ids = async (childId: string | null, details: unknown) =>
      (
        await t.db.query<{ id: string }>(`SELECT app_audit_event_child_ids($1::uuid, $2::jsonb) AS id ORDER BY 1`, [
          childId,
          JSON.stringify(details),
        ])
      ).map(r => r.id)
    expect(await ids(null, { childIds: [childA, 'nonsense', 5, childA, childB.toUpperCase()] })).toEqual(
      [childA, childB].sort(),
    )
    expect(await ids(childA, { childIds: [childA] })).toEqual([childA])
    expect(await ids(childA, { childIds: 'not a list' })).toEqual([childA])
    expect(await ids(null, {})).toEqual([])
  })

  it('reads the log by its index under row-level security', async () => {
    const plan = await t.db.withAuthority(
      { authorityId: t.north.authorityId, userId: t.north.users['social-worker'].id },
      async tx => {
        // With sequential scans ruled out the planner must use an index if the policy lets it.
        await tx.execute(sql`SET LOCAL enable_seqscan = off`)
        return queryRows<{ 'QUERY PLAN': string }>(
          tx,
          sql`EXPLAIN SELECT e.action FROM audit_event_children l JOIN audit_events e ON e.id = l.event_id
              WHERE l.child_id = ${childA} ORDER BY l.occurred_at DESC, l.event_id DESC LIMIT 20`,
        )
      },
    )
    const text = plan.map(row => row['QUERY PLAN']).join('\n')
    expect(text).toMatch(/Index (Only )?Scan( Backward)? using audit_event_children_pkey on audit_event_children/)
    expect(text).not.toMatch(/Seq Scan on audit_event_children/)
  })
})
