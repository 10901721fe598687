/**
 * The network pages over real HTTP, as a browser without JavaScript: map a relative (with an error first, answers
 * kept), see the genogram (SVG with no inline styles) and its table, record a family group conference, plan family
 * time and record a session, suspend it under the 7-day rule, correct records with a reason and remove one made in
 * error, and the manager's list of split sibling groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { errorsOf, webSession } from '../plans/testing/web-session.ts'

const clock = movableClock('2026-01-12')
let t: TestApp
let childId: string
let sisterId: string
let worker: Awaited<ReturnType<typeof webSession>>
let manager: Awaited<ReturnType<typeof webSession>>

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

  it('corrects life story work with a reason, keeping the earlier version in the history', async () => {
    const network = await worker.get(`/children/${childId}/network`)
    const link = network.$('a:contains("Correct the words and pictures explanation")').attr('href')!
    expect(link).toMatch(/\/network\/life-story-work\/[0-9a-f-]+\/change$/)
    const form = await worker.get(link)
    expect(form.$('h1').text().trim()).toBe('Correct this record: add life story work')
    expect(form.$('input[name="owner"]').val()).toBe('Sam Worker')
    expect(form.$('input[name="dueOn[day]"], input[name="dueOn-day"]').val()).toBe('1')
    const noReason = await worker.submit(form, { 'dueOn-month': '3' })
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason)).toEqual(['Enter why you are correcting this record'])
    expect(noReason.$('input[name="dueOn-month"]').val()).toBe('3')
    const saved = await worker.submit(noReason, { correctionReason: 'The due date was typed wrongly.' })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const after = await worker.get(`/children/${childId}/network`)
    expect(after.$('#life-story ~ table').first().text()).toContain('1 March 2026')
    const recordId = link.split('/').at(-2)!
    const history = await t.db.query<{ version: number; due: string; reason: string | null }>(
      `SELECT version, data->>'due_on' AS due, change_reason AS reason FROM record_versions
        WHERE table_name = 'life_story_work' AND record_id = $1 ORDER BY version`,
      [recordId],
    )
    expect(history).toEqual([
      { version: 1, due: '2026-01-01', reason: 'Recorded' },
      { version: 2, due: '2026-03-01', reason: 'The due date was typed wrongly.' },
    ])
    // A record of this child is not found under another child's address.
    expect((await worker.get(link.replace(childId, sisterId))).status).toBe(404)
  })

  it('corrects a suspension of family time without mixing its own reason with the reason for the correction', async () => {
    const page = await worker.get(`/children/${childId}/family-time`)
    const form = await worker.get(page.$('a:contains("the suspension from 11 January 2026")').attr('href')!)
    expect(form.$('textarea[name="reason"]').val()).toBe('Safeguarding concern being investigated')
    const saved = await worker.submit(form, {
      'resumedOn-day': '12',
      'resumedOn-month': '1',
      'resumedOn-year': '2026',
      correctionReason: 'Family time resumed today; it was not recorded.',
    })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const [row] = await t.db.query<{ reason: string; resumed: string }>(
      `SELECT reason, resumed_on::text AS resumed FROM family_time_suspensions WHERE child_id = $1`,
      [childId],
    )
    expect(row).toEqual({ reason: 'Safeguarding concern being investigated', resumed: '2026-01-12' })
    const after = await worker.get(`/children/${childId}/family-time`)
    expect(after.$('main').text()).toContain('resumed 12 January 2026')
  })

  it('removes a family meeting recorded in error, with the reason, and keeps it in the history', async () => {
    const network = await worker.get(`/children/${childId}/network`)
    const form = await worker.get(
      network.$('#family-meetings ~ .govuk-summary-card a:contains("Correct")').attr('href')!,
    )
    const confirm = await worker.get(form.$('a:contains("remove the record")').attr('href')!)
    expect(confirm.$('h1').text().trim()).toBe('Remove a record made in error')
    const noReason = await worker.submit(confirm, {})
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason)).toEqual(['Enter why the record is being removed'])
    const removed = await worker.submit(noReason, { reason: 'Recorded for the wrong child.' })
    expect(removed.status, errorsOf(removed).join()).toBe(303)
    const after = await worker.get(`/children/${childId}/network`)
    expect(after.$('main').text()).toContain('No family network meeting is recorded.')
    const [row] = await t.db.query<{ voided: boolean; reason: string }>(
      `SELECT voided_at IS NOT NULL AS voided, void_reason AS reason FROM family_meetings WHERE child_id = $1`,
      [childId],
    )
    expect(row).toEqual({ voided: true, reason: 'Recorded for the wrong child.' })
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
