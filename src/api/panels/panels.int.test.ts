/**
 * Panel requests and agency decisions through the API. The test authority uses the default settings of the
 * national pack: over £2,000 (strictly) and every request to issue proceedings go to panel (rules.md PP-09).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'

type Client = ReturnType<typeof apiClient>
interface ErrorBody {
  errors: { path: string; code: string; message: string }[]
}

const clock = movableClock('2026-01-12')
let t: TestApp
let worker: Client
let manager: Client
let childId: string

function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `W/"${version}"` }
}

function codesOf(body: unknown): string[] {
  return (body as ErrorBody).errors.map(error => error.code)
}

beforeAll(async () => {
  t = await startTestApp({ clock })
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-09-01', givenNames: 'Poppy' })
})
afterAll(async () => {
  await t?.close()
})

describe('panel requests', () => {
  it('lets a manager decide a request of exactly £2,000, and sends £2,000.01 to panel', async () => {
    const atThreshold = await worker.post<{ requestId: string; status: string; rowVersion: number }>(
      `/api/v1/children/${childId}/panel-requests`,
      { purpose: 'resources', details: 'Therapeutic support', costPence: 200_000, route: 'manager', submit: true },
    )
    expect(atThreshold.status, JSON.stringify(atThreshold.body)).toBe(201)
    expect(atThreshold.body.status).toBe('submitted')
    const decided = await manager.post<{ status: string }>(
      `/api/v1/children/${childId}/panel-requests/${atThreshold.body.requestId}/decisions`,
      { outcome: 'approved', reasons: 'Within the manager’s limit and needed now.', decidedOn: '2026-01-12' },
      ifMatch(1),
    )
    expect(decided.status, JSON.stringify(decided.body)).toBe(201)
    expect(decided.body.status).toBe('decided')

    const overThreshold = await worker.post<ErrorBody>(`/api/v1/children/${childId}/panel-requests`, {
      purpose: 'resources',
      costPence: 200_001,
      route: 'manager',
    })
    expect(overThreshold.status).toBe(422)
    expect(overThreshold.body.errors).toEqual([
      {
        path: 'route',
        code: 'request-must-go-to-panel',
        message:
          'This request must go to panel because of its purpose or because it costs more than the panel threshold',
      },
    ])
    const proceedings = await worker.post(`/api/v1/children/${childId}/panel-requests`, {
      purpose: 'issue-proceedings',
      route: 'manager',
    })
    expect(codesOf(proceedings.body)).toEqual(['request-must-go-to-panel'])
    const pounds = await worker.post(`/api/v1/children/${childId}/panel-requests`, {
      purpose: 'resources',
      costPence: 2000.5,
    })
    expect(pounds.status).toBe(400)
    expect(codesOf(pounds.body)).toEqual(['money-not-whole-pence'])
  })

  it('takes the panel’s decision from a panel member hearing the case, with its conditions, and keeps every decision', async () => {
    const request = await worker.post<{ requestId: string }>(`/api/v1/children/${childId}/panel-requests`, {
      purpose: 'resources',
      details: 'Residential assessment',
      costPence: 650_000,
      submit: false,
    })
    expect(request.status).toBe(201)
    const path = `/api/v1/children/${childId}/panel-requests/${request.body.requestId}/decisions`
    const panel = apiClient(t.baseUrl, t.north.users['panel-member'].token)
    // A draft is not before the panel: the child is "not found" to its members (access policy: members are assigned).
    expect(
      (await panel.post(path, { outcome: 'approved', reasons: 'x', decidedOn: '2026-01-12' }, ifMatch(1))).status,
    ).toBe(404)
    // Submitting it puts the case before the panel: every panel member now hears it.
    const submitted = await worker.post(
      `/api/v1/children/${childId}/panel-requests/${request.body.requestId}/submit`,
      undefined,
      ifMatch(1),
    )
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const hearing = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM child_assignments WHERE child_id = $1 AND source_id = $2 AND ended_at IS NULL`,
      [childId, request.body.requestId],
    )
    expect(hearing[0]!.n).toBe(1)
    const byManager = await manager.post(
      path,
      { outcome: 'approved', reasons: 'Fine.', decidedOn: '2026-01-12' },
      ifMatch(2),
    )
    expect(byManager.status).toBe(422)
    expect(codesOf(byManager.body)).toEqual(['role-not-permitted'])
    const deferred = await panel.post(
      path,
      {
        outcome: 'deferred',
        reasons: 'Need the assessment costs broken down.',
        decidedOn: '2026-01-12',
        returnOn: '2026-02-09',
      },
      ifMatch(2),
    )
    expect(deferred.status, JSON.stringify(deferred.body)).toBe(201)
    clock.setDay('2026-02-09')
    const noConditions = await panel.post(
      path,
      { outcome: 'approved-with-conditions', reasons: 'Agreed.', decidedOn: '2026-02-09' },
      ifMatch(3),
    )
    expect(codesOf(noConditions.body)).toEqual(['conditions-required'])
    const approved = await panel.post(
      path,
      {
        outcome: 'approved-with-conditions',
        reasons: 'The assessment is needed to decide between the options.',
        conditions: ['Review the placement after six weeks'],
        decidedOn: '2026-02-09',
      },
      ifMatch(3),
    )
    expect(approved.status, JSON.stringify(approved.body)).toBe(201)
    const stored = await worker.get<{ status: string; decisions: { outcome: string }[] }>(
      `/api/v1/children/${childId}/panel-requests/${request.body.requestId}`,
    )
    expect(stored.body.status).toBe('decided')
    expect(stored.body.decisions.map(d => d.outcome)).toEqual(['deferred', 'approved-with-conditions'])
    // Decided: the panel no longer hears the case.
    expect((await panel.get(`/api/v1/children/${childId}`)).status).toBe(404)
  })
})

describe('agency decisions', () => {
  it('refuses a match before the should-be-placed decision, then records both and gives the dates to the engine', async () => {
    const adm = apiClient(t.baseUrl, t.north.users['agency-decision-maker'].token)
    const match = { kind: 'adoption-match', outcome: 'agreed', reasons: 'A good match.', decidedOn: '2026-02-09' }
    const early = await adm.post(`/api/v1/children/${childId}/adm-decisions`, match)
    expect(early.status).toBe(422)
    expect(codesOf(early.body)).toEqual(['match-without-placement-decision'])
    const byWorker = await worker.post(`/api/v1/children/${childId}/adm-decisions`, match)
    expect(byWorker.status).toBe(404)
    const placement = await adm.post(`/api/v1/children/${childId}/adm-decisions`, {
      kind: 'should-be-placed-for-adoption',
      outcome: 'agreed',
      reasons: 'Adoption is the only plan that meets Poppy’s needs.',
      decidedOn: '2026-01-20',
    })
    expect(placement.status, JSON.stringify(placement.body)).toBe(201)
    expect((await adm.post(`/api/v1/children/${childId}/adm-decisions`, match)).status).toBe(201)
    const facts = await worker.get<{ adoption: Record<string, string> }>(`/api/v1/children/${childId}/planning-facts`)
    expect(facts.body.adoption).toEqual({ shouldBePlacedDecisionOn: '2026-01-20', matchedOn: '2026-02-09' })
    const decisions = await worker.get<{ admDecisions: { kind: string }[] }>(
      `/api/v1/children/${childId}/adm-decisions`,
    )
    expect(decisions.body.admDecisions.map(d => d.kind)).toEqual(['should-be-placed-for-adoption', 'adoption-match'])
    await expect(t.db.query(`UPDATE adm_decisions SET outcome = 'not-agreed'`)).rejects.toThrow(/append-only/)
  })
})
