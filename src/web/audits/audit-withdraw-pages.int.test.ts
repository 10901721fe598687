/**
 * Withdrawing a case and cancelling a round from the web pages (ADR 0082), over real HTTP as a browser without
 * JavaScript: the round's lead follows a link from the round page to a confirmation page with a reason, is shown the
 * GOV.UK error summary when the reason is missing (nothing written), and sees the case as "Withdrawn — <reason>" and
 * out of the counts, or the round under "Cancelled rounds". Nobody else reaches the pages, and a withdrawn case
 * cannot be audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAuditor, completeAuditForm } from '../../http/testing/audit-fixtures.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp, type TestUser } from '../../http/testing/test-app.ts'
import { errorsOf, webSession, type WebResponse } from '../plans/testing/web-session.ts'

type Session = Awaited<ReturnType<typeof webSession>>
interface RoundBody {
  version: number
  cases: { caseId: string; caseVersion: number; childId: string; auditorId: string }[]
}

const clock = movableClock('2026-03-02')
let t: TestApp
let leadUser: TestUser
let second: TestUser
let api: ReturnType<typeof apiClient>
let lead: Session
let auditor: Session
const childIds: string[] = []

async function createRound(title: string, children: readonly string[]): Promise<string> {
  const created = await api.post<{ roundId: string }>('/api/v1/audit-rounds', {
    title,
    theme: 'Permanence',
    sampleRule: { kind: 'named', childIds: children },
    auditorIds: [leadUser.id, second.id],
    moderationPercent: 100,
    deadlineOn: '2026-04-30',
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.roundId
}

const rowOf = (page: WebResponse, caseId: string) =>
  page
    .$('tbody tr')
    .filter((_i, row) => page.$(row).find(`a[href$="/cases/${caseId}"]`).length > 0)
    .first()

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  for (const name of ['Quince', 'Rowan', 'Sorrel', 'Tansy']) {
    childIds.push(await lookedAfterChild(t, worker, 'north', { startedOn: '2025-06-02', givenNames: name }))
  }
  leadUser = t.north.users['qa-auditor']
  api = apiClient(t.baseUrl, leadUser.token)
  second = await addAuditor(t, 'north', 'Second Auditor')
  lead = await webSession(t, leadUser)
  auditor = await webSession(t, second)
})
afterAll(async () => {
  await t?.close()
})

describe('withdrawing a case from the round page', () => {
  let roundId: string
  let leadsCase: RoundBody['cases'][number]
  let secondsCase: RoundBody['cases'][number]

  beforeAll(async () => {
    roundId = await createRound('Spring audits', childIds.slice(0, 3))
    const round = (await api.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)).body
    leadsCase = round.cases.find(c => c.auditorId === leadUser.id)!
    secondsCase = round.cases.find(c => c.auditorId === second.id)!
    const submitted = await api.put(
      `/api/v1/audit-rounds/${roundId}/cases/${leadsCase.caseId}/audit`,
      { domains: completeAuditForm(() => 'good'), submit: true },
      { 'if-match': 'W/"0"' },
    )
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  })

  it('links each case to its withdrawal, for the lead only', async () => {
    const page = await lead.get(`/audits/${roundId}`)
    expect(page.$('tbody tr a:contains("Withdraw")')).toHaveLength(3)
    expect(page.$('main').text()).toContain('3 in the round: 1 audited, 0 moderated')
    const asAuditor = await auditor.get(`/audits/${roundId}`)
    expect(asAuditor.status).toBe(200)
    expect(asAuditor.$('a:contains("Withdraw")')).toHaveLength(0)
    expect((await auditor.get(`/audits/${roundId}/cases/${secondsCase.caseId}/withdraw`)).status).toBe(404)
  })

  it('asks for the reason, keeping what was typed, and writes nothing until it is given', async () => {
    const round = await lead.get(`/audits/${roundId}`)
    const form = await lead.get(rowOf(round, leadsCase.caseId).find('a:contains("Withdraw")').attr('href')!)
    expect(form.status).toBe(200)
    expect(form.$('h1').text().trim()).toBe('Withdraw the case from the round')
    expect(form.$('form[novalidate]')).toHaveLength(1)
    expect(form.$('.govuk-warning-text').text()).toContain('grades already submitted')
    const noReason = await lead.submit(form, { reason: '  ' })
    expect(noReason.status).toBe(400)
    expect(noReason.$('title').text()).toMatch(/^Error: /)
    expect(errorsOf(noReason)).toEqual(['Enter why the case is being withdrawn'])
    expect(noReason.$('#reason-error').text()).toContain('Enter why the case is being withdrawn')
    const short = await lead.submit(noReason, { reason: 'no' })
    expect(errorsOf(short)).toEqual(['Reason must be at least 3 characters'])
    expect(short.$('textarea[name="reason"]').text()).toBe('no')
    const stored = (await api.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)).body
    expect(stored.cases.find(c => c.caseId === leadsCase.caseId)?.caseVersion).toBe(1)
  })

  it('shows the case as withdrawn with the reason, out of the counts, with no way to change it', async () => {
    const form = await lead.get(`/audits/${roundId}/cases/${leadsCase.caseId}/withdraw`)
    const saved = await lead.submit(form, { reason: 'The case is subject to a serious case review' })
    expect(saved.status, errorsOf(saved).join('; ')).toBe(303)
    expect(saved.location).toBe(`/audits/${roundId}?done=withdrawn`)
    const round = await lead.get(saved.location!)
    expect(round.$('.govuk-notification-banner').text()).toContain('Case withdrawn from the round')
    const row = rowOf(round, leadsCase.caseId)
    expect(row.text()).toContain('Withdrawn — The case is subject to a serious case review')
    expect(row.find('a:contains("Withdraw")')).toHaveLength(0)
    expect(row.find('a:contains("Reassign")')).toHaveLength(0)
    expect(round.$('main').text()).toContain('2 in the round (1 withdrawn): 0 audited, 0 moderated')
    // The case page keeps the submitted audit in its history, read only.
    const casePage = await lead.get(`/audits/${roundId}/cases/${leadsCase.caseId}`)
    expect(casePage.$('.govuk-inset-text').text()).toContain('Withdrawn from the round')
    expect(casePage.$('form[action$="/audit"]')).toHaveLength(0)
    expect(casePage.$('main').text()).toMatch(/audit \(submitted\)/i)
    // Nor can it be reassigned: the page says why and offers no form.
    const reassign = await lead.get(`/audits/${roundId}/cases/${leadsCase.caseId}/reassign`)
    expect(reassign.$('form[action$="/reassign"]')).toHaveLength(0)
    expect(reassign.$('.govuk-inset-text').text()).toContain('cannot be audited, moderated or reassigned')
    // Withdrawn already: the confirmation page says so and offers no form.
    const again = await lead.get(`/audits/${roundId}/cases/${leadsCase.caseId}/withdraw`)
    expect(again.$('form[action$="/withdraw"]')).toHaveLength(0)
    expect(again.$('.govuk-inset-text').text()).toContain('has been withdrawn from the round')
  })

  it('stops the auditor of a withdrawn case from auditing it or seeing the child', async () => {
    expect((await auditor.get(`/children/${secondsCase.childId}`)).status).toBe(200)
    const form = await lead.get(`/audits/${roundId}/cases/${secondsCase.caseId}/withdraw`)
    expect((await lead.submit(form, { reason: 'The child was sampled in error' })).status).toBe(303)
    const casePage = await auditor.get(`/audits/${roundId}/cases/${secondsCase.caseId}`)
    expect(casePage.status).toBe(200)
    expect(casePage.$('form[action$="/audit"]')).toHaveLength(0)
    const csrf = (await auditor.get('/account/password')).$('input[name="_csrf"]').first().attr('value')!
    const refused = await auditor.post(`/audits/${roundId}/cases/${secondsCase.caseId}/audit`, {
      _csrf: csrf,
      version: '0',
      _action: 'draft',
      'domains[assessment][grade]': 'good',
    })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused)).toEqual([
      'This case has been withdrawn from the round, so it cannot be audited, moderated or reassigned',
    ])
    expect((await auditor.get(`/children/${secondsCase.childId}`)).status).toBe(404)
  })
})

describe('cancelling a round from the round page', () => {
  let roundId: string

  beforeAll(async () => {
    roundId = await createRound('Set up in error', [childIds[3]!])
  })

  it('links to the confirmation for the lead only', async () => {
    const round = await lead.get(`/audits/${roundId}`)
    const link = round.$('a:contains("Cancel the round")')
    expect(link.attr('href')).toBe(`/audits/${roundId}/cancel`)
    expect((await auditor.get(`/audits/${roundId}`)).$('a:contains("Cancel the round")')).toHaveLength(0)
    expect((await auditor.get(`/audits/${roundId}/cancel`)).status).toBe(404)
  })

  it('asks for the reason, then moves the round to the cancelled rounds', async () => {
    const form = await lead.get(`/audits/${roundId}/cancel`)
    expect(form.$('h1').text().trim()).toBe('Cancel Set up in error')
    const noReason = await lead.submit(form, {})
    expect(noReason.status).toBe(400)
    expect(noReason.$('title').text()).toMatch(/^Error: /)
    expect(errorsOf(noReason)).toEqual(['Enter why the round is being cancelled'])
    expect((await api.get<{ status: string }>(`/api/v1/audit-rounds/${roundId}`)).body.status).toBe('open')
    const openBefore = await lead.get('/audits')
    expect(tableOf(openBefore, 'Open rounds')).toContain('Set up in error')

    const cancelled = await lead.submit(noReason, { reason: 'Set up with the wrong sample' })
    expect(cancelled.status, errorsOf(cancelled).join('; ')).toBe(303)
    const round = await lead.get(cancelled.location!)
    expect(round.$('.govuk-notification-banner').text()).toContain('Round cancelled')
    expect(round.$('main').text()).toMatch(/Cancelled on .+ — Set up with the wrong sample/)
    expect(round.$('a:contains("Cancel the round")')).toHaveLength(0)
    expect(round.$('form[action$="/close"]')).toHaveLength(0)
    expect(round.$('a:contains("Withdraw")')).toHaveLength(0)
    expect(round.$('a:contains("learning brief")')).toHaveLength(0)
    const list = await lead.get('/audits')
    expect(tableOf(list, 'Open rounds')).not.toContain('Set up in error')
    expect(tableOf(list, 'Cancelled rounds')).toContain('Set up in error')
    expect(tableOf(list, 'Cancelled rounds')).toContain('Set up with the wrong sample')
  })

  it('refuses to cancel a closed round, saying why', async () => {
    const closedId = await createRound('Closed already', [childIds[0]!])
    const closed = await api.post(
      `/api/v1/audit-rounds/${closedId}/close`,
      { reason: 'Carried over' },
      { 'if-match': 'W/"1"' },
    )
    expect(closed.status).toBe(200)
    const page = await lead.get(`/audits/${closedId}/cancel`)
    expect(page.status).toBe(200)
    expect(page.$('form[action$="/cancel"]')).toHaveLength(0)
    expect(page.$('.govuk-inset-text').text()).toContain('closed, so it cannot be cancelled')
    const csrf = (await lead.get('/account/password')).$('input[name="_csrf"]').first().attr('value')!
    const refused = await lead.post(`/audits/${closedId}/cancel`, { _csrf: csrf, version: '2', reason: 'Too late' })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused)).toEqual([
      'This audit round is closed, so it cannot be cancelled: its learning brief is final',
    ])
  })
})

function tableOf(page: WebResponse, caption: string): string {
  return page
    .$('table')
    .filter((_i, table) => page.$(table).find('caption').text().trim() === caption)
    .text()
}
