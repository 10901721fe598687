/**
 * The plan lifecycle through the API, on a real database: a social worker writes a plan with twin tracking and a
 * viable contingency, sends it to the team manager, a PPM (chaired by the manager) considers it, the manager
 * endorses it and the IRO ratifies it at a child in care review, which the care record then holds. Then each of the
 * lifecycle's refusals, one by one, and the Dorset Golden Rules and the Tameside template as checks of a plan that
 * meets them and one that does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endorsableContent, option } from '../../domain/plans/testing/fixtures.ts'
import type { GuidanceCheck } from '../../domain/plans/guidance-checks.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import {
  docxText,
  download,
  lookedAfterChild,
  movableClock,
  pdfText,
  usePlanningGuidance,
} from '../../http/testing/planning-fixtures.ts'

type Client = ReturnType<typeof apiClient>
interface ErrorBody {
  errors: { path: string; code: string; message: string }[]
}
interface ChangeBody {
  planId: string
  planVersion: number
  rowVersion: number
  status: string
}

const clock = movableClock('2025-10-01')
let t: TestApp
let worker: Client
let manager: Client
let iro: Client

beforeAll(async () => {
  t = await startTestApp({ clock })
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  iro = apiClient(t.baseUrl, t.north.users.iro.token)
  await usePlanningGuidance(t.db, t.north.authorityId, 'dorset')
  // The timescale engine follows Dorset's policy pack for this authority too (PP-03, PP-04, PP-07 apply).
  await t.db.query(`UPDATE authorities SET policy_pack = 'dorset' WHERE authority_id = $1`, [t.north.authorityId])
  await usePlanningGuidance(t.db, t.south.authorityId, 'tameside')
})
afterAll(async () => {
  await t?.close()
})

function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `W/"${version}"` }
}

function codesOf(body: unknown): string[] {
  return (body as ErrorBody).errors.map(error => error.code)
}

const TM_CHAIR = () => ({ name: 'Tess Manager', userId: t.north.users['team-manager'].id, role: 'team-manager' })
const IRO_CHAIR = () => ({ name: 'Imran Reviewer', userId: t.north.users.iro.id, role: 'iro' })

async function bookMeeting(client: Client, childId: string, body: Record<string, unknown>): Promise<string> {
  const booked = await client.post<{ meetingId: string }>(`/api/v1/children/${childId}/meetings`, body)
  expect(booked.status, JSON.stringify(booked.body)).toBe(201)
  return booked.body.meetingId
}

async function planVersion(client: Client, childId: string, version: number): Promise<number> {
  const found = await client.get<{ rowVersion: number }>(`/api/v1/children/${childId}/plan/versions/${version}`)
  expect(found.status).toBe(200)
  expect(found.headers.get('etag')).toBe(`W/"${found.body.rowVersion}"`)
  return found.body.rowVersion
}

/** Records a PPM about the children as held today and closes it as the manager, naming each child's plan. */
async function holdPpm(
  childIds: string[],
  plans: Record<string, { planId: string; planVersion: number }>,
  nextMeetingOn: string | null = '2026-03-02',
  actionReviews: Record<string, unknown>[] = [],
): Promise<string> {
  const [first] = childIds
  const meetingId = await bookMeeting(worker, first!, {
    kind: 'permanence-planning-meeting',
    heldOn: clock.today(),
    chair: TM_CHAIR(),
    childIds,
    purpose: 'To agree the permanence plan.',
  })
  const recorded = await worker.put(
    `/api/v1/children/${first}/meetings/${meetingId}`,
    {
      invitees: [
        { id: 'inv-tm', name: 'Tess Manager', role: 'team-manager', attendance: 'attended' },
        { id: 'inv-iro', name: 'Imran Reviewer', role: 'iro', attendance: 'attended' },
        {
          id: 'inv-mum',
          name: 'Kelly Puddleby',
          role: 'parent',
          holdsParentalResponsibility: true,
          attendance: 'attended',
        },
      ],
      childOutcomes: childIds.map(childId => ({
        childId,
        outcome: 'Twin tracking agreed; the contingency is viable.',
        planId: plans[childId]?.planId ?? null,
        planVersion: plans[childId]?.planVersion ?? null,
      })),
      decisions: childIds.map((childId, index) => ({
        id: `dec-${index}`,
        childId,
        decision: 'Special guardianship with the grandmother is the plan.',
        reasons: 'Positive viability assessment; the child wants to live with her.',
      })),
      actions: [
        { id: 'act-sgo', description: 'Complete the SGO assessment', owner: 'Sam Worker', dueOn: '2026-02-20' },
      ],
      minutes: 'The meeting considered every option in the balance sheet.',
      nextMeetingOn,
      actionReviews,
    },
    ifMatch(1),
  )
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(200)
  return meetingId
}

