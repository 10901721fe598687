/**
 * A running server for integration tests: a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL), two
 * authorities with one user of every role, API tokens for them, and a small fetch-based client. Real HTTP on
 * 127.0.0.1, real database, real use cases: nothing is mocked.
 */
import type { FastifyInstance } from 'fastify'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { createDependencies } from '../../app/shared/default-dependencies.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { fixedClock } from '../../app/shared/system-clock.ts'
import { provisionAuthority, provisionUser } from '../../app/admin/provision-authority.ts'
import type { Database } from '../../db/client.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { ROLES, type Role } from '../../domain/access/policies.ts'
import type { Clock } from '../../domain/shared/clock.ts'
import { buildApplication } from '../application.ts'
import type { OidcSettings } from '../../config.ts'

export interface TestUser {
  readonly id: string
  readonly email: string
  readonly role: Role
  readonly token: string
  readonly password: string
}

export interface TestAuthority {
  readonly authorityId: string
  readonly teamA: string
  readonly teamB: string
  readonly serviceId: string
  readonly otherServiceTeam: string
  /** One user of each role in team A (managers and workers), plus a second social worker. */
  readonly users: Record<Role, TestUser> & {
    otherWorker: TestUser
    teamBWorker: TestUser
    otherServiceWorker: TestUser
  }
}

export interface TestApp {
  readonly db: Database
  readonly deps: AppDependencies
  readonly app: FastifyInstance
  readonly baseUrl: string
  readonly north: TestAuthority
  readonly south: TestAuthority
  readonly close: () => Promise<void>
}

export const TEST_PASSWORD = 'correct horse battery staple'

let counter = 0

async function makeAuthority(db: Database, deps: AppDependencies, code: string, isDemo = true): Promise<TestAuthority> {
  const provisioned = await provisionAuthority(db, {
    code,
    name: `${code[0]!.toUpperCase()}${code.slice(1)} County Council`,
    policyPack: 'national',
    isDemo: true,
    services: [
      { name: 'Children in Care', teams: [`${code} Team A`, `${code} Team B`] },
      { name: 'Fostering and Adoption', teams: [`${code} Adoption Team`] },
    ],
  })
  const serviceId = provisioned.serviceIds.get('Children in Care')!
  const teamA = provisioned.teamIds.get(`${code} Team A`)!
  const teamB = provisioned.teamIds.get(`${code} Team B`)!
  const otherServiceTeam = provisioned.teamIds.get(`${code} Adoption Team`)!
  const make = async (key: string, role: Role, teamId: string | null, service: string | null): Promise<TestUser> => {
    counter += 1
    const email = `${key}.${code}.${counter}@example.test`
    const id = await provisionUser(db, provisioned.authorityId, {
      email,
      displayName: `${key} (${code})`,
      role,
      teamId,
      serviceId: service,
      password: TEST_PASSWORD,
      isDemo,
    })
    const token = (await createApiToken(deps, email, 'tests'))!
    return { id, email, role, token, password: TEST_PASSWORD }
  }
  const users = {} as Record<Role, TestUser>
  for (const role of ROLES) {
    const inTeam = role === 'social-worker' || role === 'team-manager'
    users[role] = await make(role, role, inTeam ? teamA : null, inTeam ? null : role === 'iro' ? null : serviceId)
  }
  return {
    authorityId: provisioned.authorityId,
    teamA,
    teamB,
    serviceId,
    otherServiceTeam,
    users: {
      ...users,
      otherWorker: await make('other-worker', 'social-worker', teamA, null),
      teamBWorker: await make('team-b-worker', 'social-worker', teamB, null),
      otherServiceWorker: await make('other-service-worker', 'social-worker', otherServiceTeam, null),
    },
  }
}

/** Settings of a test server. */
export interface TestAppOptions {
  /** The clock (default: fixed at 2026-02-01 10:00 London). */
  readonly clock?: Clock
  /** Also serve the web interface. */
  readonly withWeb?: boolean
  /** Replace dependencies (e.g. an audit writer that fails). */
  readonly deps?: (deps: AppDependencies) => AppDependencies
  /** Demo mode (default on); off also makes the test accounts ordinary, non-demo accounts. */
  readonly isDemo?: boolean
  /** Require a second factor (default: only outside demo mode). */
  readonly requireSecondFactor?: boolean
  /** Secure cookies with the __Host- prefix (default off: the tests speak plain HTTP). */
  readonly isCookieSecure?: boolean
  /** The OpenID Connect provider, read when used (tests start one after the app, once its address is known). */
  readonly oidc?: () => OidcSettings | undefined
}

/**
 * Starts a server on a fresh database with two authorities.
 * @param options - settings
 * @returns the running app
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase()
  const baseDeps = createDependencies(db, options.clock ?? fixedClock('2026-02-01T10:00:00Z'))
  const deps = options.deps ? options.deps(baseDeps) : baseDeps
  const isDemo = options.isDemo ?? true
  const north = await makeAuthority(db, baseDeps, 'north', isDemo)
  const south = await makeAuthority(db, baseDeps, 'south', isDemo)
  const app = await buildApplication(deps, {
    isDemo,
    isCookieSecure: options.isCookieSecure ?? false,
    requireSecondFactor: options.requireSecondFactor ?? !isDemo,
    withWeb: options.withWeb ?? false,
    logLevel: 'silent',
    ...(options.oidc ? { oidc: options.oidc } : {}),
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    db,
    deps,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    north,
    south,
    close: async () => {
      await app.close()
      await db.close()
    },
  }
}

export interface ApiResponse<T = unknown> {
  readonly status: number
  readonly body: T
  readonly headers: Headers
}

/**
 * A JSON API client for one user.
 * @param baseUrl - the server
 * @param token - the user's bearer token
 * @returns request helpers
 */
export function apiClient(baseUrl: string, token: string | null) {
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: leave as text
    }
    return { status: response.status, body: parsed as T, headers: response.headers }
  }
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    call,
  }
}
