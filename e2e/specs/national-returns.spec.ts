/**
 * National returns in the browser (issue 8), with and without JavaScript, axe on every page: a performance analyst
 * checks the SSDA903 return for the demo authority (no validation failures), changes year, downloads a table, the
 * whole return as a ZIP and Annex A, and looks at the adoption scorecard on the authority dashboard; a social worker
 * sees on a child's page what in the record would fail the return.
 */
import JSZip from 'jszip'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '../../src/app/auth/create-api-token.ts'
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts'
import { apiClient, type TestApp } from '../../src/http/testing/test-app.ts'
import { startJourneyApp } from '../fixtures/app.ts'
import { hasChromium, launchBrowser, newContext } from '../fixtures/browser.ts'
import { saveScreenshot, verifyOnPage } from '../pages/page.ts'

let app: TestApp
let browser: Browser
let childWithFailures: string

beforeAll(async () => {
  app = await startJourneyApp()
  browser = await launchBrowser()
  // A child recorded through the API without a UPN or an Ofsted URN for her placement: the care record accepts it.
  const token = (await createApiToken(app.deps, 'social.worker@northshire.example', 'e2e'))!
  const worker = apiClient(app.baseUrl, token)
  const caseload = await worker.get<{ children: { id: string }[] }>('/api/v1/children')
  const first = await worker.get<{ child: { teamId: string; allocatedWorkerId: string } }>(
    `/api/v1/children/${caseload.body.children[0]!.id}`,
  )
  const created = await worker.post<{ id: string }>('/api/v1/children', {
    givenNames: 'Wren',
    familyName: 'Returnsby',
    dateOfBirthOn: '2016-05-04',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: 'NS9001',
    teamId: first.body.child.teamId,
    allocatedWorkerId: first.body.child.allocatedWorkerId,
  })
  childWithFailures = created.body.id
  const looked = await worker.post(`/api/v1/children/${childWithFailures}/became-looked-after`, {
    startedOn: '2026-01-12',
    legalStatus: 'section-20',
    categoryOfNeed: 'N4',
    previousPermanence: 'none',
    placement: { placementType: 'foster-other', providerType: 'own-authority', postcode: 'NS1 4AB' },
  })
  expect(looked.status).toBe(201)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function signIn(page: Page, email: string, javaScriptEnabled: boolean): Promise<void> {
  await page.goto(`${app.baseUrl}/sign-in`)
  await verifyOnPage(page, /^Sign in$/, javaScriptEnabled)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(url => !url.pathname.startsWith('/sign-in'))
}

async function download(page: Page, link: ReturnType<Page['getByRole']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  const path = await file.path()
  const { readFile } = await import('node:fs/promises')
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

describe.skipIf(!hasChromium).each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('national returns ($label)', ({ javaScriptEnabled }) => {
  it('a performance analyst checks and downloads the return, Annex A and the adoption scorecard', async () => {
    const context = await newContext(browser, { javaScriptEnabled })
    const page = await context.newPage()
    await signIn(page, 'performance.analyst@northshire.example', javaScriptEnabled)
    await page.goto(`${app.baseUrl}/returns`)
    await verifyOnPage(page, /^National returns$/, javaScriptEnabled)
    expect(await page.title()).toBe('National returns – Permanence Planner – Northshire')
    // The demo's return for the year in progress; the child recorded above is the only one with failures.
    expect(await page.locator('h2#summary').textContent()).toContain('SSDA903 2025/26')
    expect(Number(await page.locator('[data-qa="child-count"]').textContent())).toBeGreaterThan(40)
    const byRule = await page.locator('[data-qa="failures-by-rule"] tbody tr').allTextContents()
    expect(byRule.map(row => row.trim().split(/\s+/)[0]).sort()).toEqual(['168', '218', '393'])
    const failureRows = await page.locator('table:has(caption:text("Every failure")) tbody tr').allTextContents()
    expect(failureRows.every(row => row.includes('NS9001'))).toBe(true)

    if (javaScriptEnabled) {
      await saveScreenshot(page, 'national-returns')
    }
    await page.getByLabel('Collection year').selectOption('2025')
    await page.getByRole('button', { name: 'Show this year' }).click()
    await verifyOnPage(page, /^National returns$/, javaScriptEnabled)
    expect(await page.locator('h2#summary').textContent()).toContain('SSDA903 2024/25')
    expect(await page.locator('[data-qa="validation-summary"]').textContent()).toContain('No validation failures')

    const episodes = await download(page, page.getByRole('link', { name: 'episodes.csv', exact: true }))
    expect(episodes.name).toBe('2025-episodes.csv')
    expect(episodes.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^CHILD,DECOM,RNE,LS/)
    const zip = await download(page, page.getByRole('link', { name: /^All the 2024\/25 files/ }))
    expect(zip.name).toBe('ssda903-2025.zip')
    const files = Object.keys((await JSZip.loadAsync(zip.bytes)).files)
    expect(files).toContain('header.csv')
    expect(files).toContain('failures.csv')
    const annex = await download(page, page.getByRole('link', { name: /Ofsted Annex A/ }))
    expect(annex.name).toMatch(/^annex-a-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(annex.bytes.subarray(0, 2).toString()).toBe('PK')

    await page.getByRole('link', { name: 'Authority dashboard' }).click()
    await verifyOnPage(page, /^Authority dashboard$/, javaScriptEnabled)
    const measures = await page.locator('[data-qa="scorecard-measures"] tbody tr th').allTextContents()
    expect(measures.map(m => m.trim().split(/\s+/)[0])).toEqual(['A1', 'A10', 'A2', 'A3'])
    if (javaScriptEnabled) {
      await saveScreenshot(page, 'authority-dashboard')
    }
    await page.getByLabel('Cohort').selectOption({ index: 2 })
    await page.getByRole('button', { name: 'Show this cohort' }).click()
    await verifyOnPage(page, /^Authority dashboard$/, javaScriptEnabled)
    await context.close()
  })

  it("a social worker sees what in a child's record would fail the return, as warnings", async () => {
    const context = await newContext(browser, { javaScriptEnabled })
    const page = await context.newPage()
    await signIn(page, 'social.worker@northshire.example', javaScriptEnabled)
    await page.goto(`${app.baseUrl}/children/${childWithFailures}`)
    await verifyOnPage(page, /^Wren Returnsby/, javaScriptEnabled)
    expect(await page.locator('#national-return').textContent()).toBe('National return (SSDA903 2025/26)')
    const rules = await page.locator('[data-qa="child-return-failures"] tbody tr td:first-child').allTextContents()
    expect(rules.sort()).toEqual(['168', '218', '393'])
    await page.getByRole('link', { name: 'My caseload' }).click()
    await verifyOnPage(page, /^My caseload$/, javaScriptEnabled)
    const other = page.locator('table a.govuk-link').filter({ hasNotText: 'Wren Returnsby' }).first()
    await other.click()
    await verifyOnPage(page, /.+/, javaScriptEnabled)
    expect(await page.locator('[data-qa="child-return-clean"]').count()).toBe(1)
    await context.close()
  })
})
