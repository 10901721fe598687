/**
 * The plan pages over real HTTP, posted as a browser without JavaScript posts them: the overview, the editor's task
 * list and sections (add another, errors that keep every answer, the second of two people refused), and the
 * lifecycle pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { errorsOf, webSession } from './testing/web-session.ts'

const clock = movableClock('2026-01-05')
let t: TestApp
let childId: string
let worker: Awaited<ReturnType<typeof webSession>>

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  childId = await lookedAfterChild(t, apiClient(t.baseUrl, t.north.users['social-worker'].token), 'north', {
    startedOn: '2025-12-01',
    givenNames: 'Sorrel',
  })
  worker = await webSession(t, t.north.users['social-worker'])
})
afterAll(async () => {
  await t?.close()
})

describe('the plan pages', () => {
  it('offers to start a plan, then shows the editor’s sections as a task list', async () => {
    const overview = await worker.get(`/children/${childId}/plan`)
    expect(overview.status).toBe(200)
    expect(overview.$('title').text()).toBe(
      'Permanence plan – Sorrel Puddleby – Permanence Planner – North County Council',
    )
    expect(overview.$('.moj-sub-navigation a[aria-current="page"]').text().trim()).toBe('Permanence plan')
    const started = await worker.submit(overview, {})
    expect(started.status).toBe(303)
    expect(started.location).toBe(`/children/${childId}/plan/edit`)
    const editor = await worker.get(started.location!)
    expect(editor.$('h1').text().trim()).toBe('Edit the permanence plan')
    expect(editor.$('.govuk-task-list__item').length).toBe(12)
  })

  it('adds options with "add another", keeps every answer on error, and saves the balance sheet', async () => {
    let page = await worker.get(`/children/${childId}/plan/edit/options`)
    expect(page.status).toBe(200)
    page = await worker.submit(page, { _action: 'add-options' })
    page = await worker.submit(page, { _action: 'add-options' })
    expect(page.$('select[name="options[1][type]"]').length).toBe(1)
    const firstId = page.$('input[name="options[0][id]"]').val() as string
    const refused = await worker.submit(page, {
      _action: 'save',
      primary: firstId,
      'options[0][type]': 'special-guardianship',
      'options[0][strengths]': 'Keeps her with family.',
      'options[1][type]': 'adoption',
      'options[1][status]': 'ruled-out',
      'options[1][ruledOutOn]-day': '1',
      'options[1][ruledOutOn]-month': '12',
      'options[1][ruledOutOn]-year': '2025',
    })
    expect(refused.status).toBe(400)
    expect(refused.$('title').text()).toMatch(/^Error: Options for permanence/)
    expect(errorsOf(refused)).toEqual(['Enter the reason this option was ruled out'])
    expect(refused.$('.govuk-error-summary__list a').attr('href')).toBe('#options-1-ruledOutReason')
    expect(refused.$('#options-1-ruledOutReason').length).toBe(1)
    expect(refused.$('textarea[name="options[0][strengths]"]').text()).toBe('Keeps her with family.')
    expect(refused.$('input[name="options[1][ruledOutOn]-year"]').val()).toBe('2025')

    const badDate = await worker.submit(refused, { 'options[1][ruledOutOn]-month': '13' })
    expect(errorsOf(badDate)).toEqual(['The date it was ruled out must be a real date'])

    const saved = await worker.submit(refused, {
      'options[1][ruledOutReason]': 'A family member can care for her.',
    })
    expect(saved.status).toBe(303)
    const plan = await apiClient(t.baseUrl, t.north.users['social-worker'].token).get<{
      content: { options: { type: string; isPrimary: boolean; status: string }[] }
    }>(`/api/v1/children/${childId}/plan/versions/1`)
    expect(plan.body.content.options).toMatchObject([
      { type: 'special-guardianship', isPrimary: true, status: 'being-explored' },
      { type: 'adoption', isPrimary: false, status: 'ruled-out' },
    ])
  })

  it('refuses the second of two people saving the same section, keeping their answers', async () => {
    const other = await webSession(t, t.north.users.otherWorker)
    const mine = await worker.get(`/children/${childId}/plan/edit/strengths-and-barriers`)
    const theirs = await other.get(`/children/${childId}/plan/edit/strengths-and-barriers`)
    expect((await other.submit(theirs, { strengths: 'Their words.' })).status).toBe(303)
    const refused = await worker.submit(mine, { strengths: 'My words.' })
    expect(refused.status).toBe(409)
    expect(errorsOf(refused)[0]).toMatch(/^Someone else has changed this plan since you opened it/)
    expect(refused.$('textarea[name="strengths"]').text()).toBe('My words.')
    const audit = await t.db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE action = 'PERMANENCE_PLAN_EDITED' ORDER BY id DESC LIMIT 1`,
    )
    expect(audit).toEqual([{ outcome: 'conflict' }])
  })

  it('sends the plan to the team manager from a page that says what it still needs', async () => {
    const page = await worker.get(`/children/${childId}/plan/send`)
    expect(page.status).toBe(200)
    expect(page.$('.govuk-warning-text').text()).toMatch(/still needed before the plan can be endorsed/)
    const missing = await worker.submit(page, {})
    expect(missing.status).toBe(400)
    expect(errorsOf(missing)).toEqual(['Enter the date of the permanence planning meeting'])
    const sent = await worker.submit(missing, { 'ppmOn-day': '12', 'ppmOn-month': '1', 'ppmOn-year': '2026' })
    expect(sent.status).toBe(303)
    const overview = await worker.get(sent.location!)
    expect(overview.$('main').text()).toContain('Sent to the team manager')
    expect(overview.$('.govuk-button').text()).toContain('Take the plan back')
  })

  it('hides the manager’s steps from the social worker and refuses them if asked directly', async () => {
    expect((await worker.get(`/children/${childId}/plan/endorse`)).status).toBe(404)
    const otherTeam = await webSession(t, t.north.users.teamBWorker)
    expect((await otherTeam.get(`/children/${childId}/plan/edit`)).status).toBe(404)
  })
})

describe('deleting a draft started in error', () => {
  it('asks for the reason, then voids the draft and offers to start a plan again', async () => {
    const other = await lookedAfterChild(t, apiClient(t.baseUrl, t.north.users['social-worker'].token), 'north', {
      startedOn: '2025-12-01',
      givenNames: 'Tamsin',
    })
    const overview = await worker.get(`/children/${other}/plan`)
    const started = await worker.submit(overview, {})
    expect(started.status).toBe(303)
    const plan = await worker.get(`/children/${other}/plan`)
    const link = plan.$('a').filter((_i, a) => plan.$(a).text().trim() === 'Delete this draft')
    expect(link.attr('href')).toBe(`/children/${other}/plan/delete`)
    const form = await worker.get(link.attr('href')!)
    expect(form.$('h1').text().trim()).toBe('Delete this draft')
    const refused = await worker.submit(form, { reasons: '' })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused)).toEqual(['Enter the reasons'])
    const deleted = await worker.submit(form, { reasons: 'Started for the wrong child' })
    expect(deleted.status).toBe(303)
    const after = await worker.get(`/children/${other}/plan`)
    expect(after.$('button, input[type=submit]').text()).toContain('Start the permanence plan')
  })
})
