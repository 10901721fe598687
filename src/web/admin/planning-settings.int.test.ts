/**
 * The planning settings page over real HTTP, posted as a browser without JavaScript posts it: read by anyone,
 * changed by an administrator with a reason, refused field by field with every answer kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { webSession } from '../plans/testing/web-session.ts'

let t: TestApp

beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
})
afterAll(async () => {
  await t?.close()
})

describe('the planning settings page', () => {
  it('lets an administrator change the settings, naming each wrong answer and keeping the rest', async () => {
    const admin = await webSession(t, t.north.users.administrator)
    const page = await admin.get('/settings/planning')
    expect(page.status).toBe(200)
    expect(page.$('title').text()).toMatch(/^Planning settings – /)
    expect(
      page.$('nav a[href="/settings/planning"], .govuk-service-navigation a[href="/settings/planning"]').length,
    ).toBe(1)
    expect(page.$('input[name="panelCostThresholdPounds"]').val()).toBe('2000')

    const refused = await admin.submit(page, {
      planToManagerDays: '3',
      planToManagerUnit: 'none',
      ppmEveryMonths: 'three',
      reason: '',
    })
    expect(refused.status).toBe(400)
    expect(refused.$('title').text()).toMatch(/^Error: Planning settings/)
    const summary = refused
      .$('.govuk-error-summary__list a')
      .map((_i, a) => `${refused.$(a).attr('href')} ${refused.$(a).text().trim()}`)
      .get()
    expect(summary).toEqual([
      '#ppmEveryMonths PPM cadence must be a number',
      '#reason Reason must be at least 3 characters',
    ])
    expect(refused.$('input[name="planToManagerDays"]').val()).toBe('3')

    const lone = await admin.submit(refused, { ppmEveryMonths: '3', reason: 'Adopting the Dorset cadence' })
    expect(lone.status).toBe(400)
    expect(lone.$('.govuk-error-summary__list a').attr('href')).toBe('#planToManagerUnit')

    const saved = await admin.submit(lone, { planToManagerUnit: 'working-days', planToManagerUnitConfirmed: 'yes' })
    expect(saved.status).toBe(303)
    const after = await admin.get(saved.location!)
    expect(after.$('.govuk-notification-banner--success').text()).toContain('saved')
    expect(after.$('input[name="ppmEveryMonths"]').val()).toBe('3')
    expect(after.$('input[name="planToManagerUnit"][value="working-days"]').attr('checked')).toBeDefined()
    const [row] = await t.db.query<{ version: number; ppm_every_months: number }>(
      `SELECT version, ppm_every_months FROM planning_settings WHERE authority_id = $1`,
      [t.north.authorityId],
    )
    expect(row).toEqual({ version: 1, ppm_every_months: 3 })
  })

  it('shows a social worker the settings without a form, and refuses their post', async () => {
    const worker = await webSession(t, t.north.users['social-worker'])
    const page = await worker.get('/settings/planning')
    expect(page.status).toBe(200)
    expect(page.$('main form[method="post"]').length).toBe(0)
    expect((await worker.post('/settings/planning', { reason: 'Trying' })).status).toBe(403)
  })
})