describe('the plan lifecycle, through the API', () => {
  let childId: string
  let planId: string
  let ppmId: string
  let reviewId: string

  it('a social worker starts a plan with twin tracking and a viable contingency, and sends it on time', async () => {
    childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-10-01' })
    clock.setDay('2025-10-20')
    expect((await worker.post(`/api/v1/children/${childId}/reviews`, { heldOn: '2025-10-20' })).status).toBe(201)

    clock.setDay('2025-12-16')
    const started = await worker.post<ChangeBody>(`/api/v1/children/${childId}/plan`, endorsableContent())
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect(started.body).toMatchObject({ planVersion: 1, rowVersion: 1, status: 'draft' })
    expect(started.headers.get('location')).toBe(`/api/v1/children/${childId}/plan/versions/1`)
    planId = started.body.planId

    const again = await worker.post(`/api/v1/children/${childId}/plan`, {})
    expect(again.status).toBe(409)
    expect(codesOf(again.body)).toEqual(['plan-already-started'])

    clock.setDay('2025-12-17')
    const sent = await worker.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
      { ppmOn: '2025-12-22' },
      ifMatch(1),
    )
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body.status).toBe('sent-to-manager')
    const v1 = await worker.get<{ submission: { isLate: boolean; latestOn: string } }>(
      `/api/v1/children/${childId}/plan/versions/1`,
    )
    // [DOR] "3 days in advance": for a PPM on Monday 22 December the last on-time day is Friday 19 December.
    expect(v1.body.submission).toMatchObject({ isLate: false, latestOn: '2025-12-19' })
  })

  it('refuses to close a PPM without the next one booked, and lets only the chair close it', async () => {
    clock.setDay('2025-12-22')
    ppmId = await holdPpm([childId], { [childId]: { planId, planVersion: 1 } }, null)
    const noNext = await manager.post(`/api/v1/children/${childId}/meetings/${ppmId}/close`, undefined, ifMatch(2))
    expect(noNext.status).toBe(422)
    expect(codesOf(noNext.body)).toEqual(['next-ppm-not-booked'])

    const booked = await worker.put(
      `/api/v1/children/${childId}/meetings/${ppmId}`,
      { nextMeetingOn: '2026-03-02' },
      ifMatch(2),
    )
    expect(booked.status).toBe(200)
    const byWorker = await worker.post(`/api/v1/children/${childId}/meetings/${ppmId}/close`, undefined, ifMatch(3))
    expect(byWorker.status).toBe(422)
    expect(codesOf(byWorker.body)).toEqual(['role-not-permitted'])

    const stale = await manager.post(`/api/v1/children/${childId}/meetings/${ppmId}/close`, undefined, ifMatch(2))
    expect(stale.status).toBe(412)
    const closed = await manager.post(`/api/v1/children/${childId}/meetings/${ppmId}/close`, undefined, ifMatch(3))
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)

    // Closing the PPM recorded that it considered the plan named in the child's outcome.
    const plan = await worker.get<{ status: string; consideredAtPpm: { meetingId: string; heldOn: string } }>(
      `/api/v1/children/${childId}/plan/versions/1`,
    )
    expect(plan.body).toMatchObject({ status: 'considered-at-ppm', consideredAtPpm: { meetingId: ppmId } })
  })

  it('lets the team manager endorse it, and not the social worker', async () => {
    clock.setDay('2025-12-23')
    const rowVersion = await planVersion(manager, childId, 1)
    const byWorker = await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: 'Ready.' },
      ifMatch(rowVersion),
    )
    expect(byWorker.status).toBe(404)
    const noReasons = await manager.post(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: '  ' },
      ifMatch(rowVersion),
    )
    expect(codesOf(noReasons.body)).toEqual(['reasons-required'])
    const endorsed = await manager.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: 'Twin tracking with a viable contingency; the grandmother’s assessment is positive so far.' },
      ifMatch(rowVersion),
    )
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(200)
    expect(endorsed.body.status).toBe('endorsed')
  })

  it('lets the IRO ratify it only at a child in care review that was held, which the care record then holds', async () => {
    clock.setDay('2026-01-12')
    const rowVersion = await planVersion(iro, childId, 1)
    const atPpm = await iro.post(
      `/api/v1/children/${childId}/plan/versions/1/ratify`,
      { reviewMeetingId: ppmId, reasons: 'Agreed.' },
      ifMatch(rowVersion),
    )
    expect(atPpm.status).toBe(422)
    expect(codesOf(atPpm.body)).toEqual(['meeting-not-a-statutory-review', 'review-before-endorsement'])
    const noReview = await iro.post(
      `/api/v1/children/${childId}/plan/versions/1/ratify`,
      { reviewMeetingId: '00000000-0000-4000-8000-000000000001', reasons: 'Agreed.' },
      ifMatch(rowVersion),
    )
    expect(codesOf(noReview.body)).toEqual(['meeting-not-found'])

    reviewId = await bookMeeting(iro, childId, {
      kind: 'statutory-review',
      heldOn: '2026-01-12',
      chair: IRO_CHAIR(),
      purpose: 'Second child in care review.',
    })
    const notHeld = await iro.post(
      `/api/v1/children/${childId}/plan/versions/1/ratify`,
      { reviewMeetingId: reviewId, reasons: 'Agreed.' },
      ifMatch(rowVersion),
    )
    expect(codesOf(notHeld.body)).toEqual(['meeting-not-closed'])

    const recorded = await iro.put(
      `/api/v1/children/${childId}/meetings/${reviewId}`,
      {
        childOutcomes: [{ childId, outcome: 'The plan is ratified.', participation: 'PN1' }],
        minutes: 'The review considered the endorsed permanence plan.',
      },
      ifMatch(1),
    )
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200)
    const closed = await iro.post(`/api/v1/children/${childId}/meetings/${reviewId}/close`, undefined, ifMatch(2))
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    const record = await worker.get<{ reviews: { heldOn: string; participation: string; chairedById: string }[] }>(
      `/api/v1/children/${childId}`,
    )
    expect(record.body.reviews).toMatchObject([
      { heldOn: '2025-10-20' },
      { heldOn: '2026-01-12', participation: 'PN1', chairedById: t.north.users.iro.id },
    ])

    const ratified = await iro.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/ratify`,
      { reviewMeetingId: reviewId, reasons: 'The plan meets Juniper’s needs and keeps her within her family.' },
      ifMatch(rowVersion),
    )
    expect(ratified.status, JSON.stringify(ratified.body)).toBe(200)
    expect(ratified.body.status).toBe('ratified')
  })

  it('keeps every decision with who, role, when, why and the version it was based on', async () => {
    const overview = await worker.get<{
      decisions: {
        kind: string
        decidedBy: { id: string; role: string }
        decidedOn: string
        reasons: string | null
        subject: { type: string; version: number }
      }[]
    }>(`/api/v1/children/${childId}/plan`)
    const planDecisions = overview.body.decisions.filter(event => event.subject.type === 'plan')
    expect(planDecisions.map(event => event.kind)).toEqual([
      'plan-started',
      'plan-sent-to-manager',
      'plan-considered-at-ppm',
      'plan-endorsed',
      'plan-ratified',
    ])
    expect(planDecisions.at(-1)).toMatchObject({
      decidedBy: { id: t.north.users.iro.id, role: 'iro' },
      decidedOn: '2026-01-12',
      reasons: 'The plan meets Juniper’s needs and keeps her within her family.',
      subject: { type: 'plan', version: 1 },
    })
    expect(overview.body.decisions.some(event => event.kind === 'meeting-closed')).toBe(true)
  })

  it('meets the Dorset Golden Rules, checked through the API', async () => {
    clock.setDay('2026-01-13')
    const overview = await worker.get<{ guidance: GuidanceCheck[] }>(`/api/v1/children/${childId}/plan`)
    const notMet = overview.body.guidance.filter(check => check.outcome === 'not-met')
    expect(notMet).toEqual([])
    expect(overview.body.guidance.filter(check => check.outcome === 'met').map(check => check.rule)).toEqual(
      expect.arrayContaining([
        'dor-pp-and-ppm-before-second-review',
        'dor-tm-chairs-ppm',
        'dor-pp-sent-before-ppm',
        'dor-ppm-every-3-months',
        'dor-qaro-and-pr-invited',
        'dor-views-recorded',
        'dor-all-options-considered',
        'dor-one-permanence-option',
        'dor-contingency-recorded',
        'dor-actions-have-timescales',
        'dor-next-meeting-booked',
        'dor-key-dates-captured',
      ]),
    )
  })

  it('gives the timescale engine the plan and meeting dates', async () => {
    const facts = await worker.get<Record<string, unknown>>(`/api/v1/children/${childId}/planning-facts`)
    expect(facts.status).toBe(200)
    expect(facts.body).toMatchObject({
      permanenceMeetings: [{ date: '2025-12-22', nextBookedOn: '2026-03-02' }],
      permanencePlans: [
        {
          sentToManagerOn: '2025-12-17',
          meetingOn: '2025-12-22',
          endorsedOn: '2025-12-23',
          ratifiedAtReviewOn: '2026-01-12',
          option: 'special-guardianship-order',
          notReasonablyPracticableToReviewFirst: false,
        },
      ],
      permanenceAchieved: null,
      meetings: { actions: [{ actionId: 'act-sgo', dueOn: '2026-02-20', status: 'open', isOverdue: false }] },
    })
  })

  it('shows in the child’s due dates, recomputed in the same transaction as each step (issue 3 §7)', async () => {
    const stored = await t.db.query<{ rule: string; status: string; met_on: string | null; explanation: string }>(
      `SELECT rule, status, met_on, explanation FROM timescale_items WHERE child_id = $1 ORDER BY position`,
      [childId],
    )
    const item = (rule: string) => stored.filter(candidate => candidate.rule === rule)
    // Stored by the last write (the ratification), not by this read: the recompute ran in the write's transaction.
    expect(item('PP-01')).toMatchObject([{ status: 'met' }])
    expect(item('PP-01')[0]!.explanation).toContain('plan in place on 23 December 2025')
    expect(item('PP-07')).toMatchObject([{ status: 'met' }])
    expect(item('PP-07')[0]!.explanation).toContain('next meeting booked for 2 March 2026')
    expect(item('PP-04')[0]!.explanation).toContain('the last permanence planning meeting on 22 December 2025')
    expect(item('PP-03')[0]!.explanation).toContain('the earlier plan submission was on time')
  })

  it('refuses a change of permanence option until a review has considered it (PP-08), then supersedes', async () => {
    clock.setDay('2026-02-02')
    const inForce = await planVersion(worker, childId, 1)
    const content = endorsableContent()
    const options = content.options!.map(o =>
      o.id === 'opt-sgo'
        ? { ...o, isPrimary: false, status: 'contingency' as const, viabilityEvidence: 'Gran remains willing.' }
        : o.id === 'opt-ltf'
          ? { ...o, isPrimary: true, status: 'being-explored' as const }
          : o,
    )
    const started = await worker.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions`,
      { changeReason: 'The grandmother’s health has declined.', edit: { options } },
      ifMatch(inForce),
    )
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect(started.body).toMatchObject({ planVersion: 2, status: 'draft' })
    const twice = await worker.post(
      `/api/v1/children/${childId}/plan/versions`,
      { changeReason: 'Again.' },
      ifMatch(inForce),
    )
    expect(twice.status).toBe(409)

    const sentV2 = await worker.post(
      `/api/v1/children/${childId}/plan/versions/2/send-to-manager`,
      { ppmOn: '2026-02-09' },
      ifMatch(1),
    )
    expect(sentV2.status, JSON.stringify(sentV2.body)).toBe(200)
    clock.setDay('2026-02-09')
    await holdPpm([childId], { [childId]: { planId, planVersion: 2 } }, '2026-05-04', [
      { actionId: 'act-sgo', fromMeetingId: ppmId, status: 'dropped', comment: 'No longer the plan.' },
    ])
    const ppm = (
      await worker.get<{ meetings: { id: string; heldOn: string }[] }>(`/api/v1/children/${childId}/meetings`)
    ).body.meetings.find(m => m.heldOn === '2026-02-09')!
    const closedPpm = await manager.post(`/api/v1/children/${childId}/meetings/${ppm.id}/close`, undefined, ifMatch(2))
    expect(closedPpm.status, JSON.stringify(closedPpm.body)).toBe(200)
    let rowVersion = await planVersion(manager, childId, 2)
    const refused = await manager.post(
      `/api/v1/children/${childId}/plan/versions/2/endorse`,
      { reasons: 'Long-term fostering now.' },
      ifMatch(rowVersion),
    )
    expect(refused.status).toBe(422)
    expect(codesOf(refused.body)).toEqual(['option-change-not-considered-at-review'])

    const review = await bookMeeting(iro, childId, {
      kind: 'statutory-review',
      heldOn: '2026-02-09',
      chair: IRO_CHAIR(),
      purpose: 'Review brought forward to consider the change of plan.',
    })
    await iro.put(
      `/api/v1/children/${childId}/meetings/${review}`,
      { childOutcomes: [{ childId, outcome: 'Change considered.' }], minutes: 'The change was discussed.' },
      ifMatch(1),
    )
    const closedReview = await iro.post(`/api/v1/children/${childId}/meetings/${review}/close`, undefined, ifMatch(2))
    expect(closedReview.status, JSON.stringify(closedReview.body)).toBe(200)
    const considered = await iro.post(
      `/api/v1/children/${childId}/plan/versions/2/option-change/considered-at-review`,
      { reviewMeetingId: review, reasons: 'Long-term fostering with the current carers is now right for Juniper.' },
      ifMatch(rowVersion),
    )
    expect(considered.status, JSON.stringify(considered.body)).toBe(200)
    rowVersion = (considered.body as unknown as ChangeBody).rowVersion
    const endorsed = await manager.post(
      `/api/v1/children/${childId}/plan/versions/2/endorse`,
      { reasons: 'Long-term fostering, considered at the review.' },
      ifMatch(rowVersion),
    )
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(200)
    const versions = await worker.get<{ inForceVersion: number; versions: { version: number; status: string }[] }>(
      `/api/v1/children/${childId}/plan/versions`,
    )
    expect(versions.body.inForceVersion).toBe(2)
    expect(versions.body.versions.map(v => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'endorsed'],
    ])
  })

  it('prints the plan and the minutes, headed with the authority, and audits each print', async () => {
    const token = t.north.users['social-worker'].token
    const pdf = await download(t, token, `/api/v1/children/${childId}/plan/document?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.contentType).toBe('application/pdf')
    expect(pdf.disposition, pdf.disposition ?? '').toMatch(/^attachment; filename="permanence-plan-PL\d+N-v2\.pdf"$/)
    const text = pdfText(pdf.body)
    for (const phrase of ['North County Council', 'Juniper Puddleby', 'Long-term fostering', 'Contingency plan']) {
      expect(text, text.slice(0, 600)).toContain(phrase)
    }
    const docx = await download(t, token, `/api/v1/children/${childId}/plan/document?format=docx&version=1`)
    expect(docx.contentType).toMatch(/wordprocessingml/)
    const words = await docxText(docx.body)
    expect(words).toContain('North County Council')
    expect(words).toContain('Special guardianship with Margaret Jones')

    const minutes = await download(t, token, `/api/v1/children/${childId}/meetings/${ppmId}/minutes?format=pdf`)
    expect(minutes.status).toBe(200)
    const minutesText = pdfText(minutes.body)
    expect(minutesText).toContain('North County Council')
    expect(minutesText).toContain('Complete the SGO assessment')

    const bad = await worker.get(`/api/v1/children/${childId}/plan/document?format=odt`)
    expect(bad.status).toBe(400)
    const audited = await t.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE child_id = $1 AND outcome = 'success'
         AND action IN ('PERMANENCE_PLAN_EXPORTED', 'MINUTES_EXPORTED') GROUP BY action ORDER BY action`,
      [childId],
    )
    expect(audited).toEqual([
      { action: 'MINUTES_EXPORTED', n: 1 },
      { action: 'PERMANENCE_PLAN_EXPORTED', n: 2 },
    ])
  })

  it('composes "My plan" in plain words, lets the social worker edit it, and records when it was shared', async () => {
    const composed = await worker.post<{ rowVersion: number }>(`/api/v1/children/${childId}/my-plan`, undefined)
    expect(composed.status).toBe(201)
    expect((await worker.post(`/api/v1/children/${childId}/my-plan`, undefined)).status).toBe(428)
    const draft = await worker.get<{ sections: { heading: string; text: string }[]; rowVersion: number }>(
      `/api/v1/children/${childId}/my-plan`,
    )
    expect(draft.body.sections.length).toBeGreaterThan(1)
    const edited = await worker.put<{ rowVersion: number }>(
      `/api/v1/children/${childId}/my-plan`,
      { sections: [...draft.body.sections, { heading: 'A note from Sam', text: 'You can ask me anything.' }] },
      ifMatch(draft.body.rowVersion),
    )
    expect(edited.status).toBe(200)
    const future = await worker.post(
      `/api/v1/children/${childId}/my-plan/shared`,
      { sharedOn: '2027-01-01', sharedWith: 'Juniper' },
      ifMatch(edited.body.rowVersion),
    )
    expect(codesOf(future.body)).toEqual(['date-in-future'])
    const shared = await worker.post(
      `/api/v1/children/${childId}/my-plan/shared`,
      { sharedOn: '2026-02-09', sharedWith: 'Juniper, with her foster carer' },
      ifMatch(edited.body.rowVersion),
    )
    expect(shared.status).toBe(200)
    const after = await worker.get<{ shared: { on: string; withWhom: string; by: { name: string } } }>(
      `/api/v1/children/${childId}/my-plan`,
    )
    expect(after.body.shared).toMatchObject({ on: '2026-02-09', withWhom: 'Juniper, with her foster carer' })
    const pdf = await download(t, t.north.users['social-worker'].token, `/api/v1/children/${childId}/my-plan/document`)
    expect(pdfText(pdf.body)).toContain('You can ask me anything.')
  })
})

