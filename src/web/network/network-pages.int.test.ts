/**
 * The network pages over real HTTP, as a browser without JavaScript: map a relative (with an error first, answers
 * kept), see the genogram (SVG with no inline styles) and its table, record a family group conference, plan family
 * time and record a session, suspend it under the 7-day rule, correct records with a reason and remove one made in
 * error, end a family time plan (each problem named, nothing written; refused to someone who may not change the
 * network), and the manager's list of split sibling groups.
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

describe('ending a family time plan', () => {
  let juniperId: string
  let fatherId: string
  const api = () => apiClient(t.baseUrl, t.north.users['social-worker'].token)

  /** A plan with the child's father, through the API. */
  async function planWithFather(startedOn: string): Promise<string> {
    const plan = await api().post<{ id: string }>(`/api/v1/children/${juniperId}/network/family-time-plans`, {
      personId: fatherId,
      mode: 'direct',
      sessionsPerPeriod: 1,
      period: 'week',
      supervision: 'supervised',
      purpose: 'To keep Juniper’s relationship with her father',
      startedOn,
    })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    return plan.body.id
  }

  const planRow = async (id: string) =>
    (
      await t.db.query<{ version: number; ended: string | null }>(
        `SELECT version, ended_on::text AS ended FROM family_time_plans WHERE id = $1`,
        [id],
      )
    )[0]
  const endedEvents = async (outcome: string) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events
          WHERE action = 'FAMILY_TIME_PLAN_ENDED' AND child_id = $1 AND outcome = $2`,
        [juniperId, outcome],
      )
    )[0]!.n

  beforeAll(async () => {
    clock.setDay('2026-01-12')
    juniperId = await lookedAfterChild(t, api(), 'north', { startedOn: '2025-10-01', givenNames: 'Juniper' })
    const father = await api().post(`/api/v1/children/${juniperId}/relationships`, {
      person: { givenNames: 'Cedric', familyName: 'Example', sex: 'male' },
      relationship: 'father',
      holdsParentalResponsibility: true,
    })
    expect(father.status, JSON.stringify(father.body)).toBe(201)
    const network = await api().get<{ people: { personId: string; name: string }[] }>(
      `/api/v1/children/${juniperId}/network`,
    )
    fatherId = network.body.people.find(p => p.name === 'Cedric Example')!.personId
  })

  it('ends a plan from its page: a new version with the date and the reason, the earlier one kept', async () => {
    const planId = await planWithFather('2025-11-03')
    const page = await worker.get(`/children/${juniperId}/family-time`)
    expect(page.$('a:contains("Suspend family time")').length).toBe(1)
    const link = page.$('a:contains("End this plan")')
    expect(link.text()).toBe('End this plan for family time with Cedric Example from 3 November 2025')
    expect(link.attr('href')).toBe(`/children/${juniperId}/network/family-time-plans/${planId}/end`)
    const form = await worker.get(link.attr('href')!)
    expect(form.status).toBe(200)
    expect(form.$('h1').text().trim()).toBe('End this family time plan')
    expect(form.$('legend').text().trim()).toBe('When did this family time plan end?')
    expect(form.$('label[for="reason"]').text().trim()).toBe('Why is it ending?')
    expect(form.$('input[name="endedOn-day"]').length).toBe(1)
    const ended = await worker.submit(form, {
      'endedOn-day': '10',
      'endedOn-month': '1',
      'endedOn-year': '2026',
      reason: 'The court made a new order about contact.',
    })
    expect(ended.status, errorsOf(ended).join()).toBe(303)
    expect(ended.location).toBe(`/children/${juniperId}/family-time`)

    const after = await worker.get(ended.location!)
    const main = after.$('main').text().replace(/\s+/g, ' ')
    expect(after.$('main h2').first().text()).toContain('Ended')
    expect(main).toContain('Ended on 10 January 2026.')
    expect(main).toContain('From 3 November 2025 to 10 January 2026')
    expect(main).toContain('3 November 2025 to the end of the plan on 10 January 2026')
    expect(main).not.toContain('to today')
    expect(after.$('a:contains("End this plan")').length).toBe(0)
    // No plan is running, so there is nothing to suspend.
    expect(after.$('a:contains("Suspend family time")').length).toBe(0)

    expect(await planRow(planId)).toEqual({ version: 2, ended: '2026-01-10' })
    const history = await t.db.query<{ version: number; ended: string | null; reason: string; by: string }>(
      `SELECT version, data->>'ended_on' AS ended, change_reason AS reason, changed_by::text AS by
         FROM record_versions WHERE table_name = 'family_time_plans' AND record_id = $1 ORDER BY version`,
      [planId],
    )
    const workerId = t.north.users['social-worker'].id
    expect(history).toEqual([
      { version: 1, ended: null, reason: 'Recorded', by: workerId },
      { version: 2, ended: '2026-01-10', reason: 'The court made a new order about contact.', by: workerId },
    ])
    // One request, one audit event: the end, not also a correction.
    expect(await endedEvents('success')).toBe(1)
    const changed = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'NETWORK_RECORD_CHANGED' AND child_id = $1`,
      [juniperId],
    )
    expect(changed[0]!.n).toBe(0)

    // An ended plan has nothing to ask; posting the old form again is refused, naming the field.
    const again = await worker.get(link.attr('href')!)
    expect(again.status).toBe(303)
    const twice = await worker.submit(form, {
      'endedOn-day': '11',
      'endedOn-month': '1',
      'endedOn-year': '2026',
      reason: 'Ending it again.',
    })
    expect(twice.status).toBe(400)
    expect(errorsOf(twice)).toEqual([
      'This plan has already ended, on 10 January 2026. To change the date it ended, correct the plan',
    ])
    expect(await planRow(planId)).toEqual({ version: 2, ended: '2026-01-10' })

    // Nothing happens under a plan from the day it ended: a session on that day is refused, naming the field.
    const sessionForm = await worker.get(`/children/${juniperId}/network/family-time-sessions/new`)
    const late = await worker.submit(sessionForm, {
      planId,
      'occurredOn-day': '10',
      'occurredOn-month': '1',
      'occurredOn-year': '2026',
      outcome: 'attended',
    })
    expect(late.status).toBe(400)
    expect(errorsOf(late)).toEqual([
      'Date of the session must be before the family time plan ended, on 10 January 2026',
    ])
    expect(late.$('#occurredOn-error, [id^="occurredOn"].govuk-error-message').length).toBeGreaterThan(0)
    const before = await worker.submit(late, { 'occurredOn-day': '9' })
    expect(before.status, errorsOf(before).join()).toBe(303)
  })

  it('shows and changes the end date on the form that corrects the plan', async () => {
    const page = await worker.get(`/children/${juniperId}/family-time`)
    const form = await worker.get(page.$('a:contains("Correct the plan")').attr('href')!)
    expect(form.$('input[name="endedOn-day"]').val()).toBe('10')
    expect(form.$('input[name="endedOn-year"]').val()).toBe('2026')
    const future = await worker.submit(form, {
      'endedOn-day': '13',
      correctionReason: 'The end date was typed wrongly.',
    })
    expect(future.status).toBe(400)
    expect(future.$('.govuk-error-summary__list a').attr('href')).toBe('#endedOn-day')
    // The message names the date that is wrong.
    expect(errorsOf(future)).toEqual(['Date the plan ended must be today or in the past'])
    const saved = await worker.submit(future, { 'endedOn-day': '9' })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const after = await worker.get(`/children/${juniperId}/family-time`)
    expect(after.$('main').text()).toContain('Ended on 9 January 2026.')
  })

  it('names the field for each problem, keeps the answers and writes nothing', async () => {
    const planId = await planWithFather('2025-12-01')
    const form = await worker.get(`/children/${juniperId}/network/family-time-plans/${planId}/end`)
    const date = (day: string, month: string, year: string) => ({
      'endedOn-day': day,
      'endedOn-month': month,
      'endedOn-year': year,
    })
    const reason = 'Family time moved to the new plan.'
    const cases: [string, Record<string, string>, string[]][] = [
      ['nothing', {}, ['Enter the date the plan ended', 'Enter why the plan is ending']],
      ['no month', { ...date('10', '', '2026'), reason }, ['The date the plan ended must include a month']],
      ['not a real date', { ...date('31', '2', '2026'), reason }, ['The date the plan ended must be a real date']],
      [
        'before the plan started',
        { ...date('30', '11', '2025'), reason },
        ['The date the plan ended must be after the date it started, 1 December 2025'],
      ],
      [
        'the day the plan started',
        { ...date('1', '12', '2025'), reason },
        ['The date the plan ended must be after the date it started, 1 December 2025'],
      ],
      [
        'in the future',
        { ...date('13', '1', '2026'), reason },
        ['The date the plan ended must be today or in the past'],
      ],
      ['no reason', { ...date('10', '1', '2026'), reason: '  ' }, ['Enter why the plan is ending']],
      [
        'a reason too short',
        { ...date('10', '1', '2026'), reason: 'No' },
        ['The reason must be between 3 and 500 characters'],
      ],
    ]
    for (const [what, fields, expected] of cases) {
      const refused = await worker.submit(form, fields)
      expect(refused.status, what).toBe(400)
      expect(errorsOf(refused), what).toEqual(expected)
      expect(refused.$('title').text(), what).toMatch(/^Error: End the family time plan with Cedric Example/)
      const hrefs = refused
        .$('.govuk-error-summary__list a')
        .map((_i, a) => refused.$(a).attr('href'))
        .get()
      for (const href of hrefs) {
        expect(refused.$(href).length, `${what}: ${href}`).toBe(1)
      }
      expect(refused.$('input[name="endedOn-day"]').val(), what).toBe(fields['endedOn-day'] ?? '')
      expect(refused.$('textarea[name="reason"]').text(), what).toBe(fields.reason ?? '')
    }
    expect(await planRow(planId)).toEqual({ version: 1, ended: null })
    const versions = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM record_versions WHERE table_name = 'family_time_plans' AND record_id = $1`,
      [planId],
    )
    expect(versions[0]!.n).toBe(1)
    expect(await endedEvents('success')).toBe(1)
    expect(await endedEvents('invalid')).toBe(cases.length + 1)
  })

  it('refuses someone who may see the child but not change their network, and writes nothing', async () => {
    const planId = await planWithFather('2025-12-15')
    const address = `/children/${juniperId}/network/family-time-plans/${planId}/end`
    const otherTeam = await webSession(t, t.north.users.teamBWorker)
    const page = await otherTeam.get(`/children/${juniperId}/family-time`)
    expect(page.status).toBe(200)
    expect(page.$('a:contains("End this plan")').length).toBe(0)
    // Denied as not found, as every child action is (the record's existence is not confirmed).
    expect((await otherTeam.get(address)).status).toBe(404)
    const refused = await otherTeam.post(address, {
      _csrf: page.$('input[name="_csrf"]').first().val() as string,
      version: '1',
      'endedOn-day': '10',
      'endedOn-month': '1',
      'endedOn-year': '2026',
      reason: 'Not mine to end.',
    })
    expect(refused.status).toBe(404)
    expect(await planRow(planId)).toEqual({ version: 1, ended: null })
    const events = await t.db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE action = 'FAMILY_TIME_PLAN_ENDED' AND child_id = $1 AND user_id = $2`,
      [juniperId, t.north.users.teamBWorker.id],
    )
    expect(events).toEqual([{ outcome: 'not-found' }])
  })
})
