import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provisionUser } from '../../app/admin/provision-authority.ts'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { londonDayOf } from '../../app/shared/system-clock.ts'
import type { Clock, Instant } from '../../domain/shared/clock.ts'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../../http/testing/test-app.ts'
import { webClient, type WebResponse } from '../../http/testing/web-client.ts'

// A clock the test moves by hand (no sleeping): sessions time out and codes change as it moves.
let nowMs = Date.parse('2026-02-01T10:00:00Z')
const clock: Clock = {
  now: () => new Date(nowMs).toISOString() as Instant,
  today: () => londonDayOf(new Date(nowMs)),
}

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ withWeb: true, isDemo: false, isCookieSecure: true, clock })
})
afterAll(async () => {
  await t.close()
})

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE user_id = $1 ORDER BY id`, [
    userId,
  ])
  return rows.map(r => r.action)
}

function secretOn(page: WebResponse): string {
  return page.$('[data-qa="totp-secret"]').text().replace(/\s+/g, '')
}

async function codeAt(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) + offsetSeconds })
}

/** Signs in with password and enrols a second factor; returns the client and the secret. */
async function signInFully(email: string) {
  const browser = webClient(t.baseUrl)
  const signedIn = await browser.signIn(email, TEST_PASSWORD)
  expect(signedIn.location).toBe('/sign-in/two-factor')
  const page = await browser.get('/sign-in/two-factor')
  const secret = secretOn(page)
  const done = await browser.submit(page, '/sign-in/two-factor', { code: await codeAt(secret) })
  expect(done.location).toBe('/')
  return { browser, secret }
}

describe('sign-in outside demo mode (security SEC-03, SEC-04, SEC-05, AUD-03)', () => {
  it('sets the session cookie with __Host-, Secure, HttpOnly and SameSite, and the form cookie strict', async () => {
    const browser = webClient(t.baseUrl)
    const page = await browser.get('/sign-in')
    const formCookie = page.setCookies.find(c => c.startsWith('permanence-form='))!
    expect(formCookie).toMatch(/; HttpOnly/)
    expect(formCookie).toMatch(/; Secure/)
    expect(formCookie).toMatch(/; SameSite=Strict/)
    const signedIn = await browser.submit(page, '/sign-in', {
      email: t.north.users['social-worker'].email,
      password: TEST_PASSWORD,
    })
    const session = signedIn.setCookies.find(c => c.startsWith('__Host-permanence-session='))!
    expect(session).toMatch(/; Path=\//)
    expect(session).toMatch(/; HttpOnly/)
    expect(session).toMatch(/; Secure/)
    expect(session).toMatch(/; SameSite=Lax/)
    expect(session).not.toMatch(/Domain=/i)
  })

  it('requires a second factor: enrolment with a QR code and key, then a code each time, never twice', async () => {
    const user = t.north.users['team-manager']
    const browser = webClient(t.baseUrl)
    expect((await browser.signIn(user.email, TEST_PASSWORD)).location).toBe('/sign-in/two-factor')
    // Nothing but the second-factor page until it is done.
    expect((await browser.get('/')).location).toBe('/sign-in/two-factor')
    expect((await browser.get('/search')).location).toBe('/sign-in/two-factor')
    const page = await browser.get('/sign-in/two-factor')
    expect(page.$('h1').text()).toBe('Set up your authenticator app')
    expect(page.$('[data-qa="totp-qr"]').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    const secret = secretOn(page)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(page.$('[data-qa="totp-uri"]').text()).toContain(`secret=${secret}`)
    // Reloading shows the same key, so a scan already made stays good.
    expect(secretOn(await browser.get('/sign-in/two-factor'))).toBe(secret)

    const wrong = await browser.submit(page, '/sign-in/two-factor', { code: '000000' })
    expect(wrong.status).toBe(401)
    expect(wrong.$('.govuk-error-summary').text()).toContain('The code is not right')
    const code = await codeAt(secret)
    const right = await browser.submit(page, '/sign-in/two-factor', { code })
    expect(right.location).toBe('/')
    expect((await browser.get('/')).status).toBe(200)

    // A second sign-in asks for a code, not enrolment, and refuses the code already used.
    const again = webClient(t.baseUrl)
    await again.signIn(user.email, TEST_PASSWORD)
    const prompt = await again.get('/sign-in/two-factor')
    expect(prompt.$('h1').text()).toBe('Enter the code from your authenticator app')
    expect(prompt.$('[data-qa="totp-secret"]').length).toBe(0)
    expect((await again.submit(prompt, '/sign-in/two-factor', { code })).status).toBe(401)
    nowMs += 30_000
    expect((await again.submit(prompt, '/sign-in/two-factor', { code: await codeAt(secret) })).location).toBe('/')

    const actions = await auditActions(user.id)
    expect(actions).toEqual(
      expect.arrayContaining([
        'USER_SIGNED_IN',
        'SECOND_FACTOR_ENROLMENT_STARTED',
        'SECOND_FACTOR_FAILED',
        'SECOND_FACTOR_ENROLLED',
        'SECOND_FACTOR_REQUESTED',
        'SECOND_FACTOR_VERIFIED',
      ]),
    )
    const secrets = await t.db.query(`SELECT 1 FROM audit_events WHERE details::text LIKE $1`, [`%${secret}%`])
    expect(secrets).toEqual([])
  })

  it('locks the second factor after 10 wrong codes in 5 minutes', async () => {
    const user = t.north.users.iro
    const { secret } = await signInFully(user.email)
    const browser = webClient(t.baseUrl)
    await browser.signIn(user.email, TEST_PASSWORD)
    const prompt = await browser.get('/sign-in/two-factor')
    for (let i = 0; i < 10; i += 1) {
      expect((await browser.submit(prompt, '/sign-in/two-factor', { code: '123456' })).status).toBe(401)
    }
    nowMs += 30_000
    const locked = await browser.submit(prompt, '/sign-in/two-factor', { code: await codeAt(secret) })
    expect(locked.status).toBe(429)
    expect((await auditActions(user.id)).at(-1)).toBe('SECOND_FACTOR_LOCKED')
    nowMs += 5 * 60_000 + 1_000
  })

  it('refuses demo accounts outside demo mode, by password and by API token', async () => {
    const email = 'demo.worker@north.example.test'
    await provisionUser(t.db, t.north.authorityId, {
      email,
      displayName: 'Demo worker',
      role: 'social-worker',
      teamId: t.north.teamA,
      serviceId: null,
      password: TEST_PASSWORD,
      isDemo: true,
    })
    const token = (await createApiToken(t.deps, email, 'test'))!
    const browser = webClient(t.baseUrl)
    const refused = await browser.signIn(email, TEST_PASSWORD)
    expect(refused.status).toBe(401)
    expect(refused.$('.govuk-error-summary').text()).toContain('Enter a correct email address and password')
    expect((await apiClient(t.baseUrl, token).get('/api/v1/children')).status).toBe(401)
    const rows = await t.db.query<{ action: string }>(
      `SELECT a.action FROM audit_events a JOIN users u ON u.id = a.user_id WHERE u.email = $1 ORDER BY a.id`,
      [email],
    )
    expect(rows.map(r => r.action)).toEqual(['API_TOKEN_CREATED', 'SIGN_IN_REFUSED_DEMO_ACCOUNT', 'API_TOKEN_REFUSED'])
  })

  it('ends sessions after 30 idle minutes and after 12 hours, and audits the end', async () => {
    const user = t.north.users['qa-auditor']
    const { browser, secret } = await signInFully(user.email)
    nowMs += 29 * 60_000
    expect((await browser.get('/')).status).toBe(200)
    nowMs += 31 * 60_000
    expect((await browser.get('/')).location).toBe('/sign-in')
    const rows = await t.db.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_events WHERE user_id = $1 AND action = 'SESSION_ENDED' ORDER BY id`,
      [user.id],
    )
    expect(rows.map(r => r.details.reason)).toEqual(['idle'])

    const second = webClient(t.baseUrl)
    await second.signIn(user.email, TEST_PASSWORD)
    const prompt = await second.get('/sign-in/two-factor')
    expect((await second.submit(prompt, '/sign-in/two-factor', { code: await codeAt(secret) })).location).toBe('/')
    // Used every 25 minutes, never idle: still signed in at 11 h 40 min, out at 12 h 5 min.
    for (let step = 1; step <= 28; step += 1) {
      nowMs += 25 * 60_000
      expect((await second.get('/')).status).toBe(200)
    }
    nowMs += 25 * 60_000
    expect((await second.get('/')).location).toBe('/sign-in')
    const reasons = await t.db.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_events WHERE user_id = $1 AND action = 'SESSION_ENDED' ORDER BY id`,
      [user.id],
    )
    expect(reasons.map(r => r.details.reason)).toEqual(['idle', 'absolute-lifetime'])
  })

  it('recovers a lost authenticator only through an administrator, which ends the sessions', async () => {
    const user = t.north.users['agency-decision-maker']
    const { browser } = await signInFully(user.email)
    const admin = apiClient(t.baseUrl, t.north.users.administrator.token)
    const list = await admin.get<{ users: { id: string; version: number; isTotpEnabled: boolean }[] }>('/api/v1/users')
    const entry = list.body.users.find(u => u.id === user.id)!
    expect(entry.isTotpEnabled).toBe(true)
    const reset = await admin.post(`/api/v1/users/${user.id}/second-factor/reset`, undefined, {
      'if-match': `W/"${entry.version}"`,
    })
    expect(reset.status).toBe(200)
    expect((await browser.get('/')).location).toBe('/sign-in')
    const again = webClient(t.baseUrl)
    expect((await again.signIn(user.email, TEST_PASSWORD)).location).toBe('/sign-in/two-factor')
    expect((await again.get('/sign-in/two-factor')).$('h1').text()).toBe('Set up your authenticator app')
  })
})
