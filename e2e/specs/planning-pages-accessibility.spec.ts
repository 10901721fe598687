/**
 * Every planning page the main journey does not pass through, checked by axe with and without JavaScript, in the
 * states people meet them in (with errors, with a closed meeting, with "My plan" written): a version in full, the
 * remaining lifecycle pages, a closed meeting and its correction (with an error), cancelling a meeting, updating an action, a panel request and its
 * decision, an agency decision, and the documents page with "My plan".
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../src/http/testing/test-app.ts'
import { startJourneyApp } from '../fixtures/app.ts'
import { hasChromium, launchBrowser, newContext } from '../fixtures/browser.ts'
import { verifyOnPage } from '../pages/page.ts'
import { press, signInAs, signOut } from '../pages/planning.ts'

let app: TestApp
let browser: Browser

beforeAll(async () => {
  if (hasChromium) {
    app = await startJourneyApp()
    browser = await launchBrowser()
  }
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** A child of the demo team whose latest plan is at a stage, with a closed PPM that set actions. */
async function childAt(
  status: string,
  extra = '',
): Promise<{ childId: string; meetingId: string; actionId: string; version: number }> {
  const [row] = await app.db.query<{ child_id: string; meeting_id: string; action_id: string; version: number }>(
    `SELECT p.child_id, m.id AS meeting_id, m.meeting->'record'->'actions'->0->>'id' AS action_id, p.plan_version AS version
       FROM permanence_plans p
       JOIN children c ON c.id = p.child_id
       JOIN users w ON w.id = c.allocated_worker_id AND w.team_id = (SELECT team_id FROM users WHERE email = 'team.manager@northshire.example')
       JOIN meetings m ON p.child_id = ANY(m.child_ids) AND m.status = 'closed' AND m.kind = 'permanence-planning-meeting'
      WHERE p.status = ANY(string_to_array($1, ',')) AND p.plan_version = (SELECT max(plan_version) FROM permanence_plans q WHERE q.child_id = p.child_id)
        AND EXISTS (SELECT 1 FROM periods_of_care pc WHERE pc.child_id = c.id AND pc.ended_on IS NULL) ${extra}
      ORDER BY c.local_case_number, m.held_on DESC LIMIT 1`,
    [status],
  )
  if (!row) {
    throw new Error(`The demo authority has no child of the demo team at ${status}`)
  }
  return { childId: row.child_id, meetingId: row.meeting_id, actionId: row.action_id, version: row.version }
}

async function visit(page: Page, app: TestApp, path: string, heading: RegExp, js: boolean): Promise<void> {
  await page.goto(`${app.baseUrl}${path}`)
  await verifyOnPage(page, heading, js)
}

describe.skipIf(!hasChromium).each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('the other planning pages pass axe ($label)', ({ javaScriptEnabled: js }) => {
  it('as a team manager: versions, lifecycle pages, meetings, actions, panel requests', async () => {
    const ratified = await childAt('ratified')
    const context = await newContext(browser, { javaScriptEnabled: js })
    const page = await context.newPage()
    await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
    const base = `/children/${ratified.childId}`
    await visit(page, app, `${base}/plan/versions/${ratified.version}`, /^Version \d+/, js)
    await visit(page, app, `${base}/plan/new-version`, /^Start a new version of the plan$/, js)
    await press(page, 'Start a new version', /^Start a new version of the plan$/, js)
    expect(await page.title()).toMatch(/^Error: /)
    await visit(page, app, `${base}/plan/achieved`, /^Record that permanence was achieved$/, js)
    await visit(page, app, `${base}/meetings/${ratified.meetingId}`, /^Meeting on /, js)
    await page.getByRole('link', { name: 'Correct the record of this meeting' }).click()
    await verifyOnPage(page, /^Correct the record$/, js)
    await press(page, 'Save the correction', /^Correct the record$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter why the record is being corrected',
    )
    await visit(
      page,
      app,
      `${base}/meetings/${ratified.meetingId}/actions/${ratified.actionId}`,
      /^Update an action$/,
      js,
    )
    await page.getByLabel('Dropped').check()
    await press(page, 'Save', /^Update an action$/, js)
    expect(await page.title()).toMatch(/^Error: /)

    await visit(page, app, `${base}/panel-requests/new`, /^Make a panel request$/, js)
    await page.getByLabel('Resources or support for the child or family').check()
    await page.getByLabel('Cost, in pounds (if any)').fill('2,000.01')
    await page.getByLabel('Manager').check()
    await press(page, 'Make the request', /^Make a panel request$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('must go to panel')
    await page.getByLabel('Panel', { exact: true }).check()
    await page.getByLabel('Send it for a decision now').check()
    await press(page, 'Make the request', /^Resources or support for the child or family$/, js)

    const booked = await (async () => {
      await visit(page, app, `${base}/meetings/new`, /^Book or record a meeting$/, js)
      await page.getByLabel('Family group conference').check()
      await press(page, 'Continue', /^Record the meeting$/, js)
      return page.url()
    })()
    await visit(page, app, `${new URL(booked).pathname}/cancel`, /^Cancel the meeting$/, js)
    await press(page, 'Cancel the meeting', /^Cancel the meeting$/, js)
    expect(await page.title()).toMatch(/^Error: /)
    await signOut(page, js)

    await signInAs(page, app.baseUrl, 'decision.maker@northshire.example', js)
    await visit(page, app, `${base}/adm-decisions/new`, /^Record an agency decision$/, js)
    await press(page, 'Record the decision', /^Record an agency decision$/, js)
    expect(await page.title()).toMatch(/^Error: /)
    await context.close()
  }, 240_000)

  it('as a team manager: the documents page with "My plan" written, and a plan being prepared', async () => {
    // Each run writes "My plan" for a child who has none yet.
    const endorsed = await childAt(
      'endorsed,ratified',
      'AND NOT EXISTS (SELECT 1 FROM my_plans mp WHERE mp.child_id = c.id)',
    )
    const draft = await childAt('considered-at-ppm').catch(() => null)
    const context = await newContext(browser, { javaScriptEnabled: js })
    const page = await context.newPage()
    await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
    const base = `/children/${endorsed.childId}`
    await visit(page, app, `${base}/documents`, /^Documents$/, js)
    await press(page, 'Write My plan from the plan', /^Documents$/, js)
    await page.getByLabel('Who was it shared with?').fill('')
    await press(page, 'Mark as shared', /^Documents$/, js)
    expect(await page.title()).toMatch(/^Error: /)
    if (draft) {
      await visit(page, app, `/children/${draft.childId}/plan/return`, /^Return the plan for changes$/, js)
      await visit(page, app, `/children/${draft.childId}/plan/endorse`, /^Endorse the plan$/, js)
    }
    await context.close()
  }, 240_000)

  it('as an administrator: the planning settings, with an error and saved', async () => {
    const context = await newContext(browser, { javaScriptEnabled: js })
    const page = await context.newPage()
    await signInAs(page, app.baseUrl, 'administrator@northshire.example', js)
    await visit(page, app, '/settings/planning', /^Planning settings$/, js)
    await page.getByLabel('Hold a permanence planning meeting every (months)').fill('often')
    await press(page, 'Save the settings', /^Planning settings$/, js)
    expect(await page.title()).toMatch(/^Error: /)
    await page.getByLabel('Hold a permanence planning meeting every (months)').fill('3')
    await page.getByLabel('Why are the settings changing?').fill('Quarterly meetings agreed by the service')
    await press(page, 'Save the settings', /^Planning settings$/, js)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('saved')
    await signOut(page, js)
    await context.close()
  }, 120_000)
})
