/**
 * Case-file audits through the API, on the real database over real HTTP: a QA lead sets up a round (a seeded random
 * sample, auditors, a moderation share), an auditor sees only their cases and the facts the system holds, grades a
 * child (drafts, submission, a change with a reason kept as a new version), a second auditor moderates (agreed and
 * changed grades with reasons), findings become actions on the child's record, the round closes, and the learning
 * brief's figures are computed from the grades, with PDF and DOCX. Everyone else is refused or told "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS } from '../../domain/audits/audit-domains.ts'
import { apiClient, startTestApp, type TestApp, type TestUser } from '../../http/testing/test-app.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { addAuditor, completeAuditForm } from '../../http/testing/audit-fixtures.ts'

type Client = ReturnType<typeof apiClient>
interface ErrorBody {
  errors: { path: string; code: string; message: string }[]
}
interface RoundBody {
  id: string
  version: number
  cases: { caseId: string; childId: string; auditorId: string; moderatorId: string | null; auditStatus: string }[]
}

const clock = movableClock('2026-03-02')
let t: TestApp
let lead: Client
let leadUser: TestUser
let second: TestUser
let secondClient: Client
let worker: Client
const childIds: string[] = []
let roundId: string

const ifMatch = (version: number) => ({ 'if-match': `W/"${version}"` })
const codesOf = (body: unknown) => (body as ErrorBody).errors.map(e => e.code)

beforeAll(async () => {
  t = await startTestApp({ clock })
  leadUser = t.north.users['qa-auditor']
  lead = apiClient(t.baseUrl, leadUser.token)
  second = await addAuditor(t, 'north', 'Second Auditor')
  secondClient = apiClient(t.baseUrl, second.token)
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  for (const name of ['Ash', 'Birch', 'Cedar', 'Damson']) {
    const childId = await lookedAfterChild(t, worker, 'north', { startedOn: '2025-06-02', givenNames: name })
    childIds.push(childId)
    // The child's network answers the life story question on the audit form.
    const lifeStory = await worker.post(`/api/v1/children/${childId}/network/life-story-work`, {
      kind: 'life-story-book',
      owner: 'Sam Worker',
      dueOn: '2026-06-30',
      status: 'in-progress',
    })
    expect(lifeStory.status, JSON.stringify(lifeStory.body)).toBe(201)
  }
})
afterAll(async () => {
  await t?.close()
})

describe('an audit round', () => {
  it('is set up by a QA auditor, with a seeded random sample, auditors and moderation', async () => {
    const refused = await worker.post('/api/v1/audit-rounds', {
      title: 'Mine',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 3, seed: 7 },
      auditorIds: [leadUser.id],
      moderationPercent: 0,
      deadlineOn: '2026-04-30',
    })
    expect(refused.status, JSON.stringify(refused.body)).toBe(403)
    const invalid = await lead.post<ErrorBody>('/api/v1/audit-rounds', {
      title: '',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 0, seed: 1 },
      auditorIds: [],
      moderationPercent: 50,
      deadlineOn: '2026-02-30',
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors.map(e => e.path)).toEqual(
      expect.arrayContaining(['title', 'sampleRule.size', 'auditorIds', 'deadlineOn']),
    )
    expect(invalid.body.errors.find(e => e.path === 'title')?.message).toBe('Enter the title of the round')
    const ruleBroken = await lead.post<ErrorBody>('/api/v1/audit-rounds', {
      title: 'Spring 2026',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 3, seed: 7 },
      auditorIds: [leadUser.id],
      moderationPercent: 50,
      deadlineOn: '2026-01-01',
    })
    expect(ruleBroken.status).toBe(422)
    expect(codesOf(ruleBroken.body)).toEqual(expect.arrayContaining(['moderators-too-few', 'deadline-in-past']))
    const created = await lead.post<{ roundId: string; cases: number }>('/api/v1/audit-rounds', {
      title: 'Spring 2026',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 3, seed: 7 },
      auditorIds: [leadUser.id, second.id],
      moderationPercent: 50,
      deadlineOn: '2026-04-30',
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.cases).toBe(3)
    roundId = created.body.roundId
    const round = await lead.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    expect(round.status).toBe(200)
    expect(round.body.cases).toHaveLength(3)
    expect(round.body.cases.every(c => childIds.includes(c.childId))).toBe(true)
    // 50% of 3 cases, rounded up: 2 moderated, each by the other auditor.
    const moderated = round.body.cases.filter(c => c.moderatorId !== null)
    expect(moderated).toHaveLength(2)
    expect(moderated.every(c => c.moderatorId !== c.auditorId)).toBe(true)
  })

  it('shows an auditor only their own cases, and nobody else the round', async () => {
    const asSecond = await secondClient.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    expect(asSecond.status, JSON.stringify(asSecond.body)).toBe(200)
    expect(asSecond.body.cases.every(c => c.auditorId === second.id || c.moderatorId === second.id)).toBe(true)
    const outsider = await addAuditor(t, 'north', 'Not In This Round')
    expect((await apiClient(t.baseUrl, outsider.token).get(`/api/v1/audit-rounds/${roundId}`)).status).toBe(404)
    expect((await worker.get(`/api/v1/audit-rounds/${roundId}`)).status).toBe(403)
    const south = apiClient(t.baseUrl, t.south.users['qa-auditor'].token)
    expect((await south.get(`/api/v1/audit-rounds/${roundId}`)).status).toBe(404)
    const list = await apiClient(t.baseUrl, outsider.token).get<{ rounds: unknown[] }>('/api/v1/audit-rounds')
    expect(list.body.rounds).toEqual([])
  })

  it('lets the auditor grade a child, with the facts the system holds, as versions', async () => {
    const round = await lead.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    const mine = round.body.cases.find(c => c.auditorId === leadUser.id && c.moderatorId !== null)!
    const path = `/api/v1/audit-rounds/${roundId}/cases/${mine.caseId}`
    const view = await lead.get<{ facts: { id: string; answer: string; domain: string; detail: string }[] }>(path)
    expect(view.status).toBe(200)
    const facts = new Map(view.body.facts.map(f => [f.id, f]))
    expect(facts.get('plan-by-second-review')?.domain).toBe('plans')
    // Facts from the child's network: no brothers or sisters recorded; the life story book is under way.
    expect(facts.get('together-or-apart-assessment')).toMatchObject({
      answer: 'not-applicable',
      detail: 'No brothers or sisters are recorded.',
    })
    expect(facts.get('life-story-work')).toMatchObject({
      answer: 'yes',
      detail: 'Life story book: in progress, due 2026-06-30.',
    })
    // The moderator may view but not grade it.
    expect((await secondClient.put(`${path}/audit`, { domains: {} }, ifMatch(0))).status).toBe(404)
    const draft = await lead.put(`${path}/audit`, { domains: { assessment: { grade: 'good' } } }, ifMatch(0))
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    const incomplete = await lead.put<ErrorBody>(`${path}/audit`, { domains: {}, submit: true }, ifMatch(1))
    expect(incomplete.status).toBe(422)
    expect(incomplete.body.errors.map(e => e.path)).toContain('domains.decision-making.grade')
    const stale = await lead.put(`${path}/audit`, { domains: {} }, ifMatch(0))
    expect(stale.status).toBe(412)
    const form = completeAuditForm((_, i) => (i % 2 === 0 ? 'good' : 'requires-improvement'))
    const submitted = await lead.put(`${path}/audit`, { domains: form, submit: true }, ifMatch(1))
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const noReason = await lead.put<ErrorBody>(`${path}/audit`, { domains: form, submit: true }, ifMatch(2))
    expect(codesOf(noReason.body)).toContain('change-reason-missing')
    const changed = await lead.put(
      `${path}/audit`,
      {
        domains: { ...form, permanence: { ...form.permanence, grade: 'outstanding' } },
        submit: true,
        changeReason: 'Read the latest review',
      },
      ifMatch(2),
    )
    expect(changed.status).toBe(200)
    const after = await lead.get<{ audit: { version: number; history: { changeReason: string }[] } }>(path)
    expect(after.body.audit.version).toBe(3)
    expect(after.body.audit.history.map(h => h.changeReason)).toEqual(['', '', 'Read the latest review'])
  })

  it('lets the second auditor moderate: agreed and changed grades, with reasons', async () => {
    const round = await lead.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    const mine = round.body.cases.find(c => c.auditorId === leadUser.id && c.moderatorId === second.id)!
    const path = `/api/v1/audit-rounds/${roundId}/cases/${mine.caseId}/moderation`
    const domains = Object.fromEntries(AUDIT_DOMAINS.map(d => [d, { outcome: 'agreed' }]))
    const unchanged = await secondClient.put<ErrorBody>(
      path,
      {
        domains: { ...domains, plans: { outcome: 'changed', grade: 'requires-improvement', reason: '' } },
        submit: true,
      },
      ifMatch(0),
    )
    expect(codesOf(unchanged.body)).toEqual(['moderated-grade-unchanged', 'moderation-reason-missing'])
    const moderated = await secondClient.put(
      path,
      {
        domains: {
          ...domains,
          'decision-making': { outcome: 'changed', grade: 'inadequate', reason: 'No legal route considered' },
        },
        submit: true,
      },
      ifMatch(0),
    )
    expect(moderated.status, JSON.stringify(moderated.body)).toBe(200)
    expect((await lead.put(path, { domains }, ifMatch(1))).status).toBe(404)
  })

  it('turns a finding into an action on the child’s record, owned and due', async () => {
    const round = await lead.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    const mine = round.body.cases.find(c => c.auditorId === leadUser.id)!
    const made = await lead.post<{ actionId: string }>(`/api/v1/audit-rounds/${roundId}/cases/${mine.caseId}/actions`, {
      domain: 'options-considered',
      description: 'Write a balance sheet of the options',
      ownerId: t.north.users['social-worker'].id,
      dueOn: '2026-04-01',
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const notOwner = await lead.post<ErrorBody>(`/api/v1/audit-rounds/${roundId}/cases/${mine.caseId}/actions`, {
      domain: 'options-considered',
      description: 'Something',
      ownerId: t.north.users['performance-analyst'].id,
      dueOn: '2026-04-01',
    })
    expect(codesOf(notOwner.body)).toEqual(['finding-owner-missing'])
    const onRecord = await worker.get<{ id: string; version: number; ownerName: string }[]>(
      `/api/v1/children/${mine.childId}/audit-actions`,
    )
    expect(onRecord.body.map(a => a.id)).toEqual([made.body.actionId])
    const done = await worker.put(
      `/api/v1/children/${mine.childId}/audit-actions/${made.body.actionId}`,
      { status: 'done', on: '2026-03-02' },
      ifMatch(1),
    )
    expect(done.status).toBe(200)
    expect(
      (
        await worker.put(
          `/api/v1/children/${mine.childId}/audit-actions/${made.body.actionId}`,
          { status: 'dropped' },
          ifMatch(2),
        )
      ).status,
    ).toBe(422)
  })

  it('lets the lead reassign a case, with a reason, moving who may see the child with it', async () => {
    const third = await addAuditor(t, 'north', 'Third Auditor')
    const thirdClient = apiClient(t.baseUrl, third.token)
    const round = await lead.get<RoundBody & { cases: { caseVersion: number }[] }>(`/api/v1/audit-rounds/${roundId}`)
    const theirs = round.body.cases.find(c => c.auditorId === second.id)!
    const submitted = round.body.cases.find(c => c.auditorId === leadUser.id && c.moderatorId !== null)!
    const reassign = (caseId: string, body: object, version: number, client = lead) =>
      client.post<ErrorBody & { version: number }>(
        `/api/v1/audit-rounds/${roundId}/cases/${caseId}/reassign`,
        body,
        ifMatch(version),
      )
    expect((await thirdClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(404)
    // Only the lead; the reason, a real auditor, two different people, and an audit not yet submitted.
    expect((await reassign(theirs.caseId, { auditorId: third.id, reason: 'Leave' }, 1, secondClient)).status).toBe(404)
    const refused = await reassign(theirs.caseId, { auditorId: t.north.users['social-worker'].id }, 1)
    expect(refused.status).toBe(422)
    expect(codesOf(refused.body)).toEqual(['not-an-auditor', 'reassign-reason-missing'])
    const same = await reassign(theirs.caseId, { auditorId: third.id, moderatorId: third.id, reason: 'Leave' }, 1)
    expect(codesOf(same.body)).toEqual(['moderator-is-auditor'])
    const afterSubmission = await reassign(
      submitted.caseId,
      { auditorId: third.id, moderatorId: null, reason: 'Leave' },
      1,
    )
    expect(codesOf(afterSubmission.body)).toEqual(['submitted-cannot-reassign', 'submitted-cannot-reassign'])
    expect((await reassign(theirs.caseId, { auditorId: third.id, reason: 'Leave' }, 7)).status).toBe(412)

    const moved = await reassign(
      theirs.caseId,
      { auditorId: third.id, moderatorId: theirs.moderatorId, reason: 'Second Auditor is on leave until April' },
      1,
    )
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.version).toBe(2)
    expect((await thirdClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(200)
    expect((await secondClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(404)
    const [history] = await t.db.query<{ reason: string; auditor: string }>(
      `SELECT change_reason AS reason, data->>'auditor_id' AS auditor FROM record_versions
        WHERE table_name = 'audit_cases' AND record_id = $1 AND version = 2`,
      [theirs.caseId],
    )
    expect(history).toEqual({ reason: 'Second Auditor is on leave until April', auditor: third.id })

    // Back to the second auditor on their return (the round's later tests rely on their case).
    const back = await reassign(
      theirs.caseId,
      { auditorId: second.id, moderatorId: theirs.moderatorId, reason: 'Back from leave' },
      2,
    )
    expect(back.status, JSON.stringify(back.body)).toBe(200)
    expect((await thirdClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(404)
  })

  it('closes with a reason when cases are outstanding, ending the auditors’ access to the children', async () => {
    const round = await lead.get<RoundBody>(`/api/v1/audit-rounds/${roundId}`)
    const secondCase = round.body.cases.find(c => c.auditorId === second.id)!
    expect((await secondClient.get(`/api/v1/children/${secondCase.childId}`)).status).toBe(200)
    const refused = await lead.post<ErrorBody>(`/api/v1/audit-rounds/${roundId}/close`, {}, ifMatch(round.body.version))
    expect(codesOf(refused.body)).toEqual(['cases-outstanding'])
    expect((await secondClient.post(`/api/v1/audit-rounds/${roundId}/close`, { reason: 'x' }, ifMatch(1))).status).toBe(
      404,
    )
    const closed = await lead.post(
      `/api/v1/audit-rounds/${roundId}/close`,
      { reason: 'Deadline passed; two cases carried over' },
      ifMatch(round.body.version),
    )
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    expect((await secondClient.get(`/api/v1/children/${secondCase.childId}`)).status).toBe(404)
  })

  it('produces a learning brief computed from the grades, against the previous round, as PDF and DOCX', async () => {
    const brief = await lead.get<{
      casesAudited: number
      moderationPercent: number
      domains: { domain: string; percentGood: number | null; graded: number }[]
      opening: string
    }>(`/api/v1/audit-rounds/${roundId}/learning-brief`)
    expect(brief.status).toBe(200)
    expect(brief.body.casesAudited).toBe(1)
    expect(brief.body.moderationPercent).toBe(100)
    const byDomain = new Map(brief.body.domains.map(d => [d.domain, d]))
    // Assessment graded good; decision making requires improvement, changed to inadequate at moderation.
    expect(byDomain.get('assessment')?.percentGood).toBe(100)
    expect(byDomain.get('decision-making')?.percentGood).toBe(0)
    expect(byDomain.get('permanence')?.percentGood).toBe(100)
    expect(brief.body.opening).toContain('100% of audits were moderated, and moderation changed 1 of 10 grades')
    // A team manager reads closed briefs (no child in them); a social worker does not.
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    expect((await manager.get(`/api/v1/audit-rounds/${roundId}/learning-brief`)).status).toBe(200)
    expect((await worker.get(`/api/v1/audit-rounds/${roundId}/learning-brief`)).status).toBe(403)
    const pdf = await manager.call('GET', `/api/v1/audit-rounds/${roundId}/learning-brief/document?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toContain('application/pdf')
    const docx = await manager.call('GET', `/api/v1/audit-rounds/${roundId}/learning-brief/document?format=docx`)
    expect(docx.status).toBe(200)
    // A second round compares with this one.
    const next = await lead.post<{ roundId: string }>('/api/v1/audit-rounds', {
      title: 'Summer 2026',
      theme: 'Permanence',
      sampleRule: { kind: 'named', childIds: [childIds[0]] },
      auditorIds: [leadUser.id],
      moderationPercent: 0,
      deadlineOn: '2026-06-30',
      previousRoundId: roundId,
    })
    expect(next.status, JSON.stringify(next.body)).toBe(201)
    const nextRound = await lead.get<RoundBody>(`/api/v1/audit-rounds/${next.body.roundId}`)
    const only = nextRound.body.cases[0]!
    await lead.put(
      `/api/v1/audit-rounds/${next.body.roundId}/cases/${only.caseId}/audit`,
      { domains: completeAuditForm(() => 'good'), submit: true },
      ifMatch(0),
    )
    const draft = await lead.get<{ isDraft: boolean; domains: { domain: string; change: number | null }[] }>(
      `/api/v1/audit-rounds/${next.body.roundId}/learning-brief`,
    )
    expect(draft.body.isDraft).toBe(true)
    expect(draft.body.domains.find(d => d.domain === 'decision-making')?.change).toBe(100)
    // The draft of an open round is for its lead only.
    expect((await manager.get(`/api/v1/audit-rounds/${next.body.roundId}/learning-brief`)).status).toBe(404)
  })

  it('audits every view, naming the child for a case', async () => {
    const rows = await t.db.query<{ action: string; child_id: string | null; outcome: string }>(
      `SELECT action, child_id, outcome FROM audit_events WHERE action LIKE 'AUDIT_%' OR action LIKE 'LEARNING_%'`,
    )
    expect(
      rows.filter(r => r.action === 'AUDIT_CASE_VIEWED' && r.outcome === 'success').every(r => r.child_id !== null),
    ).toBe(true)
    expect(new Set(rows.map(r => r.action))).toEqual(
      new Set([
        'AUDIT_ROUND_CREATED',
        'AUDIT_ROUND_VIEWED',
        'AUDIT_ROUNDS_VIEWED',
        'AUDIT_CASE_VIEWED',
        'AUDIT_FORM_SAVED',
        'AUDIT_MODERATION_SAVED',
        'AUDIT_ACTION_SET',
        'AUDIT_ACTIONS_VIEWED',
        'AUDIT_ACTION_UPDATED',
        'AUDIT_ROUND_CLOSED',
        'AUDIT_CASE_REASSIGNED',
        'LEARNING_BRIEF_VIEWED',
        'LEARNING_BRIEF_EXPORTED',
      ]),
    )
  })
})
