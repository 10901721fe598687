/**
 * The child's network in a real browser, axe on every page (issue 7, "done when"): a social worker maps a demo
 * child's family (an error first, then a paternal uncle with his culture), records a family group conference with
 * who came and what the family offered, sees which relatives could apply for which order and when, plans family time
 * and records a session, then ends the plan; then the team manager sees every sibling group split without an
 * assessment.
 */
import type { Browser } from 'playwright-core'
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

/** A child of the demo social worker who is looked after now. */
async function networkChild(app: TestApp): Promise<{ id: string; name: string }> {
  const [row] = await app.db.query<{ id: string; name: string }>(
    `SELECT c.id, c.given_names || ' ' || c.family_name AS name
       FROM children c
       JOIN users w ON w.id = c.allocated_worker_id AND w.email = 'social.worker@northshire.example'
      WHERE EXISTS (SELECT 1 FROM periods_of_care pc WHERE pc.child_id = c.id AND pc.ended_on IS NULL)
        AND EXISTS (SELECT 1 FROM child_relationships r WHERE r.child_id = c.id AND r.relationship = 'grandparent')
      ORDER BY c.local_case_number LIMIT 1`,
  )
  if (!row) {
    throw new Error('The demo authority has no child for the network journey')
  }
  return row
}

describe.skipIf(!hasChromium)('the child’s network', () => {
  let app: TestApp
  const js = true

  beforeAll(async () => {
    app = await startJourneyApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  // Every page checked by axe: longer than the default minute on a loaded machine.
  it(
    'is mapped, met about, checked for legal routes and family time by the worker; split siblings seen by the manager',
    { timeout: 180_000 },
    async () => {
      const child = await networkChild(app)
      const context = await newContext(browser, { javaScriptEnabled: js })
      const page = await context.newPage()
      await signInAs(page, app.baseUrl, 'social.worker@northshire.example', js)
      await page.goto(`${app.baseUrl}/children/${child.id}`)
      await verifyOnPage(page, new RegExp(`^${child.name}`), js)

      // Map the family: a mistake first, then a paternal uncle with his culture, religion and language.
      await openTab(page, 'Family and network', /^Family and network$/, js)
      await page.getByRole('link', { name: 'Add someone to the network' }).click()
      await verifyOnPage(page, /^Add someone to the network$/, js)
      await page.getByLabel('Given names', { exact: true }).fill('Tobias')
      await press(page, 'Save', /^Add someone to the network$/, js)
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter their family name')
      await page.getByLabel('Family name', { exact: true }).fill('Example-Uncle')
      await page.getByLabel('Relationship to the child', { exact: true }).selectOption('uncle')
      await page.getByLabel('Paternal', { exact: true }).check()
      await page.getByLabel('Male', { exact: true }).check()
      await page.getByLabel('How close is the child to them?', { exact: true }).selectOption('close')
      await page.getByLabel('Culture or heritage', { exact: true }).fill('Jamaican')
      await page.getByLabel('Religion or belief', { exact: true }).fill('Rastafari')
      await page.getByLabel('Languages', { exact: true }).fill('English and Patois')
      await page.getByLabel('Strengths', { exact: true }).fill('Takes the child to football every Saturday')
      await press(page, 'Save', /^Family and network$/, js)
      const people = await page.locator('#people + table').textContent()
      expect(people).toContain('Tobias Example-Uncle')
      expect(people).toContain('Jamaican, Rastafari, English and Patois')
      expect(await page.locator('svg.app-genogram').getAttribute('role')).toBe('img')
      await saveScreenshot(page, 'network-genogram')

      // A family group conference: who came and what the family offered.
      await page.getByRole('link', { name: 'Record a family network meeting or family group conference' }).click()
      await verifyOnPage(page, /^Record a family network meeting or family group conference$/, js)
      await page.getByLabel('Family group conference', { exact: true }).check()
      await fillDate(page, 'heldOn', E2E_TODAY)
      await page.getByLabel(/Tobias Example-Uncle/).check()
      await page.locator('select[name="offers[0][personId]"]').selectOption({ label: 'Tobias Example-Uncle (uncle)' })
      await page.locator('select[name="offers[0][kind]"]').selectOption('short-breaks')
      await page.locator('input[name="offers[0][details]"]').fill('Every other weekend')
      await page.getByLabel('The family’s plan', { exact: true }).fill('Tobias to be assessed for short breaks.')
      await press(page, 'Save', /^Family and network$/, js)
      expect(await page.locator('main').textContent()).toContain(
        'Tobias Example-Uncle: Short breaks or respite – Every other weekend',
      )

      // Which relatives could apply for which order, and when.
      const routes = (await page.locator('#legal-routes ~ table').allTextContents()).join(' ')
      expect(routes).toContain('Special guardianship order')
      expect(routes).toMatch(/Can apply now|Can apply from|Needs the court’s leave/)

      // Plan family time with the uncle and record a session.
      await openTab(page, 'Family time', /^Family time$/, js)
      await page.getByRole('link', { name: 'Plan family time' }).click()
      await verifyOnPage(page, /^Plan family time$/, js)
      await page
        .getByLabel('Who is family time with?', { exact: true })
        .selectOption({ label: 'Tobias Example-Uncle (uncle)' })
      await page.getByLabel('Direct (in person or video)', { exact: true }).check()
      await page.getByLabel('How many times', { exact: true }).fill('2')
      await page.getByLabel('a month', { exact: true }).check()
      await page.getByLabel('How long is each session, in minutes?', { exact: true }).fill('180')
      await page.getByLabel('Where', { exact: true }).fill('The community football club')
      await page.getByLabel('Unsupervised', { exact: true }).check()
      await page
        .getByLabel('What is family time for, for the child?', { exact: true })
        .fill('To keep his bond with his father’s family')
      await fillDate(page, 'startedOn', '2026-01-05')
      await press(page, 'Save', /^Family time$/, js)
      await page.getByRole('link', { name: 'Record a family time session' }).click()
      await verifyOnPage(page, /^Record a family time session$/, js)
      await page.getByLabel('Which family time?', { exact: true }).selectOption({ label: 'With Tobias Example-Uncle' })
      await fillDate(page, 'occurredOn', '2026-01-24')
      await page.getByLabel('Happened', { exact: true }).check()
      await page
        .getByLabel('The child’s experience', { exact: true })
        .fill('Scored a goal and talked about it all week')
      await press(page, 'Save', /^Family time$/, js)
      const familyTime = await page.locator('main').textContent()
      expect(familyTime).toContain('With Tobias Example-Uncle')
      expect(familyTime).toContain('Scored a goal')

      // Correct the session with a reason; the page to remove a record made in error refuses no reason.
      await page.getByRole('link', { name: 'Correct the session on 24 January 2026' }).click()
      await verifyOnPage(page, /^Correct this record: record a family time session$/, js)
      await page
        .getByLabel('The child’s experience', { exact: true })
        .fill('Scored a goal and talked about it all week; asked to go again')
      await page.getByLabel('Why are you correcting this record?').fill('Part of what the child said was left out.')
      await press(page, 'Save the correction', /^Family time$/, js)
      expect(await page.locator('main').textContent()).toContain('asked to go again')
      await page.getByRole('link', { name: 'Correct the session on 24 January 2026' }).click()
      await verifyOnPage(page, /^Correct this record: record a family time session$/, js)
      await page.getByRole('link', { name: 'remove the record' }).click()
      await verifyOnPage(page, /^Remove a record made in error$/, js)
      await press(page, 'Remove the record', /^Remove a record made in error$/, js)
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'Enter why the record is being removed',
      )
      await openTab(page, 'Family time', /^Family time$/, js)

      // End the plan with the uncle: nothing entered first, then the date it ended and why.
      await page
        .getByRole('link', { name: 'End this plan for family time with Tobias Example-Uncle from 5 January 2026' })
        .click()
      await verifyOnPage(page, /^End this family time plan$/, js)
      await press(page, 'End the plan', /^End this family time plan$/, js)
      const problems = await page.locator('.govuk-error-summary').textContent()
      expect(problems).toContain('Enter the date the plan ended')
      expect(problems).toContain('Enter why the plan is ending')
      await fillDate(page, 'endedOn', '2026-02-01')
      await page.getByLabel('Why is it ending?', { exact: true }).fill('Tobias now offers short breaks instead.')
      await press(page, 'End the plan', /^Family time$/, js)
      const ended = (await page.locator('main').textContent())?.replace(/\s+/g, ' ')
      expect(ended).toContain('Ended on 1 February 2026.')
      expect(ended).toContain('to the end of the plan on 1 February 2026')
      await saveScreenshot(page, 'family-time')
      await signOut(page, js)

      // The team manager sees every sibling group split without an assessment.
      await signInAs(page, app.baseUrl, 'team.manager@northshire.example', js)
      await page.getByRole('link', { name: 'Siblings apart' }).click()
      await verifyOnPage(page, /^Brothers and sisters living apart without an assessment$/, js)
      const split = await page.locator('main').textContent()
      expect(split).toMatch(/Living apart with no Together-or-Apart assessment|No sibling group is split/)
      await saveScreenshot(page, 'siblings-apart')
      await context.close()
    },
  )
})
