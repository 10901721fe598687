import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provisionUser } from '../../app/admin/provision-authority.ts'
import { RuleViolationError } from '../../app/shared/errors.ts'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../../http/testing/test-app.ts'
import { webClient } from '../../http/testing/web-client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
})
afterAll(async () => {
  await t.close()
})

async function versionOf(userId: string): Promise<number> {
  const admin = apiClient(t.baseUrl, t.north.users.administrator.token)
  const list = await admin.get<{ users: { id: string; version: number }[] }>('/api/v1/users')
  return list.body.users.find(u => u.id === userId)!.version
}

describe('accounts and sessions (security SEC-04, SEC-05, SEC-10)', () => {
  it('refuses to provision an account with a weak password', async () => {
    const attempt = (password: string) =>
      provisionUser(t.db, t.north.authorityId, {
        email: `weak.${password.length}@north.example.test`,
        displayName: 'Weak Password',
        role: 'social-worker',
        teamId: t.north.teamA,
        serviceId: null,
        password,
        isDemo: false,
      })
    await expect(attempt('short')).rejects.toBeInstanceOf(RuleViolationError)
    await expect(attempt('password1234')).rejects.toThrow(/password-common/)
    await expect(attempt('qwertyuiop123!')).rejects.toThrow(/password-common/)
    await expect(attempt('weak.14@north.example.test')).rejects.toThrow(/password-contains-account/)
    await expect(attempt('a perfectly fine passphrase')).resolves.toMatch(/^[0-9a-f-]{36}$/)
  })

  it('ends the session on sign-out, so the old cookie is worthless', async () => {
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    const cookies = new Map(browser.jar)
    const home = await browser.get('/')
    expect(home.status).toBe(200)
    expect((await browser.submit(home, '/sign-out')).location).toBe('/sign-in')
    const replay = webClient(t.baseUrl)
    for (const [k, v] of cookies) {
      replay.jar.set(k, v)
    }
    expect((await replay.get('/')).location).toBe('/sign-in')
  })

  it('ignores a sign-out without the form token (cross-site request forgery)', async () => {
    const browser = webClient(t.baseUrl)
    await browser.signIn(t.north.users['social-worker'].email, TEST_PASSWORD)
    await browser.post('/sign-out', {})
    // The cookie was cleared in the response, but the server session must still be live: put it back and use it.
    const session = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [t.north.users['social-worker'].id],
    )
    expect(session[0]!.n).toBeGreaterThan(0)
  })

  it('ends every session and API token of an account the administrator disables', async () => {
    const worker = t.north.users.otherWorker
    const browser = webClient(t.baseUrl)
    await browser.signIn(worker.email, TEST_PASSWORD)
    expect((await browser.get('/')).status).toBe(200)
    expect((await apiClient(t.baseUrl, worker.token).get('/api/v1/children')).status).toBe(200)
    const admin = apiClient(t.baseUrl, t.north.users.administrator.token)
    const version = await versionOf(worker.id)
    expect((await admin.post(`/api/v1/users/${worker.id}/disable`, undefined)).status).toBe(428)
    expect(
      (await admin.post(`/api/v1/users/${worker.id}/disable`, undefined, { 'if-match': `W/"${version - 1}"` })).status,
    ).toBe(412)
    const disabled = await admin.post(`/api/v1/users/${worker.id}/disable`, undefined, {
      'if-match': `W/"${version}"`,
    })
    expect(disabled.status).toBe(200)
    expect((await browser.get('/')).location).toBe('/sign-in')
    expect((await apiClient(t.baseUrl, worker.token).get('/api/v1/children')).status).toBe(401)
    expect((await webClient(t.baseUrl).signIn(worker.email, TEST_PASSWORD)).status).toBe(401)
    // Re-enabled, the account can sign in again, but its old API token stays revoked.
    const enabled = await admin.post(`/api/v1/users/${worker.id}/enable`, undefined, {
      'if-match': `W/"${version + 1}"`,
    })
    expect(enabled.status).toBe(200)
    expect((await webClient(t.baseUrl).signIn(worker.email, TEST_PASSWORD)).location).toBe('/')
    expect((await apiClient(t.baseUrl, worker.token).get('/api/v1/children')).status).toBe(401)
  })

  it('lets only administrators manage accounts, and not disable themselves', async () => {
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    expect((await manager.get('/api/v1/users')).status).toBe(403)
    const admin = t.north.users.administrator
    const self = await apiClient(t.baseUrl, admin.token).post(`/api/v1/users/${admin.id}/disable`, undefined, {
      'if-match': `W/"${await versionOf(admin.id)}"`,
    })
    expect(self.status).toBe(422)
    const southUser = t.south.users['social-worker']
    const other = await apiClient(t.baseUrl, admin.token).post(`/api/v1/users/${southUser.id}/disable`, undefined, {
      'if-match': 'W/"1"',
    })
    expect(other.status).toBe(404)
  })

  it('changes a password: the current one is checked, the policy applies, other sessions end', async () => {
    const user = t.north.users['panel-member']
    const first = webClient(t.baseUrl)
    await first.signIn(user.email, TEST_PASSWORD)
    const second = webClient(t.baseUrl)
    await second.signIn(user.email, TEST_PASSWORD)
    const form = await second.get('/account/password')
    expect(form.$('h1').text()).toBe('Change your password')
    const forged = await second.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a forged new passphrase',
      confirmPassword: 'a forged new passphrase',
    })
    expect(forged.status).toBe(403)
    const wrong = await second.submit(form, '/account/password', {
      currentPassword: 'not my password at all',
      newPassword: 'blue kettle on a quiet hill',
      confirmPassword: 'blue kettle on a quiet hill',
    })
    expect(wrong.status).toBe(401)
    const weak = await second.submit(form, '/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'iloveyou1234',
      confirmPassword: 'iloveyou1234',
    })
    expect(weak.status).toBe(400)
    expect(weak.$('.govuk-error-summary').text()).toContain('common or breached passwords')
    const changed = await second.submit(form, '/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'blue kettle on a quiet hill',
      confirmPassword: 'blue kettle on a quiet hill',
    })
    expect(changed.location).toBe('/account/password?changed=1')
    expect((await second.get('/')).status).toBe(200)
    expect((await first.get('/')).location).toBe('/sign-in')
    expect((await webClient(t.baseUrl).signIn(user.email, TEST_PASSWORD)).status).toBe(401)
    expect((await webClient(t.baseUrl).signIn(user.email, 'blue kettle on a quiet hill')).location).toBe('/')
  })
})
