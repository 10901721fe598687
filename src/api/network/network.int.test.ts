/**
 * The network API against the real database over real HTTP: a grandmother mapped with her culture, a family network
 * meeting, a connected-person assessment whose temporary approval drives CON-01/CON-02, an SGO notice, family time
 * with a session and a suspension under the 7-day rule (KIT-01), life story work, brothers and sisters split with
 * no Together-or-Apart assessment on the manager's list until one is recorded, and a sibling link that both
 * children can read, correct and void.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

const clock = movableClock('2026-01-12')
let t: TestApp
let api: ReturnType<typeof apiClient>
let manager: ReturnType<typeof apiClient>
let childId: string
let brotherId: string
let grandmotherId: string
let motherId: string

type Body = Record<string, unknown> & { errors?: { path: string; code: string; message: string }[] }

beforeAll(async () => {
  t = await startTestApp({ clock })
  api = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  childId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Wren' })
  brotherId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Alder' })
  const gran = await api.post<{ id: string }>(`/api/v1/children/${childId}/relationships`, {
    person: {
      givenNames: 'Maud',
      familyName: 'Puddleby',
      sex: 'female',
      dateOfBirthOn: '1960-05-01',
      culture: 'Irish Traveller',
      religion: 'Roman Catholic',
      language: 'English and Shelta',
    },
    relationship: 'grandparent',
    closeness: 'very-close',
    sideOfFamily: 'maternal',
    strengths: 'Has cared for Wren at weekends since birth',
  })
  expect(gran.status, JSON.stringify(gran.body)).toBe(201)
  const mother = await api.post<{ id: string }>(`/api/v1/children/${childId}/relationships`, {
    person: { givenNames: 'Rose', familyName: 'Puddleby', sex: 'female' },
    relationship: 'mother',
    holdsParentalResponsibility: true,
    closeness: 'conflicted',
    sideOfFamily: 'maternal',
  })
  expect(mother.status).toBe(201)
  const network = await api.get<{ people: { personId: string; name: string }[] }>(`/api/v1/children/${childId}/network`)
  grandmotherId = network.body.people.find(p => p.name === 'Maud Puddleby')!.personId
  motherId = network.body.people.find(p => p.name === 'Rose Puddleby')!.personId
})
afterAll(async () => {
  await t?.close()
})

describe('the network API', () => {
  it('keeps the cultural genogram facts of each person and relationship', async () => {
    const network = await api.get<Body & { people: Record<string, unknown>[] }>(`/api/v1/children/${childId}/network`)
    expect(network.status).toBe(200)
    expect(network.body.people).toContainEqual(
      expect.objectContaining({
        name: 'Maud Puddleby',
        relationship: 'grandparent',
        culture: 'Irish Traveller',
        religion: 'Roman Catholic',
        language: 'English and Shelta',
        closeness: 'very-close',
        sideOfFamily: 'maternal',
      }),
    )
  })

  it('records a family network meeting, refusing a future date and naming the field', async () => {
    const future = await api.post<Body>(`/api/v1/children/${childId}/network/family-meetings`, {
      kind: 'family-network-meeting',
      heldOn: '2026-02-01',
    })
    expect(future.status).toBe(422)
    expect(future.body.errors).toEqual([
      { path: 'heldOn', code: 'date-in-future', message: 'The date must be today or in the past' },
    ])
    const missing = await api.post<Body>(`/api/v1/children/${childId}/network/family-meetings`, {
      heldOn: '2026-01-10',
    })
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0]).toMatchObject({ path: 'kind', code: 'required' })
    const held = await api.post<Body>(`/api/v1/children/${childId}/network/family-meetings`, {
      kind: 'family-group-conference',
      heldOn: '2026-01-10',
      attendeePersonIds: [grandmotherId, motherId],
      offers: [{ personId: grandmotherId, kind: 'full-time-care', details: 'Maud offers to care for Wren' }],
      familyPlan: 'Maud to be assessed as a connected person.',
    })
    expect(held.status).toBe(201)
    const network = await api.get<Body & { familyMeetings: Record<string, unknown>[] }>(
      `/api/v1/children/${childId}/network`,
    )
    expect(network.body.familyMeetings[0]).toMatchObject({
      kind: 'family-group-conference',
      attendeePersonIds: [grandmotherId, motherId],
      offers: [{ personId: grandmotherId, kind: 'full-time-care', details: 'Maud offers to care for Wren' }],
    })
  })

  it('starts the CON-01 clock from a connected person’s temporary approval, and CON-02 from one extension', async () => {
    const tooLong = await api.post<Body>(`/api/v1/children/${childId}/network/kinship-assessments`, {
      personId: grandmotherId,
      kind: 'connected-person',
      startedOn: '2026-01-05',
      temporaryApprovalOn: '2026-01-05',
      extensionGrantedOn: '2026-01-06',
      extensionWeeks: 9,
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.errors?.[0]).toMatchObject({ path: 'extensionWeeks', code: 'extension-too-long' })
    const moved = await api.post(`/api/v1/children/${childId}/placement-moves`, {
      movedOn: '2026-01-05',
      reasonEnded: 'care-plan',
      placement: {
        placementType: 'connected-foster-other',
        carerPersonId: grandmotherId,
        providerType: 'own-authority',
      },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(201)
    const assessed = await api.post<{ id: string }>(`/api/v1/children/${childId}/network/kinship-assessments`, {
      personId: grandmotherId,
      kind: 'connected-person',
      startedOn: '2026-01-05',
      temporaryApprovalOn: '2026-01-05',
    })
    expect(assessed.status).toBe(201)
    let network = await api.get<Body & { timescales: { rule: string; dueOn: string | null }[] }>(
      `/api/v1/children/${childId}/network`,
    )
    // CPPCR reg 24; rules.md CON-01: 16 weeks from 5 January 2026.
    expect(network.body.timescales.find(i => i.rule === 'CON-01')?.dueOn).toBe('2026-04-27')
    const extended = await api.put<Body>(
      `/api/v1/children/${childId}/network/kinship-assessments/${assessed.body.id}`,
      {
        personId: grandmotherId,
        kind: 'connected-person',
        startedOn: '2026-01-05',
        temporaryApprovalOn: '2026-01-05',
        extensionGrantedOn: '2026-01-12',
        extensionWeeks: 8,
        reason: 'Nominated officer extended approval',
      },
      { 'if-match': 'W/"1"' },
    )
    expect(extended.status, JSON.stringify(extended.body)).toBe(200)
    network = await api.get(`/api/v1/children/${childId}/network`)
    expect(network.body.timescales.find(i => i.rule === 'CON-02')?.dueOn).toBe('2026-06-22')
    const versions = await api.get<{ versions: { version: number; changeReason: string | null }[] }>(
      `/api/v1/children/${childId}/network/kinship-assessments/${assessed.body.id}/versions`,
    )
    expect(versions.body.versions.map(v => v.changeReason)).toEqual(['Recorded', 'Nominated officer extended approval'])
  })

  it('tracks an SGO notice and the earliest day an application can follow it (SGO-01, T16)', async () => {
    const notice = await api.post(`/api/v1/children/${childId}/network/sgo-notices`, {
      personId: grandmotherId,
      givenOn: '2025-11-30',
    })
    expect(notice.status).toBe(201)
    const network = await api.get<Body & { sgoNotices: { earliestApplicationOn: string }[] }>(
      `/api/v1/children/${childId}/network`,
    )
    expect(network.body.sgoNotices[0]?.earliestApplicationOn).toBe('2026-03-01')
  })

  it('plans family time, records sessions and suspends under the 7-day rule for a child under an ICO (KIT-01)', async () => {
    const plan = await api.post<{ id: string }>(`/api/v1/children/${childId}/network/family-time-plans`, {
      personId: motherId,
      mode: 'direct',
      sessionsPerPeriod: 2,
      period: 'week',
      durationMinutes: 90,
      venue: 'Family centre',
      supervision: 'supervised',
      transport: 'Carer drives',
      purpose: 'To keep Wren’s bond with her mother',
      startedOn: '2025-12-01',
    })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    const noWho = await api.post<Body>(`/api/v1/children/${childId}/network/family-time-sessions`, {
      planId: plan.body.id,
      occurredOn: '2026-01-08',
      outcome: 'cancelled',
    })
    expect(noWho.status).toBe(422)
    expect(noWho.body.errors).toEqual([
      { path: 'cancelledBy', code: 'cancelled-by-required', message: 'Select who cancelled the session' },
    ])
    for (const session of [
      { occurredOn: '2026-01-08', outcome: 'cancelled', cancelledBy: 'parent' },
      { occurredOn: '2026-01-06', outcome: 'attended', childExperience: 'Wren enjoyed baking with her mother' },
    ]) {
      const recorded = await api.post(`/api/v1/children/${childId}/network/family-time-sessions`, {
        planId: plan.body.id,
        ...session,
      })
      expect(recorded.status).toBe(201)
    }
    const suspended = await api.post(`/api/v1/children/${childId}/network/family-time-suspensions`, {
      planId: plan.body.id,
      suspendedOn: '2026-01-10',
      reason: 'Mother arrived intoxicated',
    })
    expect(suspended.status).toBe(201)
    const network = await api.get<
      Body & {
        timescales: { rule: string; dueOn: string | null }[]
        familyTime: {
          isSuspended: boolean
          suspensions: { path: { kind: string; state: string; limitOn: string } }[]
          plannedVersusActual: { happened: number; cancelled: number; planned: number }[]
        }[]
      }
    >(`/api/v1/children/${childId}/network`)
    expect(network.body.timescales.find(i => i.rule === 'KIT-01')?.dueOn).toBe('2026-01-17')
    const familyTime = network.body.familyTime[0]!
    expect(familyTime.isSuspended).toBe(true)
    expect(familyTime.suspensions[0]?.path).toEqual({
      kind: 'section-34',
      limitOn: '2026-01-17',
      state: 'within-limit',
    })
    expect(familyTime.plannedVersusActual.at(-1)).toMatchObject({ happened: 1, cancelled: 1 })
  })

  it('lists life story work with its owner, due date and status', async () => {
    const item = await api.post(`/api/v1/children/${childId}/network/life-story-work`, {
      kind: 'later-life-letter',
      owner: 'Sam Worker',
      dueOn: '2026-01-01',
      status: 'in-progress',
    })
    expect(item.status).toBe(201)
    const network = await api.get<Body & { lifeStoryWork: { kind: string; state: string }[] }>(
      `/api/v1/children/${childId}/network`,
    )
    expect(network.body.lifeStoryWork).toEqual([
      expect.objectContaining({ kind: 'later-life-letter', state: 'overdue' }),
    ])
  })

  it('shows a manager every sibling group split without an assessment, until one is recorded', async () => {
    const link = await api.post<{ id: string }>(`/api/v1/children/${childId}/siblings`, {
      siblingChildId: brotherId,
      kind: 'full',
    })
    expect(link.status).toBe(201)
    // Both children can see, correct and void the link (it is stored once, under the lower id).
    for (const id of [childId, brotherId]) {
      const versions = await api.get(`/api/v1/children/${id}/siblings/${link.body.id}/versions`)
      expect(versions.status).toBe(200)
    }
    const corrected = await api.put(
      `/api/v1/children/${brotherId}/siblings/${link.body.id}`,
      { kind: 'half', reason: 'Different fathers' },
      { 'if-match': 'W/"1"' },
    )
    expect(corrected.status).toBe(200)
    const split = await manager.get<{ groups: { children: { id: string }[]; pairs: { warnings: string[] }[] }[] }>(
      '/api/v1/sibling-groups/split',
    )
    expect(split.status).toBe(200)
    const group = split.body.groups.find(g => g.children.some(c => c.id === childId))
    expect(group?.children.map(c => c.id).sort()).toEqual([childId, brotherId].sort())
    expect(group?.pairs[0]?.warnings).toContain('apart-without-assessment')
    const workerList = await api.get('/api/v1/sibling-groups/split')
    expect(workerList.status).toBe(403)
    const assessed = await api.post(`/api/v1/children/${brotherId}/network/sibling-assessments`, {
      childIds: [brotherId, childId],
      assessedOn: '2026-01-11',
      pairs: [
        {
          childId: brotherId,
          siblingChildId: childId,
          outcome: 'apart',
          reasons: 'Alder needs a home where he is the only child for now',
          contactPlan: 'Fortnightly family time at the family centre',
        },
      ],
    })
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201)
    const after = await manager.get<{ groups: { children: { id: string }[] }[] }>('/api/v1/sibling-groups/split')
    expect(after.body.groups.some(g => g.children.some(c => c.id === childId))).toBe(false)
    const voided = await api.post(
      `/api/v1/children/${brotherId}/siblings/${link.body.id}/void`,
      { reason: 'Recorded against the wrong child' },
      { 'if-match': 'W/"2"' },
    )
    expect(voided.status).toBe(200)
  })
})
