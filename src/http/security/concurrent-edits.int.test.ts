import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../testing/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t.close()
})

const CLIENTS = 10
const ROUNDS = 8

describe('no lost updates (security REL-02)', () => {
  it(`lets exactly one of ${CLIENTS} concurrent editors win each round, and keeps every accepted version`, async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    const childId = (
      await worker.post<{ id: string }>('/api/v1/children', {
        givenNames: 'Connie',
        familyName: 'Currentley',
        dateOfBirthOn: '2016-02-02',
        sex: 'female',
        ethnicity: 'WBRI',
        localCaseNumber: 'CE-1',
        teamId: t.north.teamA,
      })
    ).body.id
    const accepted: string[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const current = await worker.get(`/api/v1/children/${childId}`)
      const etag = current.headers.get('etag')!
      const responses = await Promise.all(
        Array.from({ length: CLIENTS }, (_x, i) =>
          (i % 2 === 0 ? worker : manager).put(
            `/api/v1/children/${childId}`,
            { preferredName: `Round ${round} editor ${i}`, reason: `Edit by editor ${i}` },
            { 'if-match': etag },
          ),
        ),
      )
      const statuses = responses.map(r => r.status).sort()
      expect(statuses).toEqual([200, ...Array<number>(CLIENTS - 1).fill(412)])
      const winner = responses.findIndex(r => r.status === 200)
      accepted.push(`Round ${round} editor ${winner}`)
      const after = await worker.get<{ child: { preferredName: string } }>(`/api/v1/children/${childId}`)
      expect(after.body.child.preferredName).toBe(accepted.at(-1))
    }
    const versions = await worker.get<{ versions: { version: number; data: { preferred_name: string | null } }[] }>(
      `/api/v1/children/${childId}/versions`,
    )
    expect(versions.body.versions.map(v => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_x, i) => i + 1))
    expect(versions.body.versions.slice(1).map(v => v.data.preferred_name)).toEqual(accepted)
  })

  it('refuses a change without If-Match (428) and with a malformed one (400)', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const childId = (
      await worker.post<{ id: string }>('/api/v1/children', {
        givenNames: 'Ifor',
        familyName: 'Matchless',
        dateOfBirthOn: '2016-02-02',
        sex: 'male',
        ethnicity: 'WBRI',
        localCaseNumber: 'CE-2',
        teamId: t.north.teamA,
      })
    ).body.id
    expect((await worker.put(`/api/v1/children/${childId}`, { preferredName: 'X', reason: 'Test' })).status).toBe(428)
    expect(
      (await worker.put(`/api/v1/children/${childId}`, { preferredName: 'X', reason: 'Test' }, { 'if-match': '*' }))
        .status,
    ).toBe(400)
  })
})
