/**
 * Steps for the planning journeys: signing in as a demo account, filling GOV.UK date inputs, and moving between a
 * child's tabs. Each step that lands on a page checks it with `verifyOnPage` (axe included).
 */
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts'
import { verifyOnPage } from './page.ts'

/**
 * Signs in as a demo account and lands on the caseload (the authority dashboard for roles without one).
 * @param page - the page
 * @param baseUrl - the app
 * @param email - the demo account
 * @param javaScriptEnabled - whether scripts run (for axe)
 */
export async function signInAs(page: Page, baseUrl: string, email: string, javaScriptEnabled: boolean): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await verifyOnPage(page, /^(My caseload|Children I review|Authority dashboard)$/, javaScriptEnabled)
}

/**
 * Signs out.
 * @param page - the page
 * @param javaScriptEnabled - whether scripts run (for axe)
 */
export async function signOut(page: Page, javaScriptEnabled: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await verifyOnPage(page, /^Sign in$/, javaScriptEnabled)
}

/**
 * Fills a GOV.UK date input.
 * @param page - the page
 * @param name - the input's name prefix (e.g. `ppmOn`, `options[2][ruledOutOn]`)
 * @param day - `YYYY-MM-DD`
 */
export async function fillDate(page: Page, name: string, day: string): Promise<void> {
  const [year, month, date] = day.split('-')
  await page.locator(`input[name="${name}-day"]`).fill(String(Number(date)))
  await page.locator(`input[name="${name}-month"]`).fill(String(Number(month)))
  await page.locator(`input[name="${name}-year"]`).fill(year!)
}

/**
 * Opens one of the child's tabs from the sub-navigation.
 * @param page - the page
 * @param tab - the tab's text
 * @param heading - the heading expected there
 * @param javaScriptEnabled - whether scripts run (for axe)
 */
export async function openTab(page: Page, tab: string, heading: RegExp, javaScriptEnabled: boolean): Promise<void> {
  await page.locator('.moj-sub-navigation').getByRole('link', { name: tab }).click()
  await verifyOnPage(page, heading, javaScriptEnabled)
}

/**
 * Presses a button and checks the page it leads to.
 * @param page - the page
 * @param name - the button's text
 * @param heading - the heading expected next
 * @param javaScriptEnabled - whether scripts run (for axe)
 */
export async function press(
  page: Page,
  name: string | RegExp,
  heading: RegExp,
  javaScriptEnabled: boolean,
): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click()
  await verifyOnPage(page, heading, javaScriptEnabled)
}
