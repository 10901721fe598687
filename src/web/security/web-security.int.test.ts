import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../app/demo/seed-demo.ts'
import { DEMO_PASSWORD } from '../../app/demo/seed-demo.ts'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../http/testing/test-app.ts'
import { webClient, type WebResponse } from '../../http/testing/web-client.ts'

let t: TestApp
let childId: string
beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  await seedDemo(t.db, { children: 30, seed: 11, today: '2026-02-01' as never })
  const [child] = await t.db.query<{ id: string }>(
    `SELECT c.id FROM children c JOIN users u ON u.id = c.allocated_worker_id
     WHERE u.email = 'social.worker@northshire.example' AND c.sensitivity = 'normal' LIMIT 1`,
  )
  childId = child!.id
}, 120_000)
afterAll(async () => {
  await t.close()
})

function expectSecurityHeaders(label: string, headers: Headers, isRecord: boolean) {
  const csp = headers.get('content-security-policy') ?? ''
  expect({ label, csp }).toEqual({ label, csp: expect.stringMatching(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/) })
  expect({ label, csp }).toEqual({ label, csp: expect.stringContaining("frame-ancestors 'none'") })
  expect({ label, csp }).toEqual({ label, csp: expect.stringContaining("object-src 'none'") })
  expect({ label, hsts: headers.get('strict-transport-security') }).toEqual({
    label,
    hsts: expect.stringMatching(/max-age=(\d{8,})/),
  })
  expect(Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(31_536_000)
  expect({ label, nosniff: headers.get('x-content-type-options') }).toEqual({ label, nosniff: 'nosniff' })
  if (isRecord) {
    expect({ label, cache: headers.get('cache-control') }).toEqual({ label, cache: 'no-store' })
  }
}

describe('web security (security SEC-06, SEC-09)', () => {
  it('sends CSP with a fresh nonce, HSTS, nosniff, frame-ancestors and no-store on every kind of page', async () => {
    const browser = webClient(t.baseUrl)
    const pages: [string, WebResponse][] = [['sign-in', await browser.get('/sign-in')]]
    await browser.signIn('social.worker@northshire.example', DEMO_PASSWORD)
    pages.push(['caseload', await browser.get('/')])
    pages.push(['child record', await browser.get(`/children/${childId}`)])
    pages.push(['search', await browser.get('/search')])
    pages.push(['not found', await browser.get('/no-such-page')])
    pages.push(['missing child', await browser.get('/children/00000000-0000-4000-8000-000000000001')])
    pages.push(['password', await browser.get('/account/password')])
    pages.push(['accessibility', await browser.get('/accessibility')])
    const nonces = new Set<string>()
    for (const [label, page] of pages) {
      expectSecurityHeaders(label, page.headers, true)
      const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1]!
      nonces.add(nonce)
      // Every script on the page carries the response's nonce; there are no inline handlers.
      page.$('script').each((_i, el) => {
        expect({ label, nonce: page.$(el).attr('nonce') }).toEqual({ label, nonce })
      })
      expect(page.text).not.toMatch(/\son(click|load|error|submit)=/i)
    }
    expect(nonces.size).toBe(pages.length)
    const api = await fetch(`${t.baseUrl}/api/v1/children`, {
      headers: { authorization: `Bearer ${t.north.users['social-worker'].token}` },
    })
    expectSecurityHeaders('API', api.headers, true)
    const asset = await fetch(`${t.baseUrl}/assets/app.css`)
    expectSecurityHeaders('stylesheet', asset.headers, false)
    expectSecurityHeaders('health', (await fetch(`${t.baseUrl}/health`)).headers, true)
  })

  it('refuses every form post without the form’s token (cross-site request forgery), changing nothing', async () => {
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['team-manager'].email, TEST_PASSWORD)
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE outcome = 'success' AND action <> 'CASELOAD_VIEWED'`,
    )
    const posts = t.app.registeredRoutes.filter(r => r.method === 'POST' && r.security?.auth === 'session')
    expect(posts.length).toBeGreaterThan(3)
    for (const route of posts) {
      const url = route.url.replace(':childId', childId)
      for (const token of [undefined, 'forged-token-of-the-right-length-forged-tok']) {
        const jar = new Map(browser.jar)
        const response = await browser.post(url, {
          ...(token ? { _csrf: token } : {}),
          q: 'Puddleby',
          breakGlassReason: 'A forged request from another site',
          currentPassword: TEST_PASSWORD,
          newPassword: 'a forged passphrase here',
          confirmPassword: 'a forged passphrase here',
          code: '123456',
        })
        if (route.url === '/sign-out') {
          // The reply clears the browser's cookie, but the session on the server must still be live.
          jar.forEach((value, key) => browser.jar.set(key, value))
          expect((await browser.get('/')).status).toBe(200)
        } else {
          expect({ url: route.url, status: response.status }).toEqual({ url: route.url, status: 403 })
          expect(response.text).toContain('This form has expired')
        }
      }
    }
    // (The OpenID Connect button's form is checked in oidc.int.test.ts, where a provider is configured.)
    for (const url of ['/sign-in']) {
      const anonymous = webClient(t.baseUrl)
      await anonymous.get('/sign-in')
      const response = await anonymous.post(url, {
        email: t.north.users['team-manager'].email,
        password: TEST_PASSWORD,
      })
      expect({ url, status: response.status }).toEqual({ url, status: 403 })
    }
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE outcome = 'success' AND action <> 'CASELOAD_VIEWED'`,
      ),
    ).toEqual(before)
  })

  it('never puts a child’s name or case number in a URL (crawl of every link, as every demo role)', async () => {
    const children = await t.db.query<{ given_names: string; family_name: string; local_case_number: string }>(
      `SELECT given_names, family_name, local_case_number FROM children`,
    )
    const secrets = new Set(
      children
        .flatMap(c => [...c.given_names.split(' '), c.family_name, c.local_case_number])
        .filter(s => s.length >= 3),
    )
    const roles = [
      'social.worker',
      'team.manager',
      'iro',
      'decision.maker',
      'panel.member',
      'qa.auditor',
      'administrator',
    ]
    const seen = new Set<string>()
    const offending: string[] = []
    let pagesVisited = 0
    for (const role of roles) {
      const browser = webClient(t.baseUrl)
      await browser.signIn(`${role}@northshire.example`, DEMO_PASSWORD)
      const queue = ['/', '/?view=team', '/search', '/account/password']
      const visited = new Set<string>()
      function collect(page: WebResponse) {
        page.$('a[href], form[action]').each((_i, el) => {
          const target = page.$(el).attr('href') ?? page.$(el).attr('action') ?? ''
          const url = new URL(target, t.baseUrl)
          if (url.origin === new URL(t.baseUrl).origin) {
            seen.add(url.pathname + url.search)
            if (!/^\/(assets|api)\//.test(url.pathname) && page.$(el).is('a')) {
              queue.push(url.pathname + url.search)
            }
          }
        })
      }
      const search = await browser.get('/search')
      if (search.$('form[action="/search"]').length > 0) {
        collect(await browser.submit(search, '/search', { q: children[0]!.family_name }))
      }
      while (queue.length > 0 && visited.size < 150) {
        const path = queue.shift()!
        if (visited.has(path)) {
          continue
        }
        visited.add(path)
        const page = await browser.get(path)
        pagesVisited += 1
        if (page.headers.get('content-type')?.startsWith('text/html')) {
          collect(page)
        }
      }
    }
    for (const url of seen) {
      const decoded = decodeURIComponent(url).toLowerCase()
      for (const secret of secrets) {
        if (decoded.includes(secret.toLowerCase())) {
          offending.push(`${url} contains ${secret}`)
        }
      }
    }
    expect(offending).toEqual([])
    expect(pagesVisited).toBeGreaterThan(50)
    expect([...seen].some(url => url.startsWith('/children/'))).toBe(true)
  }, 180_000)
})
