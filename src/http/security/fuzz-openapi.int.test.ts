import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'
import { webClient } from '../testing/web-client.ts'

// Generated requests against every operation of the OpenAPI document (security SEC-06, SEC-07): malformed,
// oversized, injection (SQL, template, path traversal, prototype pollution) and script payloads in every parameter
// and body field. No response may be a 5xx; a refused request changes nothing; nothing is polluted.
const RUNS = Number(process.env.FUZZ_RUNS ?? 12)

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE children; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '{% raw %}{{ range.constructor("return process")() }}',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '\u202e\u0000\uffff',
  '𝕏'.repeat(200),
  'x'.repeat(10_000),
  '',
  ' ',
  '2025-02-30',
  '9999-99-99',
  '00000000-0000-0000-0000-000000000000',
  'W/"1"',
]

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PAYLOADS), { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      { __proto__: { polluted: true } },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      { $where: '1 == 1' },
    ),
  },
)

interface Operation {
  readonly method: string
  readonly path: string
  readonly fields: readonly string[]
  readonly needsVersion: boolean
}

let t: TestApp
const operations: Operation[] = []
let childId: string
let factId: string

beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childId = (
    await worker.post<{ id: string }>('/api/v1/children', {
      givenNames: 'Fuzz',
      familyName: 'Targetson',
      dateOfBirthOn: '2016-01-01',
      sex: 'male',
      ethnicity: 'WBRI',
      localCaseNumber: 'FZ-1',
      teamId: t.north.teamA,
      allocatedWorkerId: t.north.users['social-worker'].id,
    })
  ).body.id
  const lac = await worker.post<{ placementId: string }>(`/api/v1/children/${childId}/became-looked-after`, {
    startedOn: '2025-10-01',
    legalStatus: 'care-order',
    categoryOfNeed: 'N1',
    placement: { placementType: 'foster-other' },
  })
  factId = lac.body.placementId
  const doc = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> }; summary?: string }>
    >
  }
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schema = operation.requestBody?.content?.['application/json']?.schema as
        { properties?: Record<string, unknown> } | undefined
      operations.push({
        method: method.toUpperCase(),
        path,
        fields: Object.keys(schema?.properties ?? {}),
        needsVersion: /If-Match/.test(operation.summary ?? ''),
      })
    }
  }
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function fingerprint(): Promise<string> {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*) FROM record_versions) AS versions, (SELECT count(*) FROM people) AS people,
            (SELECT coalesce(sum(version), 0) FROM users) AS users, (SELECT count(*) FROM sessions WHERE revoked_at IS NULL) AS sessions,
            (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) AS tokens, (SELECT count(*) FROM child_assignments) AS assignments`,
  )
  return JSON.stringify(row)
}

describe('generated hostile requests against every OpenAPI operation (security SEC-06, SEC-07)', () => {
  // Over a hundred operations, each run RUNS times with a database fingerprint either side: longer than the default.
  it('answers none with a 5xx, and a refused request changes nothing', { timeout: 300_000 }, async () => {
    expect(operations.length).toBeGreaterThan(50)
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    let requests = 0
    const failures: string[] = []
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            childParam: fc.oneof(fc.constant(childId), fc.constantFrom(...PAYLOADS.filter(p => p.length < 200))),
            factParam: fc.oneof(fc.constant(factId), fc.constantFrom(...PAYLOADS.filter(p => p.length < 200))),
            body: fc.oneof(
              {
                weight: 5,
                arbitrary: fc.dictionary(
                  fc.constantFrom(...operation.fields, '__proto__', 'constructor', 'extra'),
                  valueArb,
                ),
              },
              {
                weight: 1,
                arbitrary: fc.constantFrom<unknown>(
                  '{"unterminated": ',
                  '[1,2,',
                  'null',
                  '"just a string"',
                  '{"a":'.repeat(50),
                ),
              },
              { weight: 1, arbitrary: valueArb },
            ),
            ifMatch: fc.oneof(
              fc.constant('W/"1"'),
              fc.constant(undefined),
              fc.constantFrom('*', '"abc"', 'W/"-1"', 'W/"99999999999999999999"', ''),
            ),
            breakGlass: fc.option(
              fc.constantFrom(...PAYLOADS.filter(p => p.length < 400 && !/[\u0000-\u001f]/.test(p))),
              { nil: undefined },
            ),
          }),
          async input => {
            const path = operation.path
              .replace('{childId}', encodeURIComponent(input.childParam))
              .replace('{factId}', encodeURIComponent(input.factParam))
              .replace('{userId}', encodeURIComponent(input.childParam))
              // Every other path parameter (a meeting, a plan version, a panel request, a return's year or file).
              .replace(/\{[A-Za-z]+\}/g, encodeURIComponent(input.factParam))
            const before = await fingerprint()
            requests += 1
            const response = await manager.call(
              operation.method,
              path,
              operation.method === 'GET'
                ? undefined
                : typeof input.body === 'string'
                  ? input.body
                  : JSON.stringify(input.body),
              {
                ...(input.ifMatch === undefined ? {} : { 'if-match': input.ifMatch }),
                ...(input.breakGlass ? { 'x-break-glass-reason': input.breakGlass } : {}),
                ...(operation.method === 'GET' ? {} : { 'content-type': 'application/json' }),
              },
            )
            if (response.status >= 500) {
              failures.push(
                `${operation.method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
              )
            }
            if (response.status >= 400 && (await fingerprint()) !== before) {
              failures.push(`${operation.method} ${path}: refused with ${response.status} but changed the database`)
            }
          },
        ),
        { numRuns: RUNS, seed: 6 },
      )
    }
    // An oversized body and a body of the wrong type are refused as such, not crashed on.
    const huge = await manager.call('POST', '/api/v1/children/search', JSON.stringify({ q: 'x'.repeat(2_000_000) }), {
      'content-type': 'application/json',
    })
    expect(huge.status).toBe(413)
    const xml = await manager.call('POST', '/api/v1/children/search', '<q>x</q>', { 'content-type': 'application/xml' })
    expect(xml.status).toBe(415)
    expect(failures).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    // The tables are all still there and the service still answers.
    expect((await manager.get(`/api/v1/children/${childId}`)).status).toBe(200)
    console.log(`fuzz: ${operations.length} operations, ${requests} generated requests`)
  })

  it('stores script and template text as text, and the web page shows it escaped', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const created = await worker.post<{ id: string }>('/api/v1/children', {
      givenNames: '<script>alert(1)</script>',
      familyName: '{{7*7}}',
      preferredName: "'; DROP TABLE children; --",
      dateOfBirthOn: '2016-01-01',
      sex: 'female',
      ethnicity: 'WBRI',
      localCaseNumber: 'FZ-2',
      teamId: t.north.teamA,
      allocatedWorkerId: t.north.users['social-worker'].id,
    })
    expect(created.status).toBe(201)
    const [row] = await t.db.query<{ given_names: string; family_name: string; preferred_name: string }>(
      `SELECT given_names, family_name, preferred_name FROM children WHERE id = $1`,
      [created.body.id],
    )
    expect(row).toEqual({
      given_names: '<script>alert(1)</script>',
      family_name: '{{7*7}}',
      preferred_name: "'; DROP TABLE children; --",
    })
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    const page = await browser.get(`/children/${created.body.id}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('<script>alert(1)</script>')
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.text).not.toContain('>49<')
    expect(page.text).toContain('{{7*7}}')
  })
})
