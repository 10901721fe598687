import { createServer, type Server } from 'node:http'
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSettings } from '../../config.ts'
import { startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { webClient } from '../../http/testing/web-client.ts'

// A real OpenID Connect provider (oidc-provider, with its development login and consent pages) on 127.0.0.1, and
// the app configured to sign people in to the "north" authority through it.
let t: TestApp
let server: Server
let issuer: string
let settings: OidcSettings | undefined
const accounts: Record<string, { sub: string; email: string; email_verified: boolean }> = {}

beforeAll(async () => {
  server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  t = await startTestApp({ withWeb: true, oidc: () => settings })
  const redirectUri = `${t.baseUrl}/sign-in/oidc/callback`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'permanence-planner',
        client_secret: 'a-client-secret-for-the-test-provider-only',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => accounts[id]! } : undefined),
  })
  server.on('request', provider.callback())
  settings = {
    issuer,
    clientId: 'permanence-planner',
    clientSecret: 'a-client-secret-for-the-test-provider-only',
    redirectUri,
    authorityCode: 'north',
  }
  accounts['north-sw'] = { sub: 'north-sw', email: t.north.users['social-worker'].email, email_verified: true }
  accounts.impostor = { sub: 'impostor', email: t.north.users['social-worker'].email, email_verified: true }
  accounts.unverified = { sub: 'unverified', email: t.north.users['team-manager'].email, email_verified: false }
  accounts['south-sw'] = { sub: 'south-sw', email: t.south.users['social-worker'].email, email_verified: true }
})
afterAll(async () => {
  await t.close()
  await new Promise(resolve => server.close(resolve))
})

/** Logs in at the provider as `login`, consents, and returns the app's callback URL the provider redirects to. */
async function throughProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>()
  let url = authorizationUrl
  let body: URLSearchParams | undefined
  for (let hop = 0; hop < 12; hop += 1) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair!.indexOf('=')
      jar.set(pair!.slice(0, index), pair!.slice(index + 1))
    }
    body = undefined
    const location = response.headers.get('location')
    if (location) {
      const next = new URL(location, url).href
      if (next.startsWith(t.baseUrl)) {
        return next
      }
      url = next
      continue
    }
    const html = await response.text()
    const action = /action="([^"]+)"/.exec(html)?.[1]
    if (!action) {
      throw new Error(`Provider page without a form at ${url}: ${html.slice(0, 300)}`)
    }
    url = new URL(action, url).href
    body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' })
  }
  throw new Error('Too many redirects at the provider')
}

async function startSignIn() {
  const browser = webClient(t.baseUrl)
  const page = await browser.get('/sign-in')
  expect(page.$('form[action="/sign-in/oidc"] button').text()).toContain('Sign in with your council account')
  const started = await browser.submit(page, '/sign-in/oidc')
  expect(started.status).toBe(303)
  return { browser, authorizationUrl: started.location! }
}

async function refusals(): Promise<string[]> {
  const rows = await t.db.query<{ details: { reason: string } }>(
    `SELECT details FROM audit_events WHERE action = 'OIDC_SIGN_IN_REFUSED' ORDER BY id`,
  )
  return rows.map(r => r.details.reason)
}

describe('sign-in through the authority’s OpenID Connect provider', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizationUrl } = await startSignIn()
    const url = new URL(authorizationUrl)
    expect(url.origin).toBe(issuer)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.get('nonce')).toBeTruthy()
    expect(url.searchParams.get('client_id')).toBe('permanence-planner')
  })

  it('refuses to start without the sign-in form’s token (cross-site request forgery)', async () => {
    const browser = webClient(t.baseUrl)
    await browser.get('/sign-in')
    expect((await browser.post('/sign-in/oidc', {})).status).toBe(403)
    expect((await browser.post('/sign-in/oidc', { _form: 'x'.repeat(32) })).status).toBe(403)
  })

  it('signs in a user found by verified email, links the identity, then finds them by subject', async () => {
    const { browser, authorizationUrl } = await startSignIn()
    const callback = await throughProvider(authorizationUrl, 'north-sw')
    const done = await browser.get(callback)
    expect(done.location).toBe('/')
    const home = await browser.get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('social-worker (north)')
    const [linked] = await t.db.query<{ oidc_subject: string }>(`SELECT oidc_subject FROM users WHERE id = $1`, [
      t.north.users['social-worker'].id,
    ])
    expect(linked!.oidc_subject).toBe('north-sw')

    const again = await startSignIn()
    expect((await again.browser.get(await throughProvider(again.authorizationUrl, 'north-sw'))).location).toBe('/')
    const events = await t.db.query<{ details: { linked: boolean } }>(
      `SELECT details FROM audit_events WHERE action = 'OIDC_SIGNED_IN' AND user_id = $1 ORDER BY id`,
      [t.north.users['social-worker'].id],
    )
    expect(events.map(e => e.details.linked)).toEqual([true, false])
  })

  it('refuses a callback replayed, or arriving in a browser that did not start the sign-in', async () => {
    const { browser, authorizationUrl } = await startSignIn()
    const callback = await throughProvider(authorizationUrl, 'north-sw')
    const elsewhere = await webClient(t.baseUrl).get(callback)
    expect(elsewhere.status).toBe(401)
    expect(elsewhere.setCookies.some(c => c.startsWith('permanence-session='))).toBe(false)
    expect((await browser.get(callback)).location).toBe('/')
    // Replayed in the same browser: the cookie has gone, and the stored state was used once already.
    const replay = webClient(t.baseUrl)
    replay.jar.set('permanence-oidc', new URL(callback).searchParams.get('state')!)
    expect((await replay.get(callback)).status).toBe(401)
    expect((await refusals()).slice(-2)).toEqual(['state-mismatch', 'unknown-or-used-state'])
  })

  it('refuses identities that match no account of the authority, or another identity’s account', async () => {
    for (const login of ['unverified', 'south-sw', 'impostor']) {
      const { browser, authorizationUrl } = await startSignIn()
      const response = await browser.get(await throughProvider(authorizationUrl, login))
      expect({ login, status: response.status }).toEqual({ login, status: 401 })
      expect(response.$('h1').text()).toBe('You could not be signed in')
    }
    expect((await refusals()).slice(-3)).toEqual([
      'no-matching-account',
      'no-matching-account',
      'email-linked-to-another-identity',
    ])
  })
})
