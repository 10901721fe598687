/**
 * The permanence planning journey in a real browser, with and without JavaScript, axe on every page: a social worker
 * opens a demo child with no plan, writes it with twin tracking and a viable contingency, sends it to the team
 * manager and records the PPM with an action and the next date; the team manager closes the PPM and endorses the
 * plan; the IRO records the child in care review and ratifies the plan at it; the team dashboard, which listed the
 * child as having no plan by the second review, no longer does.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../src/http/testing/test-app.ts'
import { E2E_TODAY, startJourneyApp } from '../fixtures/app.ts'
import { hasChromium, launchBrowser, newContext } from '../fixtures/browser.ts'
import { saveScreenshot, verifyOnPage } from '../pages/page.ts'
import { fillDate, openTab, press, signInAs, signOut } from '../pages/planning.ts'

let browser: Browser

beforeAll(async () => {
  if (hasChromium) {
    browser = await launchBrowser()
  }
})
afterAll(async () => {
  await browser?.close()
})

/** The demo social worker's child with no plan yet, whose IRO is the demo IRO (the demo leaves one for this). */
async function journeyChild(app: TestApp): Promise<{ id: string; name: string }> {
  const [row] = await app.db.query<{ id: string; name: string }>(
    `SELECT c.id, c.given_names || ' ' || c.family_name AS name
       FROM children c
       JOIN users w ON w.id = c.allocated_worker_id AND w.email = 'social.worker@northshire.example'
       JOIN users i ON i.id = c.allocated_iro_id AND i.email = 'iro@northshire.example'
      WHERE NOT EXISTS (SELECT 1 FROM permanence_plans p WHERE p.child_id = c.id)
        AND EXISTS (SELECT 1 FROM periods_of_care pc WHERE pc.child_id = c.id AND pc.ended_on IS NULL)
      ORDER BY c.local_case_number LIMIT 1`,
  )
  if (!row) {
    throw new Error('The demo authority has no child for the planning journey')
  }
  return row
}

/**
 * The reasons the team dashboard gives for a child among those without a permanence plan by their second review (none
 * when the child is not listed): the list behind that count, reached from the dashboard.
 */
async function teamDashboardReasons(page: Page, baseUrl: string, childId: string, js: boolean): Promise<string[]> {
  await page.goto(`${baseUrl}/dashboards/team`)
  await verifyOnPage(page, /^Team dashboard$/, js)
  await page.getByRole('link', { name: 'without a permanence plan by their second review' }).click()
  await verifyOnPage(page, /^Children without a permanence plan by their second review$/, js)
  return (await page.locator(`tr:has(a[href="/children/${childId}"]) li`).allTextContents()).map(text => text.trim())
}

