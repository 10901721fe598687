/**
 * The meeting recorder and the documents page over real HTTP, as a browser without JavaScript: book a PPM, record
 * attendance, actions and the next date with "add another", refuse to close without the next date, close as the
 * chair, update an action, print the minutes and the plan, and write, edit and share "My plan".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endorsableContent } from '../../domain/plans/testing/fixtures.ts'
import { lookedAfterChild, movableClock, pdfText } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { errorsOf, webSession } from '../plans/testing/web-session.ts'

const clock = movableClock('2026-01-12')
let t: TestApp
let childId: string
let worker: Awaited<ReturnType<typeof webSession>>
let manager: Awaited<ReturnType<typeof webSession>>

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  const api = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Tansy' })
  clock.setDay('2026-01-05')
  await api.post(`/api/v1/children/${childId}/plan`, endorsableContent())
  await api.post(
    `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
    { ppmOn: '2026-01-12' },
    { 'if-match': 'W/"1"' },
  )
  clock.setDay('2026-01-12')
  worker = await webSession(t, t.north.users['social-worker'])
  manager = await webSession(t, t.north.users['team-manager'])
})
afterAll(async () => {
  await t?.close()
})

describe('the meeting recorder', () => {
  let meetingPath: string

  it('books a PPM and records it, keeping every answer when something is missing', async () => {
    const list = await worker.get(`/children/${childId}/meetings`)
    expect(list.$('h1').text().trim()).toBe('Meetings and actions')
    const form = await worker.get(`/children/${childId}/meetings/new`)
    const missing = await worker.submit(form, { 'chair[role]': 'team-manager' })
    expect(errorsOf(missing)).toEqual(['Select the kind of meeting'])
    const booked = await worker.submit(missing, {
      kind: 'permanence-planning-meeting',
      'chair[name]': 'Tess Manager',
      purpose: 'To consider the plan.',
    })
    expect(booked.status, booked.html.slice(0, 300)).toBe(303)
    meetingPath = booked.location!
    let recorder = await worker.get(meetingPath)
    expect(recorder.$('h1').text().trim()).toBe('Record the meeting')
    expect(recorder.$('input[name="childOutcomes[0][considersPlan]"]').attr('checked')).toBeDefined()
    recorder = await worker.submit(recorder, { _action: 'add-invitees' })
    recorder = await worker.submit(recorder, { _action: 'add-actions' })
    const filled = {
      'invitees[0][name]': 'Imran Reviewer',
      'invitees[0][role]': 'iro',
      'invitees[0][attendance]': 'attended',
      'childOutcomes[0][outcome]': 'Twin tracking agreed.',
      'actions[0][description]': 'Complete the viability assessment',
      'actions[0][owner]': 'Sam Worker',
      'actions[0][dueOn]-day': '30',
      'actions[0][dueOn]-month': '1',
      'actions[0][dueOn]-year': '2026',
      minutes: 'The plan was considered.',
    }
    const noOwner = await worker.submit(recorder, { ...filled, 'actions[0][owner]': '', _action: 'save' })
    expect(noOwner.status).toBe(400)
    expect(errorsOf(noOwner)).toEqual(['Enter who will do this action'])
    expect(noOwner.$('input[name="invitees[0][name]"]').val()).toBe('Imran Reviewer')
    const saved = await worker.submit(noOwner, { ...filled, _action: 'save' })
    expect(saved.status).toBe(303)
  })

  it('will not close a PPM without the next one booked, and closes it for the chair', async () => {
    const page = await manager.get(meetingPath)
    const refused = await manager.submit(page, { _action: 'close' })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused)).toEqual([
      'Enter the date of the next permanence planning meeting before closing this one',
    ])
    expect(refused.$('.govuk-error-summary__list a').attr('href')).toBe('#nextMeetingOn-day')
    const closed = await manager.submit(refused, {
      _action: 'close',
      'nextMeetingOn-day': '13',
      'nextMeetingOn-month': '4',
      'nextMeetingOn-year': '2026',
    })
    expect(closed.status, errorsOf(closed).join()).toBe(303)
    const view = await worker.get(meetingPath)
    expect(view.$('h1').text().trim()).toBe('Meeting on 12 January 2026')
    const plan = await worker.get(`/children/${childId}/plan`)
    expect(plan.$('main').text()).toContain('Considered at a permanence planning meeting')
  })

  it('corrects the closed meeting with a reason, for a chair only, and keeps the closed version', async () => {
    // The social worker cannot chair a PPM, so is offered no correction and is refused one.
    const asWorker = await worker.get(meetingPath)
    expect(asWorker.$('a:contains("Correct the record")').length).toBe(0)
    const workerForm = await worker.get(`${meetingPath}/correct`)
    const workerTry = await worker.submit(workerForm, { reason: 'Typo.', _action: 'save' })
    expect(workerTry.status).toBe(400)
    expect(errorsOf(workerTry)).toEqual(['Your role cannot do this'])

    const page = await manager.get(meetingPath)
    const link = page.$('a:contains("Correct the record")').attr('href')
    expect(link).toBe(`${meetingPath}/correct`)
    const form = await manager.get(link!)
    expect(form.$('h1').text().trim()).toBe('Correct the record')
    expect(form.$('textarea[name="minutes"]').val()).toBe('The plan was considered.')
    const noReason = await manager.submit(form, { minutes: 'The plan was considered with the IRO.', _action: 'save' })
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason)).toEqual(['Enter why the record is being corrected'])
    expect(noReason.$('textarea[name="minutes"]').val()).toBe('The plan was considered with the IRO.')
    const corrected = await manager.submit(noReason, {
      reason: 'The IRO’s contribution was left out.',
      _action: 'save',
    })
    expect(corrected.status, errorsOf(corrected).join()).toBe(303)
    expect(corrected.location).toBe(meetingPath)

    const view = await worker.get(meetingPath)
    expect(view.$('main').text()).toContain('The plan was considered with the IRO.')
    expect(view.$('main').text()).toContain('Corrected on 12 January 2026: The IRO’s contribution was left out.')
    const meetingId = meetingPath.split('/').pop()!
    const [stored] = await t.db.query<{ version: number; closed: string }>(
      `SELECT meeting_version AS version, meeting->'correction'->>'correctsVersion' AS closed
         FROM meetings WHERE id = $1`,
      [meetingId],
    )
    expect(stored).toEqual({ version: 2, closed: '1' })
    const history = await t.db.query<{ minutes: string; reason: string | null }>(
      `SELECT data->'meeting'->'record'->>'minutes' AS minutes, change_reason AS reason FROM record_versions
        WHERE table_name = 'meetings' AND record_id = $1 ORDER BY version`,
      [meetingId],
    )
    expect(history.map(row => row.minutes)).toContain('The plan was considered.')
    expect(history.at(-1)).toEqual({
      minutes: 'The plan was considered with the IRO.',
      reason: 'The IRO’s contribution was left out.',
    })
    const audited = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 AND action = 'MEETING_CORRECTED' AND outcome = 'success'`,
      [childId],
    )
    expect(audited[0]!.n).toBe(1)
  })

  it('updates an action with a reason when it is dropped', async () => {
    clock.setDay('2026-02-02')
    // Three weeks later the old sessions have expired: sign in again.
    worker = await webSession(t, t.north.users['social-worker'])
    const list = await worker.get(`/children/${childId}/meetings`)
    expect(list.$('#actions ~ table .govuk-tag').first().text().trim()).toBe('Overdue')
    const update = await worker.get(list.$('a:contains("Update")').attr('href')!)
    const noReason = await worker.submit(update, { status: 'dropped' })
    expect(errorsOf(noReason)).toEqual(['Enter why this action was dropped'])
    const done = await worker.submit(noReason, { status: 'dropped', note: 'No longer needed: the family withdrew.' })
    expect(done.status).toBe(303)
    const after = await worker.get(`/children/${childId}/meetings`)
    expect(after.$('#actions ~ table .govuk-tag').first().text().trim()).toBe('Dropped')
  })
})

describe('the documents page', () => {
  it('downloads the minutes and the plan, and writes, edits and shares "My plan"', async () => {
    const page = await worker.get(`/children/${childId}/documents`)
    expect(page.status).toBe(200)
    const minutes = await fetch(`${t.baseUrl}${page.$('#minutes ~ table a').first().attr('href')}`, {
      headers: { cookie: '' },
      redirect: 'manual',
    })
    expect(minutes.status).toBe(303)
    const signedIn = await worker.download(page.$('#minutes ~ table a').first().attr('href')!)
    expect(signedIn.status).toBe(200)
    expect(pdfText(signedIn.body)).toContain('Complete the viability assessment')
    expect(signedIn.headers.get('content-type')).toBe('application/pdf')
    expect(signedIn.headers.get('content-disposition')).toMatch(
      /^attachment; filename="minutes-permanence-planning-meeting-2026-01-12-/,
    )

    // The plan is not endorsed yet, so there is no plan in force to write "My plan" from… until the manager endorses.
    expect(page.$('#my-plan ~ form').length).toBe(0)
    const api = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    const endorsed = await api.post(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: 'Agreed.' },
      { 'if-match': 'W/"3"' },
    )
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(200)

    const ready = await worker.get(`/children/${childId}/documents`)
    const composed = await worker.submit(ready, {}, `form[action$="/my-plan/compose"]`)
    expect(composed.status).toBe(303)
    const edit = await worker.get(`/children/${childId}/documents`)
    const edited = await worker.submit(
      edit,
      { 'sections[0][text]': 'You will live with Nanna.' },
      `form[action$="/my-plan/edit"]`,
    )
    expect(edited.status).toBe(303)
    const share = await worker.get(`/children/${childId}/documents`)
    const noWho = await worker.submit(share, {}, `form[action$="/my-plan/share"]`)
    expect(errorsOf(noWho)).toEqual(['Enter who “My plan” was shared with'])
    const shared = await worker.submit(
      share,
      { sharedWith: 'Tansy and her foster carer' },
      `form[action$="/my-plan/share"]`,
    )
    expect(shared.status).toBe(303)
    const final = await worker.get(`/children/${childId}/documents`)
    expect(final.$('#my-plan ~ p').text()).toContain('Shared with Tansy and her foster carer on 2 February 2026')
    const myPlan = await worker.download(`/children/${childId}/documents/my-plan/pdf`)
    expect(pdfText(myPlan.body)).toContain('You will live with Nanna.')
    const audited = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 AND action = 'MY_PLAN_EXPORTED' AND outcome = 'success'`,
      [childId],
    )
    expect(audited[0]!.n).toBe(1)
  })
})
