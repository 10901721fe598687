import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

let t: TestApp
let worker: ReturnType<typeof apiClient>

beforeAll(async () => {
  t = await startTestApp()
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
})
afterAll(async () => {
  await t.close()
})

function childInput(overrides: Record<string, unknown> = {}) {
  return {
    givenNames: 'Amber',
    familyName: 'Testwood',
    dateOfBirthOn: '2018-04-12',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: `NS-${Math.random().toString(36).slice(2, 8)}`,
    teamId: t.north.teamA,
    allocatedWorkerId: t.north.users['social-worker'].id,
    ...overrides,
  }
}

async function countRows(table: string): Promise<number> {
  const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
  return rows[0]!.n
}

describe('children API', () => {
  it('registers a child, records them becoming looked after, and returns the whole record', async () => {
    const created = await worker.post<{ id: string; version: number }>('/api/v1/children', childInput())
    expect(created.status).toBe(201)
    expect(created.headers.get('etag')).toBe('W/"1"')
    const childId = created.body.id
    const lac = await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
      startedOn: '2025-12-19',
      legalStatus: 'interim-care-order',
      categoryOfNeed: 'N1',
      placement: { placementType: 'foster-other', providerType: 'own-authority', postcode: 'NS1 4AB' },
    })
    expect(lac.status).toBe(201)
    const review = await worker.post(`/api/v1/children/${childId}/reviews`, {
      heldOn: '2026-01-15',
      participation: 'PN1',
    })
    expect(review.status).toBe(201)
    const record = await worker.get<Record<string, unknown[]> & { child: { givenNames: string } }>(
      `/api/v1/children/${childId}`,
    )
    expect(record.status).toBe(200)
    expect(record.body.child.givenNames).toBe('Amber')
    expect(record.body.periodsOfCare).toHaveLength(1)
    expect(record.body.legalStatuses).toMatchObject([{ status: 'interim-care-order', startedOn: '2025-12-19' }])
    expect(record.body.placements).toMatchObject([{ placementType: 'foster-other', endedOn: null }])
    expect(record.body.reviews).toMatchObject([{ heldOn: '2026-01-15' }])
    expect(record.body.allocations).toHaveLength(1)
  })

  it('names every bad field and writes nothing', async () => {
    const before = await countRows('children')
    const response = await worker.post<{ errors: { path: string; code: string; message: string }[] }>(
      '/api/v1/children',
      {
        givenNames: '',
        familyName: 'x'.repeat(101),
        dateOfBirthOn: '2025-02-30',
        sex: 'dragon',
        localCaseNumber: 'NS-1',
        surprise: true,
      },
    )
    expect(response.status).toBe(400)
    const byPath = Object.fromEntries(response.body.errors.map(e => [e.path, e]))
    expect(byPath.givenNames).toMatchObject({ code: 'required', message: "Enter the child's given names" })
    expect(byPath.familyName).toMatchObject({
      code: 'too-long',
      message: 'Family name must be 100 characters or fewer',
    })
    expect(byPath.dateOfBirthOn).toMatchObject({ code: 'invalid-date' })
    expect(byPath.sex).toMatchObject({ code: 'invalid-option', message: "Select the child's sex from the list" })
    expect(byPath.ethnicity).toMatchObject({ code: 'required', message: "Select the child's ethnicity" })
    expect(byPath.surprise).toMatchObject({ code: 'unknown-field' })
    expect(await countRows('children')).toBe(before)
  })

  it.each([
    [
      'a placement that overlaps another',
      'placements',
      { placementType: 'foster-other', startedOn: '2026-01-01' },
      'placements-overlap',
    ],
    [
      'a review before the child became looked after',
      'reviews',
      { heldOn: '2025-11-01' },
      'review-before-looked-after',
    ],
    [
      'an end before a start',
      'legal-statuses',
      { status: 'care-order', startedOn: '2026-01-10', endedOn: '2026-01-05' },
      'end-before-start',
    ],
    [
      'a placement outside any period of care',
      'placements',
      { placementType: 'foster-other', startedOn: '2025-10-01', endedOn: '2025-11-01' },
      'placement-outside-period-of-care',
    ],
  ])('refuses %s with its own code and leaves the record unchanged', async (_name, kind, body, code) => {
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput())).body.id
    await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
      startedOn: '2025-12-19',
      legalStatus: 'section-20',
      categoryOfNeed: 'N4',
      placement: { placementType: 'foster-other' },
    })
    const before = await worker.get(`/api/v1/children/${childId}`)
    const response = await worker.post<{ errors: { code: string; path: string }[] }>(
      `/api/v1/children/${childId}/${kind}`,
      body,
    )
    expect(response.status, JSON.stringify(response.body)).toBe(422)
    expect(response.body.errors.map(e => e.code)).toContain(code)
    const after = await worker.get(`/api/v1/children/${childId}`)
    expect(after.body).toEqual(before.body)
  })

  it('keeps every version with who, when and why, and refuses a stale or versionless change', async () => {
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput())).body.id
    const missing = await worker.put(`/api/v1/children/${childId}`, { preferredName: 'Amby', reason: 'Child asked' })
    expect(missing.status).toBe(428)
    const changed = await worker.put(
      `/api/v1/children/${childId}`,
      { preferredName: 'Amby', reason: 'Child asked' },
      { 'if-match': 'W/"1"' },
    )
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).toBe('W/"2"')
    const stale = await worker.put(
      `/api/v1/children/${childId}`,
      { preferredName: 'Bee', reason: 'Typo' },
      { 'if-match': 'W/"1"' },
    )
    expect(stale.status).toBe(412)
    const versions = await worker.get<{
      versions: { version: number; changeReason: string; changedBy: string; data: { preferred_name: string | null } }[]
    }>(`/api/v1/children/${childId}/versions`)
    expect(versions.body.versions.map(v => [v.version, v.data.preferred_name, v.changeReason])).toEqual([
      [1, null, 'Child registered'],
      [2, 'Amby', 'Child asked'],
    ])
    expect(versions.body.versions[1]!.changedBy).toBe(t.north.users['social-worker'].id)
  })

  it('voids a fact with a reason instead of deleting it', async () => {
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput())).body.id
    await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
      startedOn: '2025-12-19',
      legalStatus: 'section-20',
      categoryOfNeed: 'N4',
      placement: { placementType: 'foster-other' },
    })
    const review = await worker.post<{ id: string }>(`/api/v1/children/${childId}/reviews`, { heldOn: '2026-01-15' })
    const voided = await worker.post(
      `/api/v1/children/${childId}/reviews/${review.body.id}/void`,
      { reason: 'Recorded on the wrong child' },
      { 'if-match': '"1"' },
    )
    expect(voided.status).toBe(200)
    const record = await worker.get<{ reviews: unknown[] }>(`/api/v1/children/${childId}`)
    expect(record.body.reviews).toEqual([])
    const versions = await worker.get<{ versions: { data: { void_reason: string | null } }[] }>(
      `/api/v1/children/${childId}/reviews/${review.body.id}/versions`,
    )
    expect(versions.body.versions.map(v => v.data.void_reason)).toEqual([null, 'Recorded on the wrong child'])
  })

  it("does not let one authority's user reach another authority's child by any route", async () => {
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput())).body.id
    const southManager = apiClient(t.baseUrl, t.south.users['team-manager'].token)
    expect((await southManager.get(`/api/v1/children/${childId}`)).status).toBe(404)
    expect((await southManager.get(`/api/v1/children/${childId}/versions`)).status).toBe(404)
    expect((await southManager.post(`/api/v1/children/${childId}/reviews`, { heldOn: '2026-01-15' })).status).toBe(404)
    const search = await southManager.post<{ children: unknown[] }>('/api/v1/children/search', { q: 'Testwood' })
    expect(search.body.children).toEqual([])
  })

  it('refuses requests without a valid token', async () => {
    expect((await apiClient(t.baseUrl, null).get('/api/v1/children')).status).toBe(401)
    expect((await apiClient(t.baseUrl, 'pp_not-a-token').get('/api/v1/children')).status).toBe(401)
  })
})
