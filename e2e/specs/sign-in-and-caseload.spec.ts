import type { Browser, Page } from 'playwright-core'
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

describe.skipIf(!hasChromium)('a team manager works with the keyboard alone', () => {
  /**
   * Presses Tab until the focused element matches, as someone without a mouse moves through the page.
   * @param page - the page
   * @param matches - a test of the focused element (its tag, text, name and href)
   * @param most - how many presses before giving up
   * @returns how many presses it took
   */
  async function tabTo(
    page: Page,
    matches: (focused: { tag: string; text: string; name: string; href: string }) => boolean,
    most = 60,
  ): Promise<number> {
    for (let presses = 1; presses <= most; presses += 1) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement & { name?: string; href?: string }
        return {
          tag: element.tagName.toLowerCase(),
          text: (element.textContent ?? '').trim(),
          name: element.name ?? '',
          href: element.getAttribute('href') ?? '',
        }
      })
      if (matches(focused)) {
        return presses
      }
    }
    throw new Error('The element was never reached with the Tab key')
  }

  it('signs in, opens the team dashboard and a child from it, and signs out, without a mouse', async () => {
    const context = await newContext(browser, { javaScriptEnabled: true })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/sign-in`)
    await verifyOnPage(page, /^Sign in$/)
    // The first stop is the skip link, which moves focus to the main content.
    expect(await tabTo(page, f => f.text === 'Skip to main content')).toBe(1)
    await tabTo(page, f => f.name === 'email')
    await page.keyboard.type('team.manager@northshire.example')
    await tabTo(page, f => f.name === 'password')
    await page.keyboard.type(DEMO_PASSWORD)
    await Promise.all([page.waitForURL(url => url.pathname === '/'), page.keyboard.press('Enter')])
    await verifyOnPage(page, /^My caseload$/)

    await tabTo(page, f => f.href === '/dashboards/team')
    await Promise.all([page.waitForURL(/\/dashboards\/team$/), page.keyboard.press('Enter')])
    await verifyOnPage(page, /^Team dashboard$/)
    await tabTo(page, f => f.href.startsWith('/children/'))
    await Promise.all([page.waitForURL(/\/children\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')])
    await verifyOnPage(page, /\S/)

    await tabTo(page, f => f.tag === 'button' && f.text === 'Sign out')
    await Promise.all([page.waitForURL(/\/sign-in$/), page.keyboard.press('Enter')])
    await verifyOnPage(page, /^Sign in$/)
    await context.close()
  })
})
