import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts'
import type { TestApp } from '../../src/http/testing/test-app.ts'
import { startJourneyApp } from '../fixtures/app.ts'
import { hasChromium, launchBrowser, newContext } from '../fixtures/browser.ts'
import { saveScreenshot, verifyOnPage } from '../pages/page.ts'

let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startJourneyApp()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe.skipIf(!hasChromium).each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('a social worker signs in and finds a child ($label)', ({ javaScriptEnabled }) => {
  it('signs in, sees their caseload, opens a child and searches', async () => {
    const context = await newContext(browser, { javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await verifyOnPage(page, /^Sign in$/, javaScriptEnabled)

    // A mistake first: the error summary names the field and keeps what was typed.
    await page.getByLabel('Email address').fill('social.worker@northshire.example')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await verifyOnPage(page, /^Sign in$/, javaScriptEnabled)
    expect(await page.title()).toMatch(/^Error: Sign in/)
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Enter your password')
    expect(await page.getByLabel('Email address').inputValue()).toBe('social.worker@northshire.example')
    if (javaScriptEnabled) {
      await saveScreenshot(page, 'sign-in-error')
    }

    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await verifyOnPage(page, /^My caseload$/, javaScriptEnabled)
    expect(await page.title()).toBe('My caseload – Permanence Planner – Northshire')
    const firstChild = page.locator('table a.govuk-link').first()
    const childName = (await firstChild.textContent())!.trim()
    if (javaScriptEnabled) {
      await saveScreenshot(page, 'caseload')
    }

    await firstChild.click()
    await verifyOnPage(page, new RegExp(childName.replace(/[()]/g, '.').split(' (')[0]!), javaScriptEnabled)
    await expect.poll(() => page.locator('#access').count()).toBe(1)
    if (javaScriptEnabled) {
      await saveScreenshot(page, 'child-record')
    }

    await page.getByRole('link', { name: 'Search' }).click()
    await verifyOnPage(page, /^Find a child$/, javaScriptEnabled)
    const familyName = childName.split(' ')[1]!
    await page.getByLabel('Name or local case number').fill(familyName)
    await page.getByRole('button', { name: 'Search' }).click()
    await verifyOnPage(page, /^Find a child$/, javaScriptEnabled)
    expect(await page.locator('table').textContent()).toContain(familyName)
    expect(page.url()).not.toContain(familyName)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await verifyOnPage(page, /^Sign in$/, javaScriptEnabled)
    await context.close()
  })
})
