/**
 * The case-file audit journey in a real browser, with and without JavaScript, axe on every page: the QA lead sets up
 * a round on the demo authority (compared with the demo's autumn round), withdraws a case sampled in error, grades a
 * child with the facts the system holds under each domain and sets an action from a finding; the second auditor
 * moderates, changing one grade with a reason; the lead closes the round and reads the learning brief, with its SVG
 * charts and tables, then cancels the demo's open spring round.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS } from '../../src/domain/audits/audit-domains.ts'
import type { TestApp } from '../../src/http/testing/test-app.ts'
import { startJourneyApp } from '../fixtures/app.ts'
import { hasChromium, launchBrowser, newContext } from '../fixtures/browser.ts'
import { saveScreenshot, verifyOnPage } from '../pages/page.ts'
import { fillDate, press, signInAs, signOut } from '../pages/planning.ts'

let browser: Browser

beforeAll(async () => {
  if (hasChromium) {
    browser = await launchBrowser()
  }
})
afterAll(async () => {
  await browser?.close()
})

async function openAudits(page: Page, js: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Case-file audits' }).click()
  await verifyOnPage(page, /^Case-file audits$/, js)
}

describe.skipIf(!hasChromium).each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('a case-file audit round ($label)', ({ javaScriptEnabled: js }) => {
  let app: TestApp

  beforeAll(async () => {
    app = await startJourneyApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('is set up by the QA lead, graded, moderated by a second auditor, and produces a learning brief', async () => {
    const context = await newContext(browser, { javaScriptEnabled: js })
    const page = await context.newPage()
    const title = `Permanence audits, journey ${js ? 'A' : 'B'}`

    // The QA lead sets up the round: a random sample of four, both auditors, every case moderated.
    await signInAs(page, app.baseUrl, 'qa.auditor@northshire.example', js)
    await openAudits(page, js)
    if (js) {
      await saveScreenshot(page, 'audit-rounds')
    }
    await page.getByRole('button', { name: 'Set up an audit round' }).click()
    await verifyOnPage(page, /^Set up an audit round$/, js)
    // A mistake first: no auditors and no deadline.
    await page.getByRole('button', { name: 'Set up the round' }).click()
    await verifyOnPage(page, /^Set up an audit round$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select at least one auditor')
    await page.getByLabel('Title').fill(title)
    await page.getByLabel('Random sample').check()
    await page.getByLabel('Number of children in the sample').fill('4')
    await page.getByLabel('Quality assurance auditor (demo)', { exact: true }).check()
    await page.getByLabel('Second quality assurance auditor (demo)').check()
    await page.getByLabel('Share of cases to moderate (per cent)').fill('100')
    await fillDate(page, 'deadlineOn', '2026-03-31')
    await page
      .getByLabel('Previous round to compare with (optional)')
      .selectOption({ label: 'Permanence audits, autumn (Permanence)' })
    if (js) {
      await saveScreenshot(page, 'audit-round-new')
    }
    await page.getByRole('button', { name: 'Set up the round' }).click()
    await verifyOnPage(page, new RegExp(`^${title}$`), js)
    expect(await page.locator('tbody tr').count()).toBe(4)
    if (js) {
      await saveScreenshot(page, 'audit-round')
    }

    // The lead may reassign a case; the page refuses no reason (checked by axe with its error), then back.
    await page
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: /^Reassign/ })
      .click()
    await verifyOnPage(page, /^Reassign the case$/, js)
    await page.getByRole('button', { name: 'Reassign the case' }).click()
    await verifyOnPage(page, /^Reassign the case$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why the case is being reassigned')
    await page.getByRole('link', { name: 'Cancel' }).click()
    await verifyOnPage(page, new RegExp(`^${title}$`), js)

    // A case of the second auditor's was sampled in error: the lead withdraws it, with the reason (refused first).
    const sampledInError = page
      .locator('tbody tr')
      .filter({
        has: page.locator('td:nth-child(2)', { hasText: /^\s*Second quality assurance auditor \(demo\)\s*$/ }),
      })
      .first()
    const withdrawnName = ((await sampledInError.locator('td:first-child a').textContent()) ?? '').trim()
    await sampledInError.getByRole('link', { name: /^Withdraw/ }).click()
    await verifyOnPage(page, /^Withdraw the case from the round$/, js)
    await press(page, 'Withdraw the case', /^Withdraw the case from the round$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why the case is being withdrawn')
    await page.getByLabel('Why is the case being withdrawn?').fill('The child was sampled in error')
    if (js) {
      await saveScreenshot(page, 'audit-case-withdraw')
    }
    await press(page, 'Withdraw the case', new RegExp(`^${title}$`), js)
    expect(await page.locator('tbody tr').filter({ hasText: withdrawnName }).first().textContent()).toContain(
      'Withdrawn — The child was sampled in error',
    )
    expect(await page.locator('main').textContent()).toContain('3 in the round (1 withdrawn)')

    // The lead is the auditor of the first child: grade every domain, with the facts shown under each.
    const firstRow = page
      .locator('tbody tr')
      .filter({ has: page.locator('td:nth-child(2)', { hasText: /^\s*Quality assurance auditor \(demo\)\s*$/ }) })
      .first()
    const childName = ((await firstRow.locator('td:first-child a').textContent()) ?? '').trim()
    await firstRow.locator('td:first-child a').click()
    await verifyOnPage(page, new RegExp(`^${childName}`), js)
    expect(await page.getByText('Was there a permanence plan by the second review?').count()).toBe(1)
    expect(await page.getByText('Has life story work started?').count()).toBe(1)
    for (const [index, domain] of AUDIT_DOMAINS.entries()) {
      await page
        .locator(`input[name="domains[${domain}][grade]"][value="${index < 5 ? 'good' : 'requires-improvement'}"]`)
        .check()
      await page
        .locator(`textarea[name="domains[${domain}][evidence]"]`)
        .fill('The child’s views are recorded in words and pictures.')
      await page
        .locator(`textarea[name="domains[${domain}][improvement]"]`)
        .fill('Produce a balance sheet of the options.')
    }
    if (js) {
      await saveScreenshot(page, 'audit-form')
    }
    await press(page, 'Submit the audit', new RegExp(`^${childName}`), js)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Submitted')
    // A finding becomes an action on the child's record.
    await page.getByLabel('Domain', { exact: true }).selectOption('options-considered')
    await page.getByLabel('What needs to be done').fill('Write a balance sheet of the options')
    await page.getByLabel('Owner', { exact: true }).selectOption({ index: 1 })
    await fillDate(page, 'newAction[dueOn]', '2026-03-16')
    await press(page, 'Set the action', new RegExp(`^${childName}`), js)
    expect(await page.locator('#actions + table').textContent()).toContain('Write a balance sheet of the options')
    await signOut(page, js)

    // The second auditor moderates the case: agrees with nine grades and changes one, with a reason.
    await signInAs(page, app.baseUrl, 'second.auditor@northshire.example', js)
    await openAudits(page, js)
    await page.getByRole('link', { name: title }).click()
    await verifyOnPage(page, new RegExp(`^${title}$`), js)
    await page.getByRole('link', { name: childName }).click()
    await verifyOnPage(page, new RegExp(`^${childName}`), js)
    for (const domain of AUDIT_DOMAINS) {
      await page.locator(`input[name="domains[${domain}][outcome]"][value="agreed"]`).check()
    }
    await page.locator('input[name="domains[decision-making][outcome]"][value="changed"]').check()
    await page.locator('select[name="domains[decision-making][grade]"]').selectOption('requires-improvement')
    await page.locator('textarea[name="domains[decision-making][reason]"]').fill('The legal route was not considered.')
    if (js) {
      await saveScreenshot(page, 'audit-moderation')
    }
    await press(page, 'Submit the moderation', new RegExp(`^${childName}`), js)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Submitted')
    await signOut(page, js)

    // The lead closes the round (the other cases carried over) and reads the learning brief.
    await signInAs(page, app.baseUrl, 'qa.auditor@northshire.example', js)
    await openAudits(page, js)
    await page.getByRole('link', { name: title }).click()
    await verifyOnPage(page, new RegExp(`^${title}$`), js)
    await page
      .getByLabel('Reason, if cases are not all audited and moderated (optional)')
      .fill('Three cases carried to the next round')
    await press(page, 'Close the round', new RegExp(`^${title}$`), js)
    expect(await page.locator('svg[role="img"]').count()).toBe(2)
    expect(await page.locator('main').textContent()).toContain('100% of audits were moderated')
    expect(await page.locator('table').first().textContent()).toContain('Previous round')
    if (js) {
      await saveScreenshot(page, 'learning-brief')
    }

    // The demo's open spring round is no longer wanted: the lead cancels it (refused without a reason first).
    await openAudits(page, js)
    await page.getByRole('link', { name: 'Permanence audits, spring' }).click()
    await verifyOnPage(page, /^Permanence audits, spring$/, js)
    await page.getByRole('link', { name: 'Cancel the round' }).click()
    await verifyOnPage(page, /^Cancel Permanence audits, spring$/, js)
    await press(page, 'Cancel the round', /^Cancel Permanence audits, spring$/, js)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why the round is being cancelled')
    await page.getByLabel('Why is the round being cancelled?').fill('Replaced by this term’s journey round')
    if (js) {
      await saveScreenshot(page, 'audit-round-cancel')
    }
    await press(page, 'Cancel the round', /^Permanence audits, spring$/, js)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Round cancelled')
    await openAudits(page, js)
    expect(await page.locator('table', { hasText: 'Cancelled rounds' }).textContent()).toContain(
      'Permanence audits, spring',
    )
    await context.close()
    // A long journey through three sign-ins, with axe on every page.
  }, 240_000)
})