describe('the lifecycle refuses, through the API', () => {
  let childId: string
  let rowVersion: number

  async function toConsidered(): Promise<void> {
    const sent = await worker.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
      { ppmOn: clock.today() },
      ifMatch(rowVersion),
    )
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const ppm = await bookMeeting(worker, childId, {
      kind: 'permanence-planning-meeting',
      heldOn: clock.today(),
      chair: TM_CHAIR(),
      purpose: 'Plan.',
    })
    const considered = await manager.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/considered-at-ppm`,
      { meetingId: ppm },
      ifMatch(sent.body.rowVersion),
    )
    expect(considered.status, JSON.stringify(considered.body)).toBe(200)
    rowVersion = considered.body.rowVersion
  }

  async function backToDraft(): Promise<void> {
    const returned = await manager.post<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1/return-to-draft`,
      { reasons: 'Please complete the balance sheet.' },
      ifMatch(rowVersion),
    )
    expect(returned.status).toBe(200)
    rowVersion = returned.body.rowVersion
  }

  beforeAll(async () => {
    clock.setDay('2026-01-05')
    childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-12-01', givenNames: 'Wren' })
  })

  it('refuses a ruled-out option without a reason, naming the field', async () => {
    const refused = await worker.post<ErrorBody>(`/api/v1/children/${childId}/plan`, {
      options: [option({ id: 'o1', type: 'adoption', status: 'ruled-out', ruledOutOn: '2025-12-20' as never })],
    })
    expect(refused.status).toBe(422)
    expect(refused.body.errors).toEqual([
      {
        path: 'content.options.0.ruledOutReason',
        code: 'option-ruled-out-without-reason',
        message: 'Enter the reason this option was ruled out',
      },
    ])
    expect(await t.db.query(`SELECT 1 FROM permanence_plans WHERE child_id = $1`, [childId])).toEqual([])
  })

  it('answers 400 naming each bad field of a plan', async () => {
    const bad = await worker.post<ErrorBody>(`/api/v1/children/${childId}/plan`, {
      options: [{ id: 'o1', type: 'dragon' }],
      anticipatedTimescale: { permanenceByOn: '2026-02-30' },
      surprise: 1,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map(e => e.path).sort()).toEqual([
      'anticipatedTimescale.permanenceByOn',
      'options.0.type',
      'surprise',
    ])
  })

  it('refuses to endorse a plan without a contingency', async () => {
    const content = endorsableContent()
    const started = await worker.post<ChangeBody>(`/api/v1/children/${childId}/plan`, {
      ...content,
      options: content.options!.filter(o => o.status !== 'contingency'),
    })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    rowVersion = started.body.rowVersion
    await toConsidered()
    const refused = await manager.post(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: 'Ready.' },
      ifMatch(rowVersion),
    )
    expect(refused.status).toBe(422)
    expect(codesOf(refused.body)).toEqual(['no-contingency'])
  })

  it('refuses adoption as the plan while other options are neither ruled out nor the contingency', async () => {
    await backToDraft()
    const content = endorsableContent()
    const options = content.options!.map(o =>
      o.type === 'adoption'
        ? { ...o, isPrimary: true, status: 'being-explored' as const, ruledOutOn: null, ruledOutReason: '' }
        : o.id === 'opt-sgo'
          ? { ...o, isPrimary: false, status: 'parallel-track' as const }
          : o,
    )
    const edited = await worker.put<ChangeBody>(
      `/api/v1/children/${childId}/plan/versions/1`,
      { options },
      ifMatch(rowVersion),
    )
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    rowVersion = edited.body.rowVersion
    await toConsidered()
    const refused = await manager.post(
      `/api/v1/children/${childId}/plan/versions/1/endorse`,
      { reasons: 'Adoption.' },
      ifMatch(rowVersion),
    )
    expect(refused.status).toBe(422)
    expect(codesOf(refused.body)).toEqual(
      expect.arrayContaining(['adoption-primary-option-not-ruled-out', 'contingency-without-reason-not-primary']),
    )
  })

  it('refuses to edit a plan that has gone to the manager, and a change based on a stale or missing version', async () => {
    const fixed = await worker.put(
      `/api/v1/children/${childId}/plan/versions/1`,
      { strengths: 'More.' },
      ifMatch(rowVersion),
    )
    expect(codesOf(fixed.body)).toEqual(['transition-not-allowed'])
    await backToDraft()
    const missing = await worker.put<ErrorBody>(`/api/v1/children/${childId}/plan/versions/1`, { strengths: 'More.' })
    expect(missing.status).toBe(428)
    const first = await worker.put(
      `/api/v1/children/${childId}/plan/versions/1`,
      { strengths: 'First person’s words.' },
      ifMatch(rowVersion),
    )
    expect(first.status).toBe(200)
    const second = await worker.put<ErrorBody>(
      `/api/v1/children/${childId}/plan/versions/1`,
      { strengths: 'Second person’s words.' },
      ifMatch(rowVersion),
    )
    expect(second.status).toBe(412)
    expect(second.body.errors[0]!.message).toMatch(/^Someone else has changed this record/)
    const kept = await worker.get<{ content: { strengths: string } }>(`/api/v1/children/${childId}/plan/versions/1`)
    expect(kept.body.content.strengths).toBe('First person’s words.')
  })

  it('refuses a person with parental responsibility left out without a reason or a plan to tell them', async () => {
    const meetingId = await bookMeeting(worker, childId, {
      kind: 'permanence-planning-meeting',
      heldOn: clock.today(),
      chair: TM_CHAIR(),
      purpose: 'Plan.',
    })
    const refused = await worker.put<ErrorBody>(
      `/api/v1/children/${childId}/meetings/${meetingId}`,
      {
        invitees: [
          {
            id: 'dad',
            name: 'Rowan Puddleby',
            role: 'parent',
            holdsParentalResponsibility: true,
            attendance: 'not-invited',
          },
        ],
      },
      ifMatch(1),
    )
    expect(refused.status).toBe(422)
    expect(refused.body.errors.map(e => [e.path, e.code])).toEqual([
      ['invitees.0.notInvitedReason', 'pr-holder-not-invited-without-reason'],
      ['invitees.0.tellHow', 'pr-holder-not-invited-without-plan-to-tell'],
    ])
  })

  it('answers not found for another authority’s child, whatever the route', async () => {
    const southWorker = apiClient(t.baseUrl, t.south.users['social-worker'].token)
    expect((await southWorker.get(`/api/v1/children/${childId}/plan`)).status).toBe(404)
    expect((await southWorker.post(`/api/v1/children/${childId}/plan`, {})).status).toBe(404)
    expect((await southWorker.get(`/api/v1/children/${childId}/meetings`)).status).toBe(404)
  })
})

