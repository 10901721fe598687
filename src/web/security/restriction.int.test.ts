import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../../http/testing/test-app.ts'
import { webClient } from '../../http/testing/web-client.ts'

let t: TestApp
let childId: string
beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  childId = (
    await apiClient(t.baseUrl, t.north.users['social-worker'].token).post<{ id: string }>('/api/v1/children', {
      givenNames: 'Webster',
      familyName: 'Restrictington',
      dateOfBirthOn: '2014-04-04',
      sex: 'male',
      ethnicity: 'WBRI',
      localCaseNumber: 'WR-1',
      teamId: t.north.teamA,
      allocatedWorkerId: t.north.users['social-worker'].id,
    })
  ).body.id
})
afterAll(async () => {
  await t.close()
})

describe('restricting a record on the web (security PRIV-01, AUD-06)', () => {
  it('lets a team manager restrict a record, another team break the glass with a reason, and the owner see it', async () => {
    const manager = webClient(t.baseUrl)
    await manager.signIn(t.north.users['team-manager'].email, TEST_PASSWORD)
    const record = await manager.get(`/children/${childId}`)
    expect(record.$(`a[href="/children/${childId}/restriction"]`).length).toBe(1)
    const form = await manager.get(`/children/${childId}/restriction`)
    expect(form.$('h1').text()).toBe('Restrict access to this record')
    expect(form.text).not.toContain('Restrictington')

    const missing = await manager.submit(form, `/children/${childId}/restriction`, {})
    expect(missing.status).toBe(400)
    expect(missing.$('.govuk-error-summary').text()).toContain('Select why the record is restricted')
    const tooFar = await manager.submit(form, `/children/${childId}/restriction`, {
      category: 'high-risk',
      ownerId: t.north.users['team-manager'].id,
      'reviewOn-day': '1',
      'reviewOn-month': '6',
      'reviewOn-year': '2026',
      reason: 'Risk from a relative',
    })
    expect(tooFar.status).toBe(400)
    const saved = await manager.submit(form, `/children/${childId}/restriction`, {
      category: 'high-risk',
      ownerId: t.north.users['team-manager'].id,
      'reviewOn-day': '1',
      'reviewOn-month': '3',
      'reviewOn-year': '2026',
      reason: 'Risk from a relative',
    })
    expect(saved.location).toBe(`/children/${childId}/restriction?done=restricted`)

    const other = webClient(t.baseUrl)
    await other.signIn(t.north.users.teamBWorker.email, TEST_PASSWORD)
    const restricted = await other.get(`/children/${childId}`)
    expect(restricted.status).toBe(403)
    expect(restricted.text).not.toContain('Restrictington')
    const short = await other.submit(restricted, `/children/${childId}/open`, { breakGlassReason: 'need' })
    expect(short.status).toBe(403)
    const opened = await other.submit(restricted, `/children/${childId}/open`, {
      breakGlassReason: 'Covering the duty rota tonight',
    })
    expect(opened.status).toBe(200)
    expect(opened.text).toContain('Restrictington')

    const report = await manager.get('/restrictions')
    expect(report.$('[data-qa="break-glass"]').text()).toContain('Covering the duty rota tonight')
    expect(report.text).not.toContain('Restrictington')
    expect((await other.get('/restrictions')).status).toBe(403)

    const page = await manager.get(`/children/${childId}/restriction`)
    const lifted = await manager.submit(page, `/children/${childId}/restriction/lift`, { reason: 'Risk has passed' })
    expect(lifted.location).toBe(`/children/${childId}/restriction?done=lifted`)
    expect((await other.get(`/children/${childId}`)).status).toBe(200)
  })

  it('does not let a social worker reach the restriction form', async () => {
    const worker = webClient(t.baseUrl)
    await worker.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    expect((await worker.get(`/children/${childId}/restriction`)).status).toBe(404)
  })
})
