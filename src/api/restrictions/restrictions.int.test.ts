import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

let t: TestApp
let worker: ReturnType<typeof apiClient>
let manager: ReturnType<typeof apiClient>
let teamB: ReturnType<typeof apiClient>
let admin: ReturnType<typeof apiClient>

beforeAll(async () => {
  t = await startTestApp()
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  teamB = apiClient(t.baseUrl, t.north.users.teamBWorker.token)
  admin = apiClient(t.baseUrl, t.north.users.administrator.token)
})
afterAll(async () => {
  await t.close()
})

let counter = 0
async function newChild(): Promise<string> {
  counter += 1
  const created = await worker.post<{ id: string }>('/api/v1/children', {
    givenNames: 'Rhona',
    familyName: 'Restrictedly',
    dateOfBirthOn: '2015-06-01',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: `RS-${counter}`,
    teamId: t.north.teamA,
    allocatedWorkerId: t.north.users['social-worker'].id,
  })
  return created.body.id
}

async function versionOf(childId: string): Promise<number> {
  const [row] = await t.db.query<{ version: number }>(`SELECT version FROM children WHERE id = $1`, [childId])
  return row!.version
}

function restriction(overrides: Record<string, unknown> = {}) {
  return {
    category: 'high-profile',
    ownerId: t.north.users['team-manager'].id,
    reviewOn: '2026-03-01',
    permittedUserIds: [t.north.users.otherWorker.id],
    reason: 'Local press interest in the family',
    ...overrides,
  }
}