describe('the Tameside template as checks, through the API', () => {
  const southWorker = (): Client => apiClient(t.baseUrl, t.south.users['social-worker'].token)
  const southManager = (): Client => apiClient(t.baseUrl, t.south.users['team-manager'].token)

  async function planWithPpm(content: Record<string, unknown>): Promise<GuidanceCheck[]> {
    clock.setDay('2026-01-05')
    const childId = await lookedAfterChild(t, southWorker(), 'south', { startedOn: '2025-12-01' })
    const started = await southWorker().post<ChangeBody>(`/api/v1/children/${childId}/plan`, content)
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    const meeting = await bookMeeting(southWorker(), childId, {
      kind: 'permanence-planning-meeting',
      heldOn: '2026-01-05',
      chair: { name: 'Tam Manager', userId: t.south.users['team-manager'].id, role: 'team-manager' },
      purpose: 'First permanency planning meeting.',
    })
    await southWorker().put(
      `/api/v1/children/${childId}/meetings/${meeting}`,
      {
        invitees: [{ id: 'i1', name: 'Tam Manager', role: 'team-manager', attendance: 'attended' }],
        childOutcomes: [{ childId, outcome: 'Plan agreed.' }],
        actions: [{ id: 'a1', description: 'Viability assessment', owner: 'Sol Worker', dueOn: '2026-02-01' }],
        minutes: 'Discussed.',
        nextMeetingOn: '2026-02-16',
      },
      ifMatch(1),
    )
    expect(
      (await southManager().post(`/api/v1/children/${childId}/meetings/${meeting}/close`, undefined, ifMatch(2)))
        .status,
    ).toBe(200)
    clock.setDay('2026-01-06')
    return (await southWorker().get<{ guidance: GuidanceCheck[] }>(`/api/v1/children/${childId}/plan`)).body.guidance
  }

  it('finds nothing missing in a plan written to Appendix 5', async () => {
    const guidance = await planWithPpm(endorsableContent())
    expect(guidance.filter(check => check.outcome === 'not-met')).toEqual([])
    expect(guidance.filter(check => check.outcome === 'met').map(check => check.rule)).toEqual(
      expect.arrayContaining([
        'tam-meeting-date-and-attendees',
        'tam-why-meeting-held',
        'tam-important-people',
        'tam-strengths',
        'tam-barriers',
        'tam-child-views',
        'tam-options-strengths-risks',
        'tam-contingency-viable',
        'tam-anticipated-timescale',
        'tam-actions-with-timescales',
        'tam-decision-shared-with-child',
        'tam-date-of-next-meeting',
      ]),
    )
  })

  it('names each part of Appendix 5 a thin plan leaves out', async () => {
    const guidance = await planWithPpm({
      background: 'Came into care in December.',
      options: [option({ id: 'o1', type: 'reunification', isPrimary: true })],
    })
    expect(
      guidance
        .filter(check => check.outcome === 'not-met')
        .map(check => check.rule)
        .sort(),
    ).toEqual([
      'tam-anticipated-timescale',
      'tam-barriers',
      'tam-child-views',
      'tam-contingency-viable',
      'tam-decision-shared-with-child',
      'tam-important-people',
      'tam-options-strengths-risks',
      'tam-strengths',
      'tam-why-meeting-held',
    ])
  })
})

