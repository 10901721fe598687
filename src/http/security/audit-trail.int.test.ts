import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'
import { webClient } from '../testing/web-client.ts'

// The audit writer can be made to fail, to prove the service fails closed (security AUD-02).
let isAuditFailing = false
let t: TestApp
beforeAll(async () => {
  t = await startTestApp({
    withWeb: true,
    deps: (deps: AppDependencies) => ({
      ...deps,
      writeAuditEvent: async (tx, event) => {
        if (isAuditFailing) {
          throw new Error('The audit store is unavailable (injected fault)')
        }
        return deps.writeAuditEvent(tx, event)
      },
    }),
  })
})
afterAll(async () => {
  await t.close()
})

interface Made {
  readonly label: string
  readonly requestId: string
  readonly expected: number
}

function childInput(caseNumber: string) {
  return {
    givenNames: 'Audra',
    familyName: 'Trailworthy',
    dateOfBirthOn: '2017-09-09',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: caseNumber,
    teamId: t.north.teamA,
    allocatedWorkerId: t.north.users['social-worker'].id,
  }
}

describe('exactly one audit event per request (security AUD-01, AUD-03)', () => {
  it('matches a representative API and web session request for request with the audit trail', async () => {
    const made: Made[] = []
    const note = (label: string, response: { headers: Headers }, expected = 1) =>
      made.push({ label, requestId: response.headers.get('x-request-id')!, expected })
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    const teamB = apiClient(t.baseUrl, t.north.users.teamBWorker.token)
    const analyst = apiClient(t.baseUrl, t.north.users['performance-analyst'].token)

    const created = await worker.post<{ id: string }>('/api/v1/children', childInput('AT-1'))
    note('register', created)
    const childId = created.body.id
    note('caseload', await worker.get('/api/v1/children'))
    note('search', await worker.post('/api/v1/children/search', { q: 'Trailworthy' }))
    note('view', await worker.get(`/api/v1/children/${childId}`))
    note('export-like read of versions', await worker.get(`/api/v1/children/${childId}/versions`))
    note(
      'became looked after',
      await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
        startedOn: '2025-11-01',
        legalStatus: 'interim-care-order',
        categoryOfNeed: 'N1',
        placement: { placementType: 'foster-other' },
      }),
    )
    note('review', await worker.post(`/api/v1/children/${childId}/reviews`, { heldOn: '2026-01-10' }))
    note(
      'move',
      await worker.post(`/api/v1/children/${childId}/placement-moves`, {
        movedOn: '2026-01-20',
        reasonEnded: 'care-plan',
        placement: { placementType: 'foster-long-term' },
      }),
    )
    note(
      'update',
      await worker.put(
        `/api/v1/children/${childId}`,
        { preferredName: 'Audie', reason: 'Asked' },
        { 'if-match': 'W/"1"' },
      ),
    )
    note(
      'stale update',
      await worker.put(`/api/v1/children/${childId}`, { preferredName: 'X', reason: 'Asked' }, { 'if-match': 'W/"1"' }),
    )
    note('no If-Match', await worker.put(`/api/v1/children/${childId}`, { preferredName: 'X', reason: 'Asked' }))
    note('bad input', await worker.post('/api/v1/children', { givenNames: '' }))
    note('rule refused', await worker.post(`/api/v1/children/${childId}/reviews`, { heldOn: '2030-01-01' }))
    note('forbidden', await analyst.post('/api/v1/children/search', { q: 'Trailworthy' }))
    note('not found', await worker.get('/api/v1/children/00000000-0000-4000-8000-000000000009'))
    note(
      'restrict',
      await manager.put(
        `/api/v1/children/${childId}/restriction`,
        {
          category: 'staff-or-relative',
          ownerId: t.north.users['team-manager'].id,
          reviewOn: '2026-02-20',
          reason: 'Child of a member of staff',
        },
        { 'if-match': 'W/"2"' },
      ),
    )
    note('break-glass refused', await teamB.get(`/api/v1/children/${childId}`))
    note(
      'break-glass opened',
      await teamB.get(`/api/v1/children/${childId}`, { 'x-break-glass-reason': 'Duty cover tonight' }),
    )
    note('break-glass report', await manager.get('/api/v1/restrictions/break-glass-openings'))
    note('access log', await worker.get(`/api/v1/children/${childId}/access-log`))
    note(
      'unauthenticated (no authority: logged by the server, not audited)',
      await apiClient(t.baseUrl, null).get('/api/v1/children'),
      0,
    )

    const browser = webClient(t.baseUrl)
    note('health (public)', { headers: (await fetch(`${t.baseUrl}/health`)).headers }, 0)
    const signInPage = await browser.get('/sign-in')
    note('sign-in page (public)', signInPage, 0)
    note(
      'sign in',
      await browser.submit(signInPage, '/sign-in', {
        email: t.north.users['social-worker'].email,
        password: TEST_PASSWORD,
      }),
    )
    const home = await browser.get('/')
    note('caseload page', home)
    note('child page', await browser.get(`/children/${childId}`))
    const search = await browser.get('/search')
    note('search page', search)
    note('search', await browser.submit(search, '/search', { q: 'Trailworthy' }))
    note('sign out', await browser.submit(home, '/sign-out'))

    const rows = await t.db.query<{ request_id: string; n: number }>(
      `SELECT request_id, count(*)::int AS n FROM audit_events WHERE request_id = ANY($1::text[]) GROUP BY request_id`,
      [made.map(m => m.requestId)],
    )
    const counts = new Map(rows.map(r => [r.request_id, r.n]))
    const mismatches = made
      .map(m => ({ label: m.label, expected: m.expected, found: counts.get(m.requestId) ?? 0 }))
      .filter(m => m.found !== m.expected)
    expect(mismatches).toEqual([])
    expect(made.length).toBeGreaterThan(25)

    // The view names who, in what role, which child, the outcome and where from.
    const [view] = await t.db.query<Record<string, unknown>>(
      `SELECT user_id, role, child_id, action, outcome, client_address, method, route FROM audit_events WHERE request_id = $1`,
      [made.find(m => m.label === 'view')!.requestId],
    )
    expect(view).toEqual({
      user_id: t.north.users['social-worker'].id,
      role: 'social-worker',
      child_id: childId,
      action: 'CHILD_RECORD_VIEWED',
      outcome: 'success',
      client_address: '127.0.0.1',
      method: 'GET',
      route: '/api/v1/children/:childId',
    })
    const outcomes = await t.db.query<{ request_id: string; outcome: string }>(
      `SELECT request_id, outcome FROM audit_events WHERE request_id = ANY($1::text[])`,
      [
        ['forbidden', 'not found', 'break-glass refused', 'stale update'].map(
          l => made.find(m => m.label === l)!.requestId,
        ),
      ],
    )
    expect(outcomes.map(o => o.outcome).sort()).toEqual(['conflict', 'denied', 'denied', 'not-found'])
  })

  it('shows who has viewed the record, in the API and on the child’s page', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput('AT-2'))).body.id
    const iro = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    await iro.get(`/api/v1/children/${childId}`)
    const log = await worker.get<{ entries: { action: string; userId: string; role: string }[] }>(
      `/api/v1/children/${childId}/access-log`,
    )
    expect(log.body.entries.map(e => [e.action, e.role])).toEqual(
      expect.arrayContaining([
        ['CHILD_REGISTERED', 'social-worker'],
        ['CHILD_RECORD_VIEWED', 'team-manager'],
      ]),
    )
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    const page = await browser.get(`/children/${childId}`)
    const table = page.$('#access').nextAll('table').first().text()
    expect(table).toContain('team-manager (north)')
    expect(table).toContain('child record viewed')
    // Someone without the right to see the log opens the record without seeing who else has.
    const qa = apiClient(t.baseUrl, t.north.users['qa-auditor'].token)
    expect((await qa.get(`/api/v1/children/${childId}/access-log`)).status).toBe(404)
  })
})