async function writePlan(page: Page, js: boolean, childId: string): Promise<void> {
  const section = async (title: string) => {
    await page.getByRole('link', { name: title }).click()
    await verifyOnPage(page, new RegExp(`^${title.replace(/[()]/g, '.')}$`), js)
  }
  const save = async () => press(page, 'Save and return to the plan sections', /^Edit the permanence plan$/, js)

  await section('Why the plan is needed')
  await page.getByLabel('Why is the plan needed? Background and risks').fill('Neglect at home; the family needs time.')
  await page.getByLabel('What do we want for the child?').fill('To grow up safely within the family.')
  await save()

  await section('Views of the child, parents, carers and the IRO')
  await page.getByLabel('What the child said').fill('I want to live with Nanna and see Mum.')
  await page.locator('select[name="views[child][method]"]').selectOption('words-and-pictures')
  await save()

  await section('Options for permanence (balance sheet)')
  // Each "Add an option" re-renders the same page with one more option; axe checks it once all four are there.
  for (let index = 0; index < 4; index += 1) {
    await page.getByRole('button', { name: 'Add an option' }).click()
    await page.locator(`select[name="options[${index}][type]"]`).waitFor()
  }
  await verifyOnPage(page, /^Options for permanence/, js)
  const option = (index: number, field: string) => `[name="options[${index}][${field}]"]`
  await page.locator(`select${option(0, 'type')}`).selectOption('special-guardianship')
  await page.locator(`textarea${option(0, 'description')}`).fill('Special guardianship with the grandmother')
  await page.locator(`select${option(1, 'type')}`).selectOption('reunification')
  await page.locator(`select${option(1, 'status')}`).selectOption('parallel-track')
  await page.locator(`select${option(2, 'type')}`).selectOption('long-term-fostering')
  await page.locator(`select${option(2, 'status')}`).selectOption('contingency')
  await page.locator(`textarea${option(2, 'viabilityEvidence')}`).fill('The foster carers are assessed and willing.')
  await page.locator(`select${option(3, 'type')}`).selectOption('adoption')
  await page.locator(`select${option(3, 'status')}`).selectOption('ruled-out')
  await fillDate(page, 'options[3][ruledOutOn]', E2E_TODAY)
  // A mistake first: the primary plan chosen, but no reason for ruling adoption out.
  await page.getByLabel(/Option 1:/).check()
  await page.getByRole('button', { name: 'Save and return to the plan sections' }).click()
  await verifyOnPage(page, /^Options for permanence/, js)
  expect(await page.title()).toMatch(/^Error: /)
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(
    'Enter the reason this option was ruled out',
  )
  expect(await page.locator(`textarea${option(2, 'viabilityEvidence')}`).inputValue()).toBe(
    'The foster carers are assessed and willing.',
  )
  await page.locator(`textarea${option(3, 'ruledOutReason')}`).fill('The grandmother can care for her.')
  await save()

  await section('Timescale and sharing the decision')
  await fillDate(page, 'anticipatedTimescale[permanenceByOn]', '2026-09-30')
  await page.getByLabel('How will the decision be shared with the child?').fill('Words and pictures at school.')
  await page.getByLabel('By whom').fill('Her social worker')
  await save()
  expect(page.url()).toContain(`/children/${childId}/plan/edit`)
}