describe('the Dorset Golden Rules, not met', () => {
  it('names each rule a late, thin plan breaks', async () => {
    clock.setDay('2026-01-05')
    const childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-11-03', givenNames: 'Hazel' })
    const started = await worker.post<ChangeBody>(`/api/v1/children/${childId}/plan`, {
      options: [option({ id: 'o1', type: 'reunification', isPrimary: true })],
    })
    // Sent on the day of the PPM: late against the Golden Rule's 3 days.
    await worker.post(
      `/api/v1/children/${childId}/plan/versions/1/send-to-manager`,
      { ppmOn: '2026-01-05' },
      ifMatch(started.body.rowVersion),
    )
    // A PPM chaired by a social worker is refused: the chair of a PPM is a team manager ([DOR]).
    const refused = await worker.post<ErrorBody>(`/api/v1/children/${childId}/meetings`, {
      kind: 'permanence-planning-meeting',
      heldOn: '2026-01-05',
      chair: { name: 'Sam Worker', userId: null, role: 'social-worker' },
    })
    expect(codesOf(refused.body)).toEqual(['chair-role-not-allowed'])
    const ppm = await bookMeeting(worker, childId, {
      kind: 'permanence-planning-meeting',
      heldOn: '2026-01-05',
      chair: TM_CHAIR(),
      purpose: 'Plan.',
    })
    const noOwner = await worker.put(
      `/api/v1/children/${childId}/meetings/${ppm}`,
      { actions: [{ id: 'a1', description: 'Ask the family', owner: '', dueOn: null }] },
      ifMatch(1),
    )
    expect(codesOf(noOwner.body)).toEqual(['action-owner-missing', 'action-due-date-missing'])
    expect(ppm).toMatch(/^[0-9a-f-]{36}$/)
    clock.setDay('2026-04-20')
    const guidance = (await worker.get<{ guidance: GuidanceCheck[] }>(`/api/v1/children/${childId}/plan`)).body.guidance
    expect(
      guidance
        .filter(check => check.outcome === 'not-met')
        .map(check => check.rule)
        .sort(),
    ).toEqual([
      'dor-all-options-considered',
      'dor-contingency-recorded',
      'dor-next-meeting-booked',
      'dor-pp-sent-before-ppm',
      'dor-ppm-every-3-months',
      'dor-qaro-and-pr-invited',
      'dor-views-recorded',
    ])
  })
})
