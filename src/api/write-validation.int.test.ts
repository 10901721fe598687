import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../http/testing/test-app.ts'

// Every write operation in the OpenAPI document, sent bad input: each must answer 400 with errors that name the
// field and the problem, and leave every table (but the audit trail) exactly as it was.
let t: TestApp
let childId: string
const operations: { method: string; path: string }[] = []

beforeAll(async () => {
  t = await startTestApp()
  const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childId = (
    await worker.post<{ id: string }>('/api/v1/children', {
      givenNames: 'Rue',
      familyName: 'Figgleton',
      dateOfBirthOn: '2016-01-01',
      sex: 'male',
      ethnicity: 'WBRI',
      localCaseNumber: 'WV-1',
      teamId: t.north.teamA,
      allocatedWorkerId: t.north.users['social-worker'].id,
    })
  ).body.id
  const doc = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>
  }
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if ((method === 'post' || method === 'put') && operation.requestBody) {
        operations.push({ method: method.toUpperCase(), path })
      }
    }
  }
})
afterAll(async () => {
  await t.close()
})

async function fingerprint(): Promise<Record<string, number>> {
  const tables = await t.db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_events', 'api_tokens') ORDER BY 1`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    counts[name] = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`))[0]!.n
  }
  const versions = await t.db.query<{ v: number }>(`SELECT coalesce(sum(version), 0)::int AS v FROM children`)
  counts['children.versions'] = versions[0]!.v
  return counts
}

describe('bad input to every write endpoint', () => {
  it('finds the write operations in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(30)
  })

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    const before = await fingerprint()
    for (const { method, path } of operations) {
      const url = path.replace('{childId}', childId).replace('{factId}', '00000000-0000-4000-8000-000000000000')
      const response = await worker.call<{ errors: { path: string; code: string; message: string }[] }>(
        method,
        url,
        { surprise: '<script>alert(1)</script>', startedOn: 'not a date', heldOn: '2025-02-30', givenNames: 42 },
        { 'if-match': 'W/"1"' },
      )
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({
        route: `${method} ${path}`,
        status: 400,
      })
      expect(response.body.errors.length).toBeGreaterThan(0)
      for (const error of response.body.errors) {
        expect(error.path).not.toBe('')
        expect(error.code).toMatch(/^[a-z-]+$/)
        expect(error.message.length).toBeGreaterThan(5)
        expect(error.message).not.toMatch(/invalid|valid /i)
      }
      expect(response.body.errors.map(e => e.path)).toContain('surprise')
    }
    expect(await fingerprint()).toEqual(before)
  })
})
