/**
 * The network pages over real HTTP, as a browser without JavaScript: map a relative (with an error first, answers
 * kept), see the genogram (SVG with no inline styles) and its table, record a family group conference, plan family
 * time and record a session, suspend it under the 7-day rule, and the manager's list of split sibling groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { webSession, type WebResponse } from '../plans/testing/web-session.ts'

const clock = movableClock('2026-01-12')
let t: TestApp
let childId: string
let sisterId: string
let worker: Awaited<ReturnType<typeof webSession>>
let manager: Awaited<ReturnType<typeof webSession>>

function errorsOf(page: WebResponse): string[] {
  return page
    .$('.govuk-error-summary__list a')
    .map((_index, element) => page.$(element).text().trim())
    .get()
}

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  const api = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Ivy' })
  sisterId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Hazel' })
  await api.post(`/api/v1/children/${childId}/siblings`, { siblingChildId: sisterId, kind: 'full' })
  worker = await webSession(t, t.north.users['social-worker'])
  manager = await webSession(t, t.north.users['team-manager'])
})
afterAll(async () => {
  await t?.close()
})

describe('the network pages', () => {
  it('maps a relative onto the genogram, keeping every answer when something is missing', async () => {
    const form = await worker.get(`/children/${childId}/network/people/new`)
    expect(form.status).toBe(200)
    const missing = await worker.submit(form, {
      givenNames: 'Agnes',
      familyName: '',
      relationship: 'grandparent',
      sideOfFamily: 'paternal',
      sex: 'female',
      culture: 'Polish',
    })
    expect(missing.status).toBe(400)
    expect(errorsOf(missing)).toEqual(['Enter their family name'])
    expect(missing.$('title').text()).toMatch(/^Error: /)
    expect(missing.$('input[name="culture"]').val()).toBe('Polish')
    const saved = await worker.submit(missing, { familyName: 'Nowak', religion: 'Roman Catholic', closeness: 'close' })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const page = await worker.get(saved.location!)
    expect(page.$('h1').text().trim()).toBe('Family and network')
    const svg = page.$('svg.app-genogram')
    expect(svg.attr('role')).toBe('img')
    expect(svg.find('title').text()).toContain('Cultural genogram')
    expect(svg.find('circle').length).toBeGreaterThan(0)
    expect(page.html).not.toMatch(/<svg[^>]*style=|<style/)
    expect(page.$('#people ~ table').first().text()).toContain('Agnes Nowak')
    expect(page.$('#people ~ table').first().text()).toContain('Polish, Roman Catholic')
    expect(page.$('main').text()).toContain('Living apart with no Together-or-Apart assessment')
  })

  it('records a family group conference with who came and what the family offered', async () => {
    const form = await worker.get(`/children/${childId}/network/family-meetings/new`)
    const agnes = form.$('input[name="attendeePersonIds[]"]').first().attr('value')!
    const saved = await worker.submit(form, {
      kind: 'family-group-conference',
      'heldOn-day': '9',
      'heldOn-month': '1',
      'heldOn-year': '2026',
      'attendeePersonIds[]': [agnes],
      'offers[0][personId]': agnes,
      'offers[0][kind]': 'short-breaks',
      'offers[0][details]': 'Every other weekend',
    })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const page = await worker.get(`/children/${childId}/network`)
    expect(page.$('#family-meetings ~ .govuk-summary-card').first().text()).toContain(
      'Agnes Nowak: Short breaks or respite – Every other weekend',
    )
  })

  it('plans family time, records a cancelled session, and warns of the 7-day limit on a suspension', async () => {
    const form = await worker.get(`/children/${childId}/network/family-time-plans/new`)
    const agnes = form.$('select[name="personId"] option').eq(1).attr('value')!
    const plan = await worker.submit(form, {
      personId: agnes,
      mode: 'direct',
      sessionsPerPeriod: '1',
      period: 'week',
      durationMinutes: '120',
      supervision: 'supported',
      purpose: 'To keep Ivy close to her grandmother',
      'startedOn-day': '1',
      'startedOn-month': '12',
      'startedOn-year': '2025',
    })
    expect(plan.status, errorsOf(plan).join()).toBe(303)
    const sessionForm = await worker.get(`/children/${childId}/network/family-time-sessions/new`)
    const noWho = await worker.submit(sessionForm, {
      'occurredOn-day': '5',
      'occurredOn-month': '1',
      'occurredOn-year': '2026',
      outcome: 'cancelled',
      planId: sessionForm.$('select[name="planId"] option').eq(1).attr('value')!,
    })
    expect(errorsOf(noWho)).toEqual(['Select who cancelled the session'])
    const session = await worker.submit(noWho, { cancelledBy: 'carer' })
    expect(session.status).toBe(303)
    const suspendForm = await worker.get(`/children/${childId}/network/family-time-suspensions/new`)
    const suspended = await worker.submit(suspendForm, {
      planId: suspendForm.$('select[name="planId"] option').eq(1).attr('value')!,
      'suspendedOn-day': '11',
      'suspendedOn-month': '1',
      'suspendedOn-year': '2026',
      reason: 'Safeguarding concern being investigated',
    })
    expect(suspended.status, errorsOf(suspended).join()).toBe(303)
    const page = await worker.get(`/children/${childId}/family-time`)
    const text = page.$('main').text()
    expect(text).toContain('by 18 January 2026 (KIT-01)')
    expect(text).toContain('Cancelled by carer')
  })

  it('puts life story work on the child’s timescale list', async () => {
    const form = await worker.get(`/children/${childId}/network/life-story-work/new`)
    const saved = await worker.submit(form, {
      kind: 'words-and-pictures',
      owner: 'Sam Worker',
      'dueOn-day': '1',
      'dueOn-month': '1',
      'dueOn-year': '2026',
      status: 'in-progress',
    })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const page = await worker.get(`/children/${childId}`)
    const overdue = page.$('caption:contains("Overdue and due soon")').parent().text()
    expect(overdue).toContain('Words and pictures explanation')
    expect(overdue).toContain('(LSW)')
  })

  it('shows the manager every sibling group split without an assessment', async () => {
    const page = await manager.get('/sibling-groups/split')
    expect(page.status).toBe(200)
    expect(page.$('main').text()).toContain('Ivy Puddleby')
    expect(page.$('main').text()).toContain('Living apart with no Together-or-Apart assessment')
    const refused = await worker.get('/sibling-groups/split')
    expect(refused.status).toBe(403)
  })
})