describe.skipIf(!hasChromium).each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('a permanence plan from start to ratification ($label)', ({ javaScriptEnabled: js }) => {
  let app: TestApp

  beforeAll(async () => {
    app = await startJourneyApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('is written and sent by the social worker, endorsed by the manager and ratified by the IRO', async () => {
    const child = await journeyChild(app)
    const context = await newContext(browser, { javaScriptEnabled: js })
    const page = await context.newPage()

    // The team manager's dashboard lists the child: no permanence plan by the second review.
    await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
    expect(await teamDashboardReasons(page, app.baseUrl, child.id, js)).toContain(
      'No permanence plan by the second review',
    )
    if (js) {
      await page.goto(`${app.baseUrl}/dashboards/team`)
      await saveScreenshot(page, 'team-dashboard')
    }
    await signOut(page, js)

    // The social worker writes the plan and sends it.
    await signInAs(page, app.baseUrl, 'social.worker@northshire.example', js)
    await page.getByRole('link', { name: child.name }).first().click()
    await verifyOnPage(page, new RegExp(`^${child.name}`), js)
    await openTab(page, 'Permanence plan', /^Permanence plan$/, js)
    await press(page, 'Start the permanence plan', /^Edit the permanence plan$/, js)
    await writePlan(page, js, child.id)
    if (js) {
      await saveScreenshot(page, 'plan-editor')
    }
    await page.getByRole('button', { name: 'Check and send to the team manager' }).click()
    await verifyOnPage(page, /^Send the plan to the team manager$/, js)
    await fillDate(page, 'ppmOn', E2E_TODAY)
    await press(page, 'Send to the team manager', /^Permanence plan$/, js)
    expect(await page.locator('main').textContent()).toContain('Sent to the team manager')

    // …and records the permanence planning meeting, with an action and the next date.
    await openTab(page, 'Meetings and actions', /^Meetings and actions$/, js)
    await page.getByRole('button', { name: 'Book or record a meeting' }).click()
    await verifyOnPage(page, /^Book or record a meeting$/, js)
    await page.getByLabel('Permanence planning meeting (PPM)').check()
    await page.getByLabel('Chair', { exact: true }).fill('Team manager (demo)')
    await page.locator('select[name="chair[role]"]').selectOption('team-manager')
    await press(page, 'Continue', /^Record the meeting$/, js)
    await page.getByRole('button', { name: 'Add a person' }).click()
    await page.locator('input[name="invitees[0][name]"]').waitFor()
    await page.locator('input[name="invitees[0][name]"]').fill('Independent Reviewing Officer (demo)')
    await page.locator('select[name="invitees[0][role]"]').selectOption('iro')
    await page
      .locator('textarea[name="childOutcomes[0][outcome]"]')
      .fill('Twin tracking agreed; the contingency is viable.')
    await press(page, 'Add an action', /^Record the meeting$/, js)
    await page.locator('textarea[name="actions[0][description]"]').fill('Complete the special guardianship assessment')
    await page.locator('input[name="actions[0][owner]"]').fill('Social worker (demo)')
    await fillDate(page, 'actions[0][dueOn]', '2026-03-02')
    await page.getByLabel('Minutes of the meeting').fill('The meeting considered every option in the balance sheet.')
    await fillDate(page, 'nextMeetingOn', '2026-05-04')
    if (js) {
      await saveScreenshot(page, 'meeting-recorder')
    }
    await press(page, 'Save', /^Record the meeting$/, js)
    await signOut(page, js)

    // The team manager closes the meeting (which records that it considered the plan) and endorses the plan.
    await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
    await page.goto(`${app.baseUrl}/children/${child.id}/meetings`)
    await verifyOnPage(page, /^Meetings and actions$/, js)
    await page.getByRole('link', { name: 'Permanence planning meeting (PPM)' }).first().click()
    await verifyOnPage(page, /^Record the meeting$/, js)
    await press(page, 'Save and close the meeting', /^Meetings and actions$/, js)
    await openTab(page, 'Permanence plan', /^Permanence plan$/, js)
    await page.getByRole('button', { name: 'Endorse the plan' }).click()
    await verifyOnPage(page, /^Endorse the plan$/, js)
    await page.getByLabel('Your reasons for endorsing this plan').fill('Twin tracking with a viable contingency.')
    await press(page, 'Endorse the plan', /^Permanence plan$/, js)
    expect(await page.locator('main').textContent()).toContain('Endorsed by the team manager')
    await signOut(page, js)

    // The IRO records the child in care review and ratifies the plan at it.
    await signInAs(page, app.baseUrl, 'iro@northshire.example', js)
    await page.goto(`${app.baseUrl}/children/${child.id}/plan`)
    await verifyOnPage(page, /^Permanence plan$/, js)
    await page.getByRole('button', { name: 'Ratify the plan' }).click()
    await verifyOnPage(page, /^Ratify the plan at a child in care review$/, js)
    await page.getByRole('link', { name: 'Record a child in care review' }).click()
    await verifyOnPage(page, /^Book or record a meeting$/, js)
    await press(page, 'Continue', /^Record the meeting$/, js)
    await page.locator('textarea[name="childOutcomes[0][outcome]"]').fill('The plan is ratified.')
    await page.locator('select[name="childOutcomes[0][participation]"]').selectOption('PN1')
    await page.getByLabel('Minutes of the meeting').fill('The review considered the endorsed permanence plan.')
    await press(page, 'Save and close the meeting', /^Meetings and actions$/, js)
    await openTab(page, 'Permanence plan', /^Permanence plan$/, js)
    await page.getByRole('button', { name: 'Ratify the plan' }).click()
    await verifyOnPage(page, /^Ratify the plan at a child in care review$/, js)
    await page
      .getByLabel(/Child in care review, /)
      .first()
      .check()
    await page
      .getByLabel('Your reasons for ratifying the plan')
      .fill('The plan meets her needs and keeps her in her family.')
    await press(page, 'Ratify the plan', /^Permanence plan$/, js)
    expect(await page.locator('main').textContent()).toContain('Ratified at a child in care review')
    if (js) {
      await saveScreenshot(page, 'plan-overview')
    }
    await openTab(page, 'Summary', new RegExp(`^${child.name}`), js)
    expect(await page.locator('#reviews + table').textContent()).toContain('2 February 2026')
    await openTab(page, 'Documents', /^Documents$/, js)
    if (js) {
      await saveScreenshot(page, 'documents')
    }
    await signOut(page, js)

    // The team dashboard no longer counts the child as without a plan.
    await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
    expect(await teamDashboardReasons(page, app.baseUrl, child.id, js)).not.toContain(
      'No permanence plan by the second review',
    )
    await context.close()
    // A long journey: three people, twenty-odd pages, each checked by axe.
  }, 240_000)
})