describe('restricted records (security PRIV-01, AUD-06)', () => {
  it('restricts a record with an owner, a review within 90 days and a reason, kept in its history', async () => {
    const childId = await newChild()
    const path = `/api/v1/children/${childId}/restriction`
    expect((await manager.put(path, restriction())).status).toBe(428)
    const tooFar = await manager.put<{ errors: { code: string }[] }>(path, restriction({ reviewOn: '2026-05-10' }), {
      'if-match': 'W/"1"',
    })
    expect(tooFar.status).toBe(422)
    expect(tooFar.body.errors.map(e => e.code)).toEqual(['restriction-review-too-far'])
    const badOwner = await manager.put<{ errors: { code: string; path: string }[] }>(
      path,
      restriction({ ownerId: t.north.users['social-worker'].id, reviewOn: '2026-01-01' }),
      { 'if-match': 'W/"1"' },
    )
    expect(badOwner.body.errors.map(e => [e.path, e.code])).toEqual([
      ['ownerId', 'restriction-owner-not-allowed'],
      ['reviewOn', 'restriction-review-in-past'],
    ])
    expect((await worker.put(path, restriction(), { 'if-match': 'W/"1"' })).status).toBe(404)
    const done = await manager.put(path, restriction(), { 'if-match': 'W/"1"' })
    expect(done.status).toBe(200)
    expect(done.headers.get('etag')).toBe('W/"2"')
    const versions = await manager.get<{ versions: { changeReason: string; data: { sensitivity: string } }[] }>(
      `/api/v1/children/${childId}/versions`,
    )
    expect(versions.body.versions.at(-1)).toMatchObject({
      changeReason: 'Local press interest in the family',
      data: { sensitivity: 'restricted' },
    })
  })

  it('makes anyone outside the permitted set break the glass, audits the reason and reports it to the owner', async () => {
    const childId = await newChild()
    await manager.put(`/api/v1/children/${childId}/restriction`, restriction(), { 'if-match': 'W/"1"' })
    // The allocated worker, the owner and the named person open it as usual.
    expect((await worker.get(`/api/v1/children/${childId}`)).status).toBe(200)
    expect((await manager.get(`/api/v1/children/${childId}`)).status).toBe(200)
    expect(
      (await apiClient(t.baseUrl, t.north.users.otherWorker.token).get(`/api/v1/children/${childId}`)).status,
    ).toBe(200)
    // A worker of another team in the service must give a reason, and does not find it in search.
    const refused = await teamB.get<{ errors: { code: string }[] }>(`/api/v1/children/${childId}`)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]!.code).toBe('break-glass-required')
    expect((await teamB.get(`/api/v1/children/${childId}`, { 'x-break-glass-reason': 'urgent' })).status).toBe(403)
    const search = await teamB.post<{ children: { id: string }[] }>('/api/v1/children/search', { q: 'Restrictedly' })
    expect(search.body.children.map(c => c.id)).not.toContain(childId)
    const reason = 'Out-of-hours call from the police about this child'
    expect((await teamB.get(`/api/v1/children/${childId}`, { 'x-break-glass-reason': reason })).status).toBe(200)
    const [event] = await t.db.query<{ break_glass_reason: string; outcome: string }>(
      `SELECT break_glass_reason, outcome FROM audit_events WHERE child_id = $1 AND user_id = $2 AND outcome = 'success'`,
      [childId, t.north.users.teamBWorker.id],
    )
    expect(event).toEqual({ break_glass_reason: reason, outcome: 'success' })

    const report = await manager.get<{ openings: { childId: string; reason: string; userId: string }[] }>(
      '/api/v1/restrictions/break-glass-openings',
    )
    expect(report.status).toBe(200)
    expect(report.body.openings).toContainEqual(
      expect.objectContaining({ childId, reason, userId: t.north.users.teamBWorker.id }),
    )
    const all = await admin.get<{ openings: { childId: string }[] }>('/api/v1/restrictions/break-glass-openings')
    expect(all.body.openings.map(o => o.childId)).toContain(childId)
    expect((await worker.get('/api/v1/restrictions/break-glass-openings')).status).toBe(403)
    const south = apiClient(t.baseUrl, t.south.users.administrator.token)
    const southReport = await south.get<{ openings: unknown[] }>('/api/v1/restrictions/break-glass-openings')
    expect(southReport.body.openings).toEqual([])
  })

  it('reports restrictions whose review date has passed, and lifts a restriction with a reason', async () => {
    const childId = await newChild()
    await manager.put(`/api/v1/children/${childId}/restriction`, restriction({ reviewOn: '2026-02-01' }), {
      'if-match': 'W/"1"',
    })
    await t.db.query(`UPDATE children SET restriction_review_on = '2026-01-20', version = version + 1 WHERE id = $1`, [
      childId,
    ])
    const overdue = await manager.get<{ restrictions: { childId: string; reviewOn: string }[] }>(
      '/api/v1/restrictions/overdue-reviews',
    )
    expect(overdue.body.restrictions).toContainEqual(expect.objectContaining({ childId, reviewOn: '2026-01-20' }))
    const lift = `/api/v1/children/${childId}/restriction/lift`
    const version = await versionOf(childId)
    expect(
      (await manager.post(lift, { reason: 'Press interest has ended' }, { 'if-match': `W/"${version - 1}"` })).status,
    ).toBe(412)
    expect(
      (await manager.post(lift, { reason: 'Press interest has ended' }, { 'if-match': `W/"${version}"` })).status,
    ).toBe(200)
    expect((await teamB.get(`/api/v1/children/${childId}`)).status).toBe(200)
    const again = await manager.post<{ errors: { code: string }[] }>(
      lift,
      { reason: 'Again' },
      {
        'if-match': `W/"${version + 1}"`,
      },
    )
    expect(again.body.errors[0]!.code).toBe('not-restricted')
  })

  it('seals the record when an adoption order is recorded: only the adoption service sees it, no break-glass', async () => {
    const childId = await newChild()
    const order = await worker.post(`/api/v1/children/${childId}/orders`, {
      orderType: 'adoption-order',
      madeOn: '2026-01-30',
    })
    expect(order.status).toBe(201)
    const [row] = await t.db.query<{ sensitivity: string; earliest: string }>(
      `SELECT sensitivity, earliest_destruction_on::text AS earliest FROM children WHERE id = $1`,
      [childId],
    )
    expect(row).toEqual({ sensitivity: 'sealed', earliest: '2126-01-30' })
    const missing = await worker.get(`/api/v1/children/00000000-0000-4000-8000-000000000000`)
    for (const client of [worker, manager, teamB, admin]) {
      const response = await client.get(`/api/v1/children/${childId}`, {
        'x-break-glass-reason': 'I really need it now',
      })
      expect(response.status).toBe(404)
      expect(response.body).toEqual(missing.body)
    }
    const decisionMaker = apiClient(t.baseUrl, t.north.users['agency-decision-maker'].token)
    expect((await decisionMaker.get(`/api/v1/children/${childId}`)).status).toBe(200)
    expect(
      (await admin.put(`/api/v1/children/${childId}/restriction`, restriction(), { 'if-match': 'W/"2"' })).status,
    ).toBe(404)
  })
})
