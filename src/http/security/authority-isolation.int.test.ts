import { addNetworkFixture } from './network-fixture.ts'
import { addReturnDetailsFixture } from './return-details-fixture.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES } from '../../domain/access/policies.ts'
import { testDatabaseKind } from '../../db/testing/test-database.ts'
import { apiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'
import { webClient } from '../testing/web-client.ts'
import { API_PROBES, type ProbeTarget } from './matrix-probes.ts'

// Every route of the server, API and web, called by every role of one authority with the ids of another's child,
// facts and users: nothing of the other authority comes back, and nothing of it changes (security: authorities kept
// apart, by row-level security in the database as well as by the application).
let t: TestApp
let south: ProbeTarget
const SECRET_NAME = 'Zephyrine-Southerly'
const SECRET_CASE = 'SV-SECRET-1'

beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  const builder = apiClient(t.baseUrl, t.south.users['social-worker'].token)
  const register = async (caseNumber: string) =>
    (
      await builder.post<{ id: string }>('/api/v1/children', {
        givenNames: SECRET_NAME,
        familyName: SECRET_NAME,
        dateOfBirthOn: '2015-05-05',
        sex: 'female',
        ethnicity: 'WBRI',
        localCaseNumber: caseNumber,
        teamId: t.south.teamA,
        allocatedWorkerId: t.south.users['social-worker'].id,
      })
    ).body.id
  const childId = await register(SECRET_CASE)
  const sibling = await register('SV-SECRET-2')
  const post = async (path: string, body: unknown) =>
    (await builder.post<Record<string, string>>(`/api/v1/children/${childId}${path}`, body)).body
  const lac = await post('/became-looked-after', {
    startedOn: '2025-06-01',
    legalStatus: 'care-order',
    categoryOfNeed: 'N1',
    placement: { placementType: 'foster-other', postcode: 'SV1 1AA' },
  })
  const relationship = await post('/relationships', {
    relationship: 'aunt',
    person: { givenNames: SECRET_NAME, familyName: 'Aunt' },
  })
  const record = await builder.get<{ relationships: { personId: string }[]; allocations: { id: string }[] }>(
    `/api/v1/children/${childId}`,
  )
  const siblingLink = await post('/siblings', { siblingChildId: sibling, kind: 'full' })
  // The child's plan (version 1), a meeting with an action, and a panel request, for the planning routes.
  await post('/plan', {})
  const meeting = await post('/meetings', {
    kind: 'permanence-planning-meeting',
    heldOn: '2026-03-02',
    chair: { name: 'South Chair', role: 'team-manager' },
    purpose: 'To agree the permanence plan.',
  })
  const recorded = await builder.put(
    `/api/v1/children/${childId}/meetings/${meeting.meetingId}`,
    { actions: [{ id: 'act-south', description: 'Assess', owner: 'South Worker', dueOn: '2026-04-01' }] },
    { 'if-match': 'W/"1"' },
  )
  const panelRequest = await post('/panel-requests', { purpose: 'match', details: SECRET_NAME })
  south = {
    childId,
    factIds: {
      'periods-of-care': lac.periodOfCareId!,
      'legal-statuses': lac.legalStatusId!,
      placements: lac.placementId!,
      reviews: (await post('/reviews', { heldOn: '2025-07-01' })).id!,
      proceedings: (await post('/proceedings', { issuedOn: '2025-08-01' })).id!,
      orders: (await post('/orders', { orderType: 'care-order', madeOn: '2025-09-01' })).id!,
      relationships: relationship.id!,
      siblings: siblingLink.id!,
      allocations: record.body.allocations[0]!.id,
      'living-arrangements': (
        await post('/living-arrangements', {
          personId: record.body.relationships[0]!.personId,
          startedOn: '2025-01-01',
          endedOn: '2025-06-01',
        })
      ).id!,
      events: (await post('/events', { kind: 'statutory-visit', occurredOn: '2025-07-15' })).id!,
      // The child's network (issue 7).
      ...(await addNetworkFixture(post, childId, sibling, record.body.relationships[0]!.personId)),
      // The child's return details (issue 8).
      ...(await addReturnDetailsFixture(post)),
    },
    takenCaseNumber: SECRET_CASE,
    teamId: t.south.teamA,
    ownerId: t.south.users['team-manager'].id,
    missingId: '00000000-0000-4000-8000-00000000beef',
    meetingId: meeting.meetingId!,
    actionId: 'act-south',
    panelRequestId: panelRequest.requestId!,
  }
  if (!south.meetingId || !south.panelRequestId || recorded.status !== 200) {
    throw new Error('The other authority’s meeting or panel request was not made')
  }
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function southFingerprint() {
  return t.db.query(
    `SELECT (SELECT count(*) FROM children WHERE authority_id = $1)::int AS children,
            (SELECT coalesce(sum(version), 0) FROM children WHERE authority_id = $1)::int AS versions,
            (SELECT count(*) FROM record_versions WHERE authority_id = $1)::int AS history,
            (SELECT coalesce(sum(version), 0) FROM users WHERE authority_id = $1)::int AS users,
            (SELECT count(*) FROM sessions WHERE authority_id = $1 AND revoked_at IS NULL)::int AS sessions,
            (SELECT coalesce(sum(version), 0) FROM permanence_plans WHERE authority_id = $1)::int AS plans,
            (SELECT coalesce(sum(version), 0) FROM meetings WHERE authority_id = $1)::int AS meetings,
            (SELECT coalesce(sum(version), 0) FROM panel_requests WHERE authority_id = $1)::int AS panel_requests,
            (SELECT count(*) FROM action_updates WHERE authority_id = $1)::int AS action_updates,
            (SELECT count(*) FROM adm_decisions WHERE authority_id = $1)::int AS adm_decisions,
            (SELECT count(*) FROM decision_events WHERE authority_id = $1)::int AS decisions`,
    [t.south.authorityId],
  )
}

function leaks(text: string): string[] {
  const secrets = [
    SECRET_NAME,
    SECRET_CASE,
    south.childId,
    ...Object.values(south.factIds),
    south.meetingId,
    south.panelRequestId,
    t.south.users['social-worker'].id,
  ]
  return secrets.filter(secret => text.includes(secret))
}

// Every route × every role, one request at a time: longer than the default timeout.
const SLOW = { timeout: 300_000 }

describe(`authorities kept apart by every route on ${testDatabaseKind()}`, () => {
  it('answers every API route, for every role, as if the other authority’s records did not exist', SLOW, async () => {
    const before = await southFingerprint()
    const failures: string[] = []
    let requests = 0
    for (const [key, probe] of Object.entries(API_PROBES)) {
      const method = key.split(' ')[0]!
      for (const role of ROLES) {
        const client = apiClient(t.baseUrl, t.north.users[role].token)
        for (const reason of method === 'GET' ? [undefined, 'Looking across authorities'] : [undefined]) {
          requests += 1
          const response = await client.call(method, probe.path(south), probe.body?.(south), {
            ...(probe.ifMatch ? { 'if-match': 'W/"1"' } : {}),
            ...(reason ? { 'x-break-glass-reason': reason } : {}),
          })
          const text = JSON.stringify(response.body)
          const found = leaks(text)
          if (found.length > 0) {
            failures.push(`${key} as ${role}: response holds ${found.join(', ')}`)
          }
          const targetsSouth = probe.isChildRoute || key.includes(':userId')
          if (targetsSouth && ![404, 403].includes(response.status)) {
            failures.push(`${key} as ${role}: ${response.status}`)
          }
          if (probe.isChildRoute && response.status !== 404) {
            failures.push(`${key} as ${role}: ${response.status}, expected 404`)
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(await southFingerprint()).toEqual(before)
    expect(requests).toBeGreaterThan(400)
  })

  it('shows nothing of the other authority on any page of the web interface', SLOW, async () => {
    const before = await southFingerprint()
    const failures: string[] = []
    const pages = t.app.registeredRoutes.filter(
      r => r.security?.auth === 'session' && (r.method === 'GET' || r.method === 'POST') && r.url !== '/sign-out',
    )
    expect(pages.length).toBeGreaterThan(5)
    for (const role of ROLES) {
      const browser = webClient(t.baseUrl)
      await browser.signIn(t.north.users[role].email, TEST_PASSWORD)
      const home = await browser.get('/account/password')
      const csrf = home.$('input[name="_csrf"]').first().attr('value') ?? ''
      for (const page of pages) {
        const url = page.url.replace(':childId', south.childId).replace(':userId', t.south.users['social-worker'].id)
        const response =
          page.method === 'GET'
            ? await browser.get(url)
            : // A search for the first half of the name: the page echoes what was typed, never the whole name.
              await browser.post(url, { _csrf: csrf, q: 'Zephyrine', breakGlassReason: 'Looking across authorities' })
        const found = leaks(response.text)
        if (found.length > 0) {
          failures.push(`${page.method} ${page.url} as ${role}: page holds ${found.join(', ')}`)
        }
        if (page.url.includes(':childId') && response.status !== 404) {
          failures.push(`${page.method} ${page.url} as ${role}: ${response.status}, expected 404`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(await southFingerprint()).toEqual(before)
  })
})
