/**
 * Page objects. Every page object checks, as it is created, that the browser is on the page it expects and that
 * axe finds no WCAG 2.2 A or AA failures there (house style §6.7 example 6).
 */
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export class AccessibilityError extends Error {
  override readonly name = 'AccessibilityError'
}

/**
 * Checks the page with axe and fails on any violation, listing each rule, its impact and where. axe runs as a script
 * in the page, so a page from a context without JavaScript is checked by serving the very same HTML (scripts
 * removed, so the DOM is the no-JavaScript DOM) at the same address in a helper page that can run axe.
 * @param page - the page
 * @param javaScriptEnabled - whether the page's context runs scripts
 */
export async function assertAccessible(page: Page, javaScriptEnabled = true): Promise<void> {
  let target = page
  let helperContext: BrowserContext | undefined
  if (!javaScriptEnabled) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, '')
    const browser = page.context().browser()!
    helperContext = await browser.newContext({ timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } })
    target = await helperContext.newPage()
    const url = page.url()
    await target.route(url, route =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    )
    await target.route('**/assets/js/**', route => route.abort())
    await target.goto(url)
  }
  const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze()
  await helperContext?.close()
  if (results.violations.length > 0) {
    const detail = results.violations
      .map(
        v =>
          `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.nodes.map(n => n.target.join(' ')).join('\n    ')}`,
      )
      .join('\n')
    throw new AccessibilityError(`axe found ${results.violations.length} problem(s) on ${page.url()}:\n${detail}`)
  }
}

/**
 * Checks the heading and runs axe.
 * @param page - the page
 * @param heading - the expected h1 text (a regular expression)
 * @param javaScriptEnabled - whether the page's context runs scripts
 */
export async function verifyOnPage(page: Page, heading: RegExp, javaScriptEnabled = true): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? ''
  if (!heading.test(h1)) {
    throw new Error(`Expected a page headed ${String(heading)} but found "${h1}" at ${page.url()}`)
  }
  await assertAccessible(page, javaScriptEnabled)
}

/**
 * Saves a full-page screenshot to docs/screenshots (the README shows them).
 * @param page - the page
 * @param name - the file name, without extension
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = new URL('../../docs/screenshots/', import.meta.url).pathname
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: `${dir}${name}.png`, fullPage: true })
}
