/**
 * Runs the authorisation matrix (security SEC-01, AUD-03) against a share of the API routes: every route × every
 * role × every relationship × every sensitivity, each request checked against the pure policy
 * (src/domain/access/policies.ts, itself checked against an independent statement of the rules in policies.test.ts):
 *
 * - allowed: the probe gets past authorisation (its rule or version refusal, or 200), changing nothing;
 * - denied: 404 with exactly the body of a child that does not exist — with or without a break-glass reason;
 * - break-glass: 403 `break-glass-required`, then allowed when the request carries `X-Break-Glass-Reason`;
 * - every request leaves exactly one audit event with the matching outcome.
 */
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import {
  decideAuthorityAccess,
  decideChildAccess,
  ROLES,
  type AuthorityAction,
  type ChildAction,
  type Decision,
} from '../../domain/access/policies.ts'
import { apiClient, type TestApp } from '../testing/test-app.ts'
import { API_PROBES, type Probe, type ProbeTarget } from './matrix-probes.ts'
import { VARIANTS, type MatrixChild, type MatrixWorld } from './matrix-world.ts'

/**
 * The route of each child policy that runs every cell (all 224: 8 roles × 4 relationships × 7 sensitivities, the
 * permitted-set variants included). Every other child route runs every role × relationship against normal, sealed,
 * and restricted records, taking the three restriction categories in turn from route to route, so each category
 * meets every kind of route while the whole matrix stays within a minute (docs/security.md).
 */
export const FULL_MATRIX_ROUTES: readonly string[] = [
  'GET /api/v1/children/:childId',
  'PUT /api/v1/children/:childId',
  'GET /api/v1/children/:childId/access-log',
  'PUT /api/v1/children/:childId/restriction',
]

const CATEGORY_VARIANTS = ['restricted: staff or relative', 'restricted: high profile', 'restricted: high risk']

/**
 * The sensitivity variants a route runs.
 * @param key - "METHOD url"
 * @returns variant names
 */
export function variantsFor(key: string): string[] {
  if (FULL_MATRIX_ROUTES.includes(key)) {
    return VARIANTS.map(v => v.name)
  }
  const childRoutes = Object.keys(API_PROBES)
    .filter(k => API_PROBES[k]!.isChildRoute && !FULL_MATRIX_ROUTES.includes(k))
    .sort()
  const index = Math.max(0, childRoutes.indexOf(key))
  return ['normal', CATEGORY_VARIANTS[index % 3]!, 'sealed']
}

export interface MatrixFigures {
  readonly routes: number
  readonly cells: number
  readonly requests: number
}

interface Expectation {
  readonly requestId: string
  readonly outcomes: readonly string[]
  readonly label: string
}

/**
 * Runs tasks with at most `limit` at a time.
 * @param tasks - the tasks
 * @param limit - how many at once
 */
export async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next]!
      next += 1
      await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
}

function targetFor(world: MatrixWorld, child: MatrixChild | undefined): ProbeTarget {
  return {
    childId: child?.childId ?? world.children[0]!.childId,
    factIds: child?.factIds ?? world.children[0]!.factIds,
    meetingId: (child ?? world.children[0]!).meetingId,
    actionId: (child ?? world.children[0]!).actionId,
    panelRequestId: (child ?? world.children[0]!).panelRequestId,
    takenCaseNumber: 'MX-ANCHOR',
    teamId: world.teamId,
    ownerId: world.owner.id,
    missingId: '00000000-0000-4000-8000-00000000dead',
  }
}

/**
 * Runs the matrix for some routes.
 * @param t - the running app
 * @param world - the fixture
 * @param routeKeys - "METHOD url" of the routes to run
 * @returns the figures
 */
