/**
 * Meetings through the API: a sibling group's PPM with an outcome per child, the plans that show each other, actions
 * updated after the meeting (append-only, with a version so two people cannot both change one), overdue actions in
 * the facts the timescale engine reads, cancellation and correction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endorsableContent } from '../../domain/plans/testing/fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'

type Client = ReturnType<typeof apiClient>
interface ErrorBody {
  errors: { path: string; code: string; message: string }[]
}

const clock = movableClock('2025-11-03')
let t: TestApp
let worker: Client
let manager: Client
let older: string
let younger: string

function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `W/"${version}"` }
}

function codesOf(body: unknown): string[] {
  return (body as ErrorBody).errors.map(error => error.code)
}

beforeAll(async () => {
  t = await startTestApp({ clock })
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  older = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-11-03', givenNames: 'Bramble' })
  younger = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-11-03', givenNames: 'Clover' })
  expect(
    (await worker.post(`/api/v1/children/${older}/siblings`, { siblingChildId: younger, kind: 'full' })).status,
  ).toBe(201)
})
afterAll(async () => {
  await t?.close()
})

describe('a sibling group', () => {
  let meetingId: string
  let planIds: Record<string, string>

  it('has one PPM with an outcome for each child, and each child’s plan names the other’s', async () => {
    clock.setDay('2025-12-16')
    planIds = {}
    for (const childId of [older, younger]) {
      // The younger child's plan refers to the older's; the older's does not yet refer to the younger's.
      const siblingPlans = childId === younger ? [{ childId: older }] : []
      const started = await worker.post<{ planId: string }>(`/api/v1/children/${childId}/plan`, {
        ...endorsableContent(),
        siblingPlans,
        siblingAssessmentSummary: 'Together or apart assessment: they should live together.',
      })
      expect(started.status, JSON.stringify(started.body)).toBe(201)
      planIds[childId] = started.body.planId
      await worker.post(
        `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
        { ppmOn: '2025-12-22' },
        ifMatch(1),
      )
    }
    const stranger = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-11-03', givenNames: 'Linden' })
    const notSiblings = await worker.post(`/api/v1/children/${older}/meetings`, {
      kind: 'permanence-planning-meeting',
      heldOn: '2025-12-22',
      chair: { name: 'Tess Manager', role: 'team-manager' },
      childIds: [older, stranger],
    })
    expect(notSiblings.status).toBe(422)
    expect(codesOf(notSiblings.body)).toEqual(['sibling-not-linked'])

    clock.setDay('2025-12-22')
    const booked = await worker.post<{ meetingId: string }>(`/api/v1/children/${older}/meetings`, {
      kind: 'permanence-planning-meeting',
      heldOn: '2025-12-22',
      chair: { name: 'Tess Manager', userId: t.north.users['team-manager'].id, role: 'team-manager' },
      childIds: [older, younger],
      purpose: 'A joint meeting for the brother and sister.',
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    meetingId = booked.body.meetingId
    const recorded = await worker.put(
      `/api/v1/children/${younger}/meetings/${meetingId}`,
      {
        invitees: [{ id: 'tm', name: 'Tess Manager', role: 'team-manager', attendance: 'attended' }],
        childOutcomes: [{ childId: older, outcome: 'Twin tracking.', planId: planIds[older], planVersion: 1 }],
        actions: [
          { id: 'a-older', childId: older, description: 'Life story work', owner: 'Sam Worker', dueOn: '2026-01-05' },
          { id: 'a-both', description: 'Together or apart assessment', owner: 'Sam Worker', dueOn: '2026-03-01' },
        ],
        minutes: 'Discussed both children.',
        nextMeetingOn: '2026-03-23',
      },
      ifMatch(1),
    )
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200)
    const missingOutcome = await manager.post(
      `/api/v1/children/${older}/meetings/${meetingId}/close`,
      undefined,
      ifMatch(2),
    )
    expect(codesOf(missingOutcome.body)).toEqual(['child-outcome-missing'])
    await worker.put(
      `/api/v1/children/${older}/meetings/${meetingId}`,
      {
        childOutcomes: [
          { childId: older, outcome: 'Twin tracking.', planId: planIds[older], planVersion: 1 },
          { childId: younger, outcome: 'Twin tracking.', planId: planIds[younger], planVersion: 1 },
        ],
      },
      ifMatch(2),
    )
    const closed = await manager.post(`/api/v1/children/${younger}/meetings/${meetingId}/close`, undefined, ifMatch(3))
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    for (const childId of [older, younger]) {
      const plan = await worker.get<{ status: string }>(`/api/v1/children/${childId}/plan/versions/1`)
      expect(plan.body.status).toBe('considered-at-ppm')
    }

    // Each child's plan must refer to the other's ([TAM] App 5 note: the plans show each other).
    const first = await manager.post(
      `/api/v1/children/${older}/plan/versions/1/endorse`,
      { reasons: 'Agreed at the joint PPM.' },
      ifMatch(3),
    )
    expect(codesOf(first.body)).toEqual(['sibling-plan-not-referenced'])
    const second = await manager.post(
      `/api/v1/children/${younger}/plan/versions/1/endorse`,
      { reasons: 'Agreed at the joint PPM.' },
      ifMatch(3),
    )
    expect(second.status, JSON.stringify(second.body)).toBe(200)

    const overview = await worker.get<{ siblings: { childId: string; name: string; plan: { status: string } }[] }>(
      `/api/v1/children/${older}/plan`,
    )
    expect(overview.body.siblings).toEqual([
      expect.objectContaining({
        childId: younger,
        name: 'Clover Puddleby',
        plan: expect.objectContaining({ status: 'endorsed' }),
      }),
    ])
  })

  it('tracks the meeting’s actions for each child, overdue ones marked, and takes updates with a version', async () => {
    clock.setDay('2026-01-12')
    const actions = await worker.get<{
      actions: { id: string; isOverdue: boolean; version: number; childId: string | null }[]
    }>(`/api/v1/children/${older}/actions`)
    expect(actions.body.actions.map(a => [a.id, a.isOverdue, a.version])).toEqual([
      ['a-older', true, 1],
      ['a-both', false, 1],
    ])
    const youngerActions = await worker.get<{ actions: { id: string }[] }>(`/api/v1/children/${younger}/actions`)
    expect(youngerActions.body.actions.map(a => a.id)).toEqual(['a-both'])

    const facts = await worker.get<{ meetings: { actions: { actionId: string; isOverdue: boolean }[] } }>(
      `/api/v1/children/${older}/planning-facts`,
    )
    expect(facts.body.meetings.actions).toEqual([
      expect.objectContaining({ actionId: 'a-older', isOverdue: true }),
      expect.objectContaining({ actionId: 'a-both', isOverdue: false }),
    ])

    const path = `/api/v1/children/${older}/meetings/${meetingId}/actions/a-older/updates`
    const noReason = await worker.post(path, { status: 'dropped', on: '2026-01-12' }, ifMatch(1))
    expect(codesOf(noReason.body)).toEqual(['action-dropped-without-reason'])
    const done = await worker.post<{ version: number }>(path, { status: 'done', on: '2026-01-10' }, ifMatch(1))
    expect(done.status, JSON.stringify(done.body)).toBe(201)
    expect(done.body.version).toBe(2)
    const second = await manager.post(path, { status: 'open', on: '2026-01-12', note: 'Not finished.' }, ifMatch(1))
    expect(second.status).toBe(412)
    const after = await worker.get<{ actions: { id: string; status: string; isOverdue: boolean }[] }>(
      `/api/v1/children/${older}/actions`,
    )
    expect(after.body.actions.find(a => a.id === 'a-older')).toMatchObject({ status: 'done', isOverdue: false })
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM action_updates`)
    expect(rows[0]!.n).toBe(1)
  })

  it('refuses to change a closed meeting, corrects it with a reason, and keeps the closed version', async () => {
    const edit = await worker.put(
      `/api/v1/children/${older}/meetings/${meetingId}`,
      { minutes: 'Changed.' },
      ifMatch(4),
    )
    expect(codesOf(edit.body)).toEqual(['meeting-closed'])
    const noReason = await manager.post(
      `/api/v1/children/${older}/meetings/${meetingId}/corrections`,
      { edit: { minutes: 'Discussed both children and their grandmother.' }, reason: '' },
      ifMatch(4),
    )
    expect(codesOf(noReason.body)).toEqual(['reasons-required'])
    const corrected = await manager.post<{ meetingVersion: number }>(
      `/api/v1/children/${older}/meetings/${meetingId}/corrections`,
      {
        edit: { minutes: 'Discussed both children and their grandmother.' },
        reason: 'The grandmother’s part was left out.',
      },
      ifMatch(4),
    )
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)
    expect(corrected.body.meetingVersion).toBe(2)
    const history = await t.db.query<{ minutes: string }>(
      `SELECT data->'meeting'->'record'->>'minutes' AS minutes FROM record_versions
        WHERE table_name = 'meetings' AND record_id = $1 ORDER BY version`,
      [meetingId],
    )
    expect(history.map(row => row.minutes)).toContain('Discussed both children.')
    expect(history.at(-1)!.minutes).toBe('Discussed both children and their grandmother.')
  })

  it('cancels a booked meeting with reasons, and a cancelled PPM is not a held one', async () => {
    const booked = await worker.post<{ meetingId: string }>(`/api/v1/children/${older}/meetings`, {
      kind: 'permanence-planning-meeting',
      heldOn: '2026-03-23',
      chair: { name: 'Tess Manager', role: 'team-manager' },
    })
    const cancelled = await worker.post(
      `/api/v1/children/${older}/meetings/${booked.body.meetingId}/cancel`,
      { reasons: 'The chair is ill; rebooked for the following week.' },
      ifMatch(1),
    )
    expect(cancelled.status).toBe(200)
    const facts = await worker.get<{ permanenceMeetings: { date: string }[] }>(
      `/api/v1/children/${older}/planning-facts`,
    )
    expect(facts.body.permanenceMeetings.map(m => m.date)).toEqual(['2025-12-22'])
    const again = await worker.post(
      `/api/v1/children/${older}/meetings/${booked.body.meetingId}/cancel`,
      { reasons: 'Twice.' },
      ifMatch(2),
    )
    expect(codesOf(again.body)).toEqual(['meeting-cancelled'])
  })

  it('refuses decisions without reasons and records a child in care review only while the child is looked after', async () => {
    const review = await manager.post<{ meetingId: string }>(`/api/v1/children/${older}/meetings`, {
      kind: 'statutory-review',
      heldOn: '2025-10-01',
      chair: { name: 'Imran Reviewer', userId: t.north.users.iro.id, role: 'iro' },
    })
    expect(review.status, JSON.stringify(review.body)).toBe(201)
    const noReasons = await manager.put<ErrorBody>(
      `/api/v1/children/${older}/meetings/${review.body.meetingId}`,
      { decisions: [{ id: 'd1', childId: older, decision: 'Stay with carers.', reasons: '' }] },
      ifMatch(1),
    )
    expect(noReasons.body.errors.map(e => [e.path, e.code])).toEqual([
      ['decisions.0.reasons', 'decision-reasons-missing'],
    ])
    await manager.put(
      `/api/v1/children/${older}/meetings/${review.body.meetingId}`,
      { childOutcomes: [{ childId: older, outcome: 'Reviewed.' }], minutes: 'A review before care began.' },
      ifMatch(1),
    )
    const iroClient = apiClient(t.baseUrl, t.north.users.iro.token)
    const closed = await iroClient.post<ErrorBody>(
      `/api/v1/children/${older}/meetings/${review.body.meetingId}/close`,
      undefined,
      ifMatch(2),
    )
    expect(closed.status).toBe(422)
    expect(closed.body.errors.map(e => [e.path, e.code])).toEqual([['heldOn', 'review-before-looked-after']])
    const record = await worker.get<{ reviews: unknown[] }>(`/api/v1/children/${older}`)
    expect(record.body.reviews).toEqual([])
  })
})
