/**
 * An authority's planning settings through the API: the policy pack's defaults as version 0, a change by an
 * administrator only, bad input named field by field with nothing written, stale versions refused, and the change
 * applied to the next plan sent to the team manager (policy as data, not code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

const clock = movableClock('2026-01-05')
let t: TestApp
let worker: ReturnType<typeof apiClient>
let admin: ReturnType<typeof apiClient>

beforeAll(async () => {
  t = await startTestApp({ clock })
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  admin = apiClient(t.baseUrl, t.north.users.administrator.token)
})
afterAll(async () => {
  await t?.close()
})

const dorsetLike = {
  guidancePolicy: 'dorset',
  vocabulary: 'dorset',
  planToManagerDays: 3,
  planToManagerUnit: 'working-days',
  planToManagerUnitConfirmed: true,
  ppmEveryMonths: 3,
  ltfReviewMonths: 12,
  panelCostThresholdPence: null,
  purposesAlwaysToPanel: [],
  reason: 'Adopting the Dorset permanence guidance, confirmed as working days',
}

describe("an authority's planning settings", () => {
  it('starts from the policy pack’s defaults, version 0, readable by every role', async () => {
    const view = await worker.get<{ version: number; isDefault: boolean; settings: Record<string, unknown> }>(
      '/api/v1/planning-settings',
    )
    expect(view.status).toBe(200)
    expect(view.headers.get('etag')).toBe('W/"0"')
    expect(view.body).toMatchObject({ version: 0, isDefault: true })
    expect(view.body.settings).toMatchObject({ planToManagerDays: null, panelCostThresholdPence: 200_000 })
  })

  it('refuses anyone but an administrator, bad fields by name, a lone unit and a stale version, writing nothing', async () => {
    expect((await worker.put('/api/v1/planning-settings', dorsetLike, { 'if-match': 'W/"0"' })).status).toBe(403)
    const bad = await admin.put<{ errors: { path: string; code: string; message: string }[] }>(
      '/api/v1/planning-settings',
      { ...dorsetLike, planToManagerDays: 61, ppmEveryMonths: 1.5, vocabulary: 'klingon', reason: '' },
      { 'if-match': 'W/"0"' },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'planToManagerDays', code: 'too-large', message: 'Days before the PPM must be 60 or fewer' },
        { path: 'ppmEveryMonths', code: 'not-whole-number', message: 'PPM cadence must be a whole number' },
        {
          path: 'vocabulary',
          code: 'invalid-option',
          message: 'Select the words used for the permanence options from the list',
        },
        { path: 'reason', code: 'too-short', message: 'Reason must be at least 3 characters' },
      ]),
    )
    const lone = await admin.put<{ errors: { path: string; code: string }[] }>(
      '/api/v1/planning-settings',
      { ...dorsetLike, planToManagerDays: null },
      { 'if-match': 'W/"0"' },
    )
    expect(lone.status).toBe(400)
    expect(lone.body.errors).toMatchObject([{ path: 'planToManagerDays', code: 'days-need-a-unit' }])
    expect((await admin.put('/api/v1/planning-settings', dorsetLike, { 'if-match': 'W/"3"' })).status).toBe(412)
    expect(await t.db.query(`SELECT 1 FROM planning_settings WHERE authority_id = $1`, [t.north.authorityId])).toEqual(
      [],
    )
  })

  it('is changed by an administrator, audited with the reason, and applies to the next plan sent', async () => {
    const changed = await admin.put<{ version: number; childrenRecomputed: number }>(
      '/api/v1/planning-settings',
      dorsetLike,
      { 'if-match': 'W/"0"' },
    )
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body.version).toBe(1)
    const view = await worker.get<{ version: number; settings: Record<string, unknown> }>('/api/v1/planning-settings')
    expect(view.body).toMatchObject({ version: 1, settings: { planToManagerDays: 3, ppmEveryMonths: 3 } })
    const [event] = await t.db.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_events WHERE action = 'PLANNING_SETTINGS_CHANGED' AND outcome = 'success'`,
    )
    expect(event!.details.reason).toBe(dorsetLike.reason)

    // A plan sent on Wednesday 7 January for a PPM on Friday 9 January is late: 3 working days before is Tuesday 6th.
    const childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-12-01' })
    clock.setDay('2026-01-07')
    expect((await worker.post(`/api/v1/children/${childId}/plan`, {})).status).toBe(201)
    const sent = await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
      { ppmOn: '2026-01-09' },
      { 'if-match': 'W/"1"' },
    )
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const plan = await worker.get<{ submission: { isLate: boolean; latestOn: string } }>(
      `/api/v1/children/${childId}/plan/versions/1`,
    )
    expect(plan.body.submission).toMatchObject({ isLate: true, latestOn: '2026-01-06' })
  })
})

describe('deleting a plan started in error', () => {
  it('voids a first draft with the reason, keeps its history, and lets a plan be started again; refuses once sent', async () => {
    const childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-12-01' })
    const started = await worker.post<{ planId: string }>(`/api/v1/children/${childId}/plan`, {})
    expect(started.status).toBe(201)
    const noReason = await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/delete`,
      {},
      { 'if-match': 'W/"1"' },
    )
    expect(noReason.status).toBe(400)
    const deleted = await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/delete`,
      { reason: 'Started for the wrong child' },
      { 'if-match': 'W/"1"' },
    )
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    const [row] = await t.db.query<{ void_reason: string }>(
      `SELECT void_reason FROM permanence_plans WHERE plan_id = $1`,
      [started.body.planId],
    )
    expect(row!.void_reason).toBe('Started for the wrong child')
    const history = await t.db.query<{ change_reason: string | null }>(
      `SELECT change_reason FROM record_versions WHERE table_name = 'permanence_plans' AND child_id = $1 ORDER BY version`,
      [childId],
    )
    expect(history.map(h => h.change_reason).at(-1)).toBe('Started for the wrong child')
    const overview = await worker.get<{ latest: unknown; inForce: unknown }>(`/api/v1/children/${childId}/plan`)
    expect(overview.body).toMatchObject({ latest: null, inForce: null })

    const again = await worker.post<{ planId: string }>(`/api/v1/children/${childId}/plan`, {})
    expect(again.status).toBe(201)
    const sent = await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
      { ppmOn: '2026-02-02' },
      { 'if-match': 'W/"1"' },
    )
    expect(sent.status).toBe(200)
    const refused = await worker.post<{ errors: { code: string; message: string }[] }>(
      `/api/v1/children/${childId}/plan/versions/1/delete`,
      { reason: 'Changed my mind' },
      { 'if-match': 'W/"2"' },
    )
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0]).toMatchObject({ code: 'only-first-draft-can-be-deleted' })
  })
})