export async function runMatrix(t: TestApp, world: MatrixWorld, routeKeys: readonly string[]): Promise<MatrixFigures> {
  const policies = new Map(t.app.registeredRoutes.map(r => [`${r.method} ${r.url}`, r.security?.policy]))
  const expectations: Expectation[] = []
  const failures: string[] = []
  const cells = new Set<string>()
  let requests = 0
  const send = async (token: string, probe: Probe, target: ProbeTarget, method: string, breakGlassReason?: string) => {
    requests += 1
    return apiClient(t.baseUrl, token).call<{ errors?: { code: string }[] }>(
      method,
      probe.path(target),
      probe.body?.(target),
      {
        ...(probe.ifMatch ? { 'if-match': 'W/"999999"' } : {}),
        ...(breakGlassReason ? { 'x-break-glass-reason': breakGlassReason } : {}),
      },
    )
  }
  const missingTasks: (() => Promise<void>)[] = []
  const tasks: (() => Promise<void>)[] = []
  const comparisons: (() => void)[] = []
  for (const key of routeKeys) {
    const probe = API_PROBES[key]!
    const policy = policies.get(key)
    const method = key.split(' ')[0]!
    if (!policy) {
      failures.push(`${key}: not a registered route`)
      continue
    }
    if (!probe.isChildRoute) {
      for (const role of ROLES) {
        tasks.push(async () => {
          const decision = decideAuthorityAccess(role, policy as AuthorityAction)
          const response = await send(world.users[role].token, probe, targetFor(world, undefined), method)
          const label = `${key} as ${role}`
          check(label, decision === 'allow' ? probe.allowed : [403], response.status)
          expectations.push({
            requestId: response.headers.get('x-request-id')!,
            outcomes: decision === 'allow' ? ['success', 'invalid', 'conflict'] : ['denied'],
            label,
          })
        })
      }
      continue
    }
    const missingTarget: ProbeTarget = {
      ...targetFor(world, undefined),
      childId: randomUUID(),
      factIds: Object.fromEntries(Object.keys(world.children[0]!.factIds).map(k => [k, randomUUID()])),
    }
    let missingBody: unknown
    const denied: { label: string; body: unknown }[] = []
    missingTasks.push(async () => {
      const missing = await send(world.users['agency-decision-maker'].token, probe, missingTarget, method)
      expect(missing.status, `${key} for a missing child`).toBe(404)
      missingBody = missing.body
    })
    const children = world.children.filter(c => variantsFor(key).includes(c.variant.name))
    for (const child of children) {
      for (const role of ROLES) {
        tasks.push(async () => {
          const decision: Decision = decideChildAccess(role, policy as ChildAction, {
            relationship: child.relationship,
            sensitivity: child.variant.sensitivity,
            isInPermittedSet: child.variant.isPermitted,
          })
          cells.add(`${role} | ${child.relationship} | ${child.variant.name}`)
          const label = `${key} as ${role}, ${child.relationship}, ${child.variant.name} (expect ${decision})`
          const token = world.users[role].token
          const target = targetFor(world, child)
          const response = await send(token, probe, target, method)
          const requestId = response.headers.get('x-request-id')!
          if (decision === 'allow') {
            check(label, probe.allowed, response.status)
            expectations.push({ requestId, outcomes: ['success', 'invalid', 'conflict'], label })
          } else if (decision === 'deny') {
            check(label, [404], response.status)
            expectations.push({ requestId, outcomes: ['not-found'], label })
            denied.push({ label, body: response.body })
            if (child.variant.sensitivity !== 'normal' && method === 'GET') {
              const withReason = await send(token, probe, target, method, 'Trying to get in with a reason')
              check(`${label} with a break-glass reason`, [404], withReason.status)
              denied.push({ label: `${label} with a reason`, body: withReason.body })
            }
          } else {
            check(label, [403], response.status)
            if (response.body.errors?.[0]?.code !== 'break-glass-required') {
              failures.push(`${label}: 403 without break-glass-required`)
            }
            expectations.push({ requestId, outcomes: ['denied'], label })
            const opened = await send(token, probe, target, method, 'Matrix: checking the break-glass route')
            check(`${label} with a break-glass reason`, probe.allowed, opened.status)
            expectations.push({
              requestId: opened.headers.get('x-request-id')!,
              outcomes: ['success', 'invalid', 'conflict'],
              label: `${label} with a reason`,
            })
          }
        })
      }
    }
    comparisons.push(() => {
      for (const { label, body } of denied) {
        if (JSON.stringify(body) !== JSON.stringify(missingBody)) {
          failures.push(`${label}: 404 body differs from a missing child's: ${JSON.stringify(body)}`)
        }
      }
    })
  }
  function check(label: string, allowed: readonly number[], status: number) {
    if (!allowed.includes(status)) {
      failures.push(`${label}: got ${status}, expected ${allowed.join(' or ')}`)
    }
  }
  await runLimited(missingTasks, 4)
  await runLimited(tasks, 8)
  comparisons.forEach(compare => compare())
  expect(failures).toEqual([])

  const byRequest = new Map<string, string[]>()
  const ids = expectations.map(e => e.requestId)
  for (let i = 0; i < ids.length; i += 2000) {
    const rows = await t.db.query<{ request_id: string; outcome: string }>(
      `SELECT request_id, outcome FROM audit_events WHERE request_id = ANY($1::text[])`,
      [ids.slice(i, i + 2000)],
    )
    for (const row of rows) {
      byRequest.set(row.request_id, [...(byRequest.get(row.request_id) ?? []), row.outcome])
    }
  }
  const auditFailures = expectations.flatMap(e => {
    const found = byRequest.get(e.requestId) ?? []
    return found.length === 1 && e.outcomes.includes(found[0]!)
      ? []
      : [`${e.label}: audit events ${JSON.stringify(found)}, expected one of ${e.outcomes.join('/')}`]
  })
  expect(auditFailures).toEqual([])
  return { routes: routeKeys.length, cells: cells.size, requests }
}

/**
 * One of two shares of the routes, of about equal cost, so two test files can run the matrix on both cores.
 * @param share - 0 or 1
 * @returns "METHOD url" of the routes in that share
 */
export function matrixShare(share: 0 | 1): string[] {
  const cost = (key: string) => (API_PROBES[key]!.isChildRoute ? variantsFor(key).length : 0.2)
  const shares: [string[], string[]] = [[], []]
  const totals: [number, number] = [0, 0]
  for (const key of Object.keys(API_PROBES).sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const into = totals[0] <= totals[1] ? 0 : 1
    shares[into].push(key)
    totals[into] += cost(key)
  }
  return shares[share]
}
