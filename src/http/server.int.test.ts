import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './testing/test-app.ts'
import { testDatabaseKind } from '../db/testing/test-database.ts'
import { API_PROBES, routesWithoutProbes } from './security/matrix-probes.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('server', () => {
  it('answers the health check with the database in use', async () => {
    const response = await fetch(`${t.baseUrl}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: testDatabaseKind() })
  })

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await fetch(`${t.baseUrl}/api/openapi.json`)
    expect(response.status).toBe(200)
    const doc = (await response.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: unknown }>>
    }
    expect(doc.openapi).toMatch(/^3\./)
    const post = doc.paths['/api/v1/children']?.post
    expect(post?.requestBody).toBeDefined()
    expect(JSON.stringify(post?.requestBody)).toContain('dateOfBirthOn')
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20)
  })

  it('declares a policy and an audit event on every route', () => {
    const undeclared = t.app.registeredRoutes.filter(r => r.method !== 'HEAD' && !r.security)
    expect(undeclared).toEqual([])
    for (const route of t.app.registeredRoutes.filter(r => r.security)) {
      const { policy, audit, auth } = route.security!
      if (policy === 'public') {
        expect({ route: route.url, auth }).toEqual({ route: route.url, auth: 'none' })
      } else {
        expect({
          route: `${route.method} ${route.url}`,
          hasAudit: typeof audit === 'string' && /^[A-Z][A-Z0-9_]*$/.test(audit),
        }).toEqual({
          route: `${route.method} ${route.url}`,
          hasAudit: true,
        })
      }
    }
  })

  it('puts every API route in the authorisation matrix, and no route that does not exist', () => {
    // A new route must get a probe in src/http/security/matrix-probes.ts, so the matrix covers it (security SEC-01).
    expect(routesWithoutProbes(t.app.registeredRoutes)).toEqual([])
    const registered = new Set(t.app.registeredRoutes.map(r => `${r.method} ${r.url}`))
    expect(Object.keys(API_PROBES).filter(key => !registered.has(key))).toEqual([])
  })

  it('sends security headers and forbids caching of records', async () => {
    const response = await fetch(`${t.baseUrl}/health`)
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})