describe('fail closed when the audit trail cannot be written (security AUD-02)', () => {
  it('refuses reads with 503 and no data, and rolls writes back', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const childId = (await worker.post<{ id: string }>('/api/v1/children', childInput('AT-3'))).body.id
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    const before = await t.db.query(`SELECT version, preferred_name FROM children WHERE id = $1`, [childId])
    const versionsBefore = await t.db.query(`SELECT count(*)::int AS n FROM record_versions`)
    isAuditFailing = true
    try {
      const read = await worker.get(`/api/v1/children/${childId}`)
      expect(read.status).toBe(503)
      expect(JSON.stringify(read.body)).not.toContain('Trailworthy')
      expect(read.body).toMatchObject({ errors: [{ code: 'audit-unavailable' }] })
      const write = await worker.put(
        `/api/v1/children/${childId}`,
        { preferredName: 'Lost', reason: 'Test' },
        {
          'if-match': 'W/"1"',
        },
      )
      expect(write.status).toBe(503)
      const composite = await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
        startedOn: '2025-11-01',
        legalStatus: 'section-20',
        categoryOfNeed: 'N1',
        placement: { placementType: 'foster-other' },
      })
      expect(composite.status).toBe(503)
      const page = await browser.get(`/children/${childId}`)
      expect(page.status).toBe(503)
      expect(page.text).not.toContain('Trailworthy')
    } finally {
      isAuditFailing = false
    }
    expect(await t.db.query(`SELECT version, preferred_name FROM children WHERE id = $1`, [childId])).toEqual(before)
    expect(await t.db.query(`SELECT count(*)::int AS n FROM record_versions`)).toEqual(versionsBefore)
    expect((await t.db.query(`SELECT 1 FROM periods_of_care WHERE child_id = $1`, [childId])).length).toBe(0)
  })
})
