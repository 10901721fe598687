/**
 * The team and authority dashboards over real HTTP: what they count, that each chart is drawn on the server as SVG
 * that our Content Security Policy allows (no style element or attribute) with a table beside it, and who may see
 * them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { option } from '../../domain/plans/testing/fixtures.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { webSession } from '../plans/testing/web-session.ts'

const clock = movableClock('2026-01-05')
let t: TestApp
let drifting: string
let planned: string

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  // In care since last January with no review recorded: reviews and the permanence plan are overdue.
  drifting = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-01-06', givenNames: 'Wren' })
  // In care since December with a plan for long-term fostering and no contingency.
  planned = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-12-15', givenNames: 'Tansy' })
  const started = await worker.post(`/api/v1/children/${planned}/plan`, {
    options: [option({ id: 'ltf', type: 'long-term-fostering', isPrimary: true })],
  })
  expect(started.status, JSON.stringify(started.body)).toBe(201)
})
afterAll(async () => {
  await t?.close()
})

describe('the team dashboard', () => {
  it('counts drift by worker and lists the children behind the counts, with their reasons', async () => {
    const manager = await webSession(t, t.north.users['team-manager'])
    const page = await manager.get('/dashboards/team')
    expect(page.status).toBe(200)
    expect(page.$('title').text()).toMatch(/^Team dashboard – /)
    expect(page.$('.govuk-service-navigation a[href="/dashboards/team"], nav a[href="/dashboards/team"]').length).toBe(
      1,
    )
    expect(Number(page.$('[data-qa="overdue"]').text())).toBeGreaterThanOrEqual(1)
    expect(Number(page.$('[data-qa="contingency"]').text())).toBe(1)
    const rows = page.$('table').last().find('tbody tr')
    const reasonsFor = (name: string) =>
      rows
        .filter((_i, row) => page.$(row).find('a').text().includes(name))
        .find('li')
        .map((_i, li) => page.$(li).text().trim())
        .get()
    // The test authority follows the national pack: no local PPM cadence (PP-02/PP-04 are Tameside's and Dorset's).
    expect(reasonsFor('Wren')).toEqual([
      'No permanence plan by the second review',
      'Other overdue: CP-01, CP-03, EDU-01, HLT-01, REV-01, VIS-01',
    ])
    expect(reasonsFor('Tansy')).toContain('Plan has no viable contingency')
    expect(rows.find(`a[href="/children/${drifting}"]`).length).toBe(1)
  })

  it('links each count to a paged list of the children behind it, for the team or one worker, and audits it', async () => {
    const manager = await webSession(t, t.north.users['team-manager'])
    const dashboard = await manager.get('/dashboards/team')
    const card = dashboard.$('a').filter((_i, a) => dashboard.$(a).text().includes('no viable contingency'))
    expect(card.attr('href')).toBe('/dashboards/team/children?measure=contingency')
    const list = await manager.get(card.attr('href')!)
    expect(list.status).toBe(200)
    expect(list.$('h1').text()).toContain('Children whose plan has no viable contingency')
    const linked = list
      .$('tbody a')
      .map((_i, a) => list.$(a).attr('href'))
      .get()
    expect(linked).toEqual([`/children/${planned}`])
    // The worker's own count links to their children only.
    const workerCell = dashboard.$('tbody td a[href*="measure=children&worker="]').first()
    const theirs = await manager.get(workerCell.attr('href')!)
    expect(theirs.$('[data-qa="list-count"]').text()).toMatch(/^2 children/)
    expect(theirs.$('h1 .govuk-caption-l').text()).toContain('’s children')
    const audit = await t.db.query<{ details: { measure: string; childIds: string[] } }>(
      `SELECT details FROM audit_events WHERE action = 'TEAM_DASHBOARD_CHILDREN_LISTED' AND outcome = 'success' ORDER BY id`,
    )
    expect(audit.map(a => [a.details.measure, a.details.childIds.length])).toEqual([
      ['contingency', 1],
      ['children', 2],
    ])
    expect((await manager.get('/dashboards/team/children?measure=everything')).status).toBe(404)
    expect((await manager.get('/dashboards/team/children?measure=any&worker=nobody')).status).toBe(404)
    const beyond = await manager.get('/dashboards/team/children?measure=any&page=9')
    expect(beyond.status).toBe(200)
    expect(beyond.$('main').text()).toContain('This page is past the end of the list of 2 children.')
    const none = await manager.get('/dashboards/team/children?measure=proceedings')
    expect(none.$('main').text()).toContain('No child in the team counts here')
  })

  it('is for team managers: a social worker is refused', async () => {
    const worker = await webSession(t, t.north.users['social-worker'])
    expect((await worker.get('/dashboards/team')).status).toBe(403)
    expect((await worker.get('/dashboards/team/children?measure=any')).status).toBe(403)
  })
})

describe('the authority dashboard', () => {
  it('shows the options mix and trends as server-drawn charts with tables, allowed by the CSP', async () => {
    const analyst = await webSession(t, t.north.users['performance-analyst'])
    const page = await analyst.get('/dashboards/authority')
    expect(page.status).toBe(200)
    expect(page.$('[data-qa="in-care"]').text()).toBe('2')
    expect(page.$('[data-qa="no-contingency"]').text()).toBe('1')
    const mix = page
      .$('table')
      .filter((_i, table) => page.$(table).find('caption').text().includes('by primary plan'))
      .find('tbody tr')
      .map((_i, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(mix).toEqual(['Long-term fostering 1 1', 'No permanence plan 1 0'])
    const charts = page.$('svg.app-chart')
    expect(charts.length).toBeGreaterThanOrEqual(2)
    for (const svg of charts.toArray()) {
      const markup = page.$.html(svg)
      expect(markup).not.toMatch(/<style|style="/)
      expect(page.$(svg).attr('role')).toBe('img')
      const [titleId] = (page.$(svg).attr('aria-labelledby') ?? '').split(' ')
      expect(page.$(svg).find(`#${titleId}`).text().length).toBeGreaterThan(10)
    }
  })
})

describe('the authority dashboard’s daily snapshot (ADR 0093)', () => {
  it('keeps the figures as at the first view of the day until an analyst recalculates them', async () => {
    const analyst = await webSession(t, t.north.users['performance-analyst'])
    const before = await analyst.get('/dashboards/authority')
    expect(before.$('[data-qa="figures-as-at"]').text()).toMatch(/Figures as at \d+ \w+ \d{4}, \d/)
    const inCare = before.$('[data-qa="in-care"]').text()
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    await lookedAfterChild(t, worker, 'north', { startedOn: '2025-12-20', givenNames: 'Bryony' })
    const kept = await analyst.get('/dashboards/authority')
    expect(kept.$('[data-qa="in-care"]').text()).toBe(inCare)
    // Without the form's token the recalculation is refused.
    expect((await analyst.post('/dashboards/authority/recalculate', {})).status).toBe(403)
    const recalculated = await analyst.submit(kept, {}, 'form[action="/dashboards/authority/recalculate"]')
    expect(recalculated.status).toBe(303)
    expect(recalculated.headers.get('location')).toBe('/dashboards/authority')
    const after = await analyst.get('/dashboards/authority')
    expect(Number(after.$('[data-qa="in-care"]').text())).toBe(Number(inCare) + 1)
    const audit = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'AUTHORITY_DASHBOARD_RECALCULATED' AND outcome = 'success'`,
    )
    expect(audit[0]!.n).toBe(1)
  })

  it('offers "Recalculate now" to analysts and administrators, not to team managers', async () => {
    const manager = await webSession(t, t.north.users['team-manager'])
    const page = await manager.get('/dashboards/authority')
    expect(page.status).toBe(200)
    expect(page.$('form[action="/dashboards/authority/recalculate"]').length).toBe(0)
    const refused = await manager.post('/dashboards/authority/recalculate', {
      _csrf: page.$('input[name="_csrf"]').first().val() as string,
    })
    expect(refused.status).toBe(403)
    const admin = await webSession(t, t.north.users.administrator)
    const adminPage = await admin.get('/dashboards/authority')
    expect(adminPage.$('form[action="/dashboards/authority/recalculate"]').length).toBe(1)
  })
})

describe("the child's page summary", () => {
  it('shows the current plan with its tracks and contingency, meetings and actions, and a timeline', async () => {
    const worker = await webSession(t, t.north.users['social-worker'])
    const page = await worker.get(`/children/${planned}`)
    expect(page.status).toBe(200)
    const plan = page.$('#plan').parent().text().replace(/\s+/g, ' ')
    expect(plan).toContain('Draft (version 1)')
    expect(plan).toContain('Primary plan Long-term fostering')
    expect(plan).toContain('Tracks Single track')
    expect(page.$('[data-qa="contingency"]').text().trim()).toBe('None recorded')
    expect(page.$('#meetings').parent().text()).toContain('No meeting is booked.')
    const timeline = page
      .$('.app-timeline li')
      .map((_i, li) => page.$(li).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(timeline).toEqual([
      '15 December 2025 – Became looked after',
      '15 December 2025 – Legal status: Interim care order (s.38)',
      '15 December 2025 – Placement started: Foster care with other carers: other',
    ])
  })
})
