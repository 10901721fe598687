/**
 * Withdrawing a case from an audit round and cancelling a round (ADR 0082), through the API on the real database over
 * real HTTP: only the round's lead, with a reason (a missing reason names the field and writes nothing); a withdrawn
 * case stays listed with who, when and why, keeps its submitted audit in the history, leaves the counts, the closing
 * and the learning brief, cannot be audited, moderated, reassigned or given actions, and its auditor and moderator
 * stop seeing the child; a cancelled round moves to the cancelled ones, nothing in it can change, it has no brief, and
 * its auditors stop seeing its children; a closed round cannot be cancelled. One audit event per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAuditor, completeAuditForm } from '../../http/testing/audit-fixtures.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp, type TestUser } from '../../http/testing/test-app.ts'

type Client = ReturnType<typeof apiClient>
interface ErrorBody {
  errors: { path: string; code: string; message: string }[]
}
interface RoundCase {
  caseId: string
  caseVersion: number
  childId: string
  auditorId: string
  moderatorId: string | null
  withdrawal: { withdrawnOn: string; withdrawnById: string; reason: string } | null
  withdrawnByName: string | null
}
interface RoundBody {
  id: string
  version: number
  status: string
  cancellation: { cancelledOn: string; cancelledById: string; reason: string } | null
  cancelledByName: string | null
  counts: { cases: number; withdrawn: number; audited: number; moderated: number }
  cases: RoundCase[]
}
interface RoundsBody {
  rounds: { id: string; status: string; cases: number; audited: number; myCasesToAudit: number }[]
}

const clock = movableClock('2026-03-02')
let t: TestApp
let leadUser: TestUser
let lead: Client
let second: TestUser
let secondClient: Client
let worker: Client
const childIds: string[] = []

const ifMatch = (version: number) => ({ 'if-match': `W/"${version}"` })
const codesOf = (body: unknown) => (body as ErrorBody).errors.map(e => e.code)
const roundPath = (roundId: string) => `/api/v1/audit-rounds/${roundId}`
const casePath = (roundId: string, caseId: string) => `${roundPath(roundId)}/cases/${caseId}`

// Named samples, each child in one open round only, so that who sees a child comes from one round alone.
async function createRound(title: string, children: readonly string[]): Promise<string> {
  const created = await lead.post<{ roundId: string }>('/api/v1/audit-rounds', {
    title,
    theme: 'Permanence',
    sampleRule: { kind: 'named', childIds: children },
    auditorIds: [leadUser.id, second.id],
    // Every case moderated, each by the other auditor: the lead and the second auditor each audit and moderate.
    moderationPercent: 100,
    deadlineOn: '2026-04-30',
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.roundId
}

async function auditEvents(action: string): Promise<{ outcome: string; case_id: string | null }[]> {
  return t.db.query<{ outcome: string; case_id: string | null }>(
    `SELECT outcome, details->>'caseId' AS case_id FROM audit_events WHERE action = $1 ORDER BY id`,
    [action],
  )
}

beforeAll(async () => {
  t = await startTestApp({ clock })
  leadUser = t.north.users['qa-auditor']
  lead = apiClient(t.baseUrl, leadUser.token)
  second = await addAuditor(t, 'north', 'Second Auditor')
  secondClient = apiClient(t.baseUrl, second.token)
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  for (const name of ['Hazel', 'Juniper', 'Larch', 'Maple', 'Nettle', 'Olive', 'Poplar']) {
    childIds.push(await lookedAfterChild(t, worker, 'north', { startedOn: '2025-06-02', givenNames: name }))
  }
})
afterAll(async () => {
  await t?.close()
})

describe('withdrawing a case from an audit round', () => {
  let roundId: string
  let leadsCase: RoundCase
  let secondsCase: RoundCase
  let withdrawRequests = 0
  const withdraw = (caseId: string, body: object, version: number | null, client = lead) => {
    withdrawRequests += 1
    return client.post<ErrorBody & { version: number }>(
      `${casePath(roundId, caseId)}/withdraw`,
      body,
      version === null ? {} : ifMatch(version),
    )
  }
  const round = async () => (await lead.get<RoundBody>(roundPath(roundId))).body

  beforeAll(async () => {
    roundId = await createRound('Spring 2026', childIds.slice(0, 4))
    const cases = (await round()).cases
    leadsCase = cases.find(c => c.auditorId === leadUser.id)!
    secondsCase = cases.find(c => c.auditorId === second.id)!
    // The lead's case has a submitted audit: it may still be withdrawn, and its grades stay in the history.
    const submitted = await lead.put(
      `${casePath(roundId, leadsCase.caseId)}/audit`,
      { domains: completeAuditForm(() => 'good'), submit: true },
      ifMatch(0),
    )
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  })

  it('refuses a missing or short reason, naming the field, and writes nothing', async () => {
    const missing = await withdraw(secondsCase.caseId, {}, 1)
    expect(missing.status).toBe(400)
    expect(missing.body.errors).toEqual([
      { path: 'reason', code: 'required', message: 'Enter why the case is being withdrawn' },
    ])
    const blank = await withdraw(secondsCase.caseId, { reason: '   ' }, 1)
    expect(blank.status).toBe(400)
    expect(blank.body.errors.map(e => `${e.path}: ${e.message}`)).toEqual([
      'reason: Enter why the case is being withdrawn',
    ])
    const short = await withdraw(secondsCase.caseId, { reason: ' ab ' }, 1)
    expect(short.status).toBe(400)
    expect(short.body.errors.map(e => `${e.path}: ${e.message}`)).toEqual([
      'reason: Reason must be at least 3 characters',
    ])
    const unknown = await withdraw(secondsCase.caseId, { reason: 'Sampled in error', auditorId: second.id }, 1)
    expect(unknown.status).toBe(400)
    expect((await withdraw(secondsCase.caseId, { reason: 'Sampled in error' }, null)).status).toBe(428)
    expect((await withdraw(secondsCase.caseId, { reason: 'Sampled in error' }, 7)).status).toBe(412)
    const after = (await round()).cases.find(c => c.caseId === secondsCase.caseId)!
    expect(after).toMatchObject({ caseVersion: 1, withdrawal: null })
    const [history] = await t.db.query<{ versions: number }>(
      `SELECT count(*)::int AS versions FROM record_versions WHERE table_name = 'audit_cases' AND record_id = $1`,
      [secondsCase.caseId],
    )
    expect(history?.versions).toBe(1)
  })

  it('is the round lead’s alone: anyone else is told "not found" or refused, and nothing is written', async () => {
    const body = { reason: 'The child was sampled in error' }
    // The case's own auditor is not the lead.
    expect((await withdraw(secondsCase.caseId, body, 1, secondClient)).status).toBe(404)
    const outsider = await addAuditor(t, 'north', 'Not In This Round')
    expect((await withdraw(secondsCase.caseId, body, 1, apiClient(t.baseUrl, outsider.token))).status).toBe(404)
    expect((await withdraw(secondsCase.caseId, body, 1, worker)).status).toBe(403)
    const south = apiClient(t.baseUrl, t.south.users['qa-auditor'].token)
    expect((await withdraw(secondsCase.caseId, body, 1, south)).status).toBe(404)
    // A case of another round is not found under this one.
    const otherRound = await createRound('Another round', [childIds[4]!])
    const otherCase = (await lead.get<RoundBody>(roundPath(otherRound))).body.cases[0]!
    expect((await withdraw(otherCase.caseId, body, 1)).status).toBe(404)
    expect((await round()).cases.every(c => c.withdrawal === null)).toBe(true)
  })

  it('withdraws a case, with who, when and why, ending its auditor’s and moderator’s access to the child', async () => {
    expect((await secondClient.get(`/api/v1/children/${secondsCase.childId}`)).status).toBe(200)
    // The lead moderates the second auditor's case: they stop seeing the child through it too.
    const leadSaw = await lead.get(`/api/v1/children/${secondsCase.childId}`)
    expect(leadSaw.status).toBe(200)
    const withdrawn = await withdraw(secondsCase.caseId, { reason: '  The child was sampled in error  ' }, 1)
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200)
    expect(withdrawn.body.version).toBe(2)
    expect(withdrawn.headers.get('etag')).toBe('W/"2"')
    const after = (await round()).cases.find(c => c.caseId === secondsCase.caseId)!
    expect(after).toMatchObject({
      caseVersion: 2,
      auditorId: second.id,
      withdrawal: { withdrawnOn: '2026-03-02', withdrawnById: leadUser.id, reason: 'The child was sampled in error' },
    })
    expect(after.withdrawnByName).toBeTruthy()
    expect((await secondClient.get(`/api/v1/children/${secondsCase.childId}`)).status).toBe(404)
    expect((await lead.get(`/api/v1/children/${secondsCase.childId}`)).status).toBe(404)
    const [history] = await t.db.query<{ reason: string; withdrawn: string }>(
      `SELECT change_reason AS reason, data->>'withdrawal_reason' AS withdrawn FROM record_versions
        WHERE table_name = 'audit_cases' AND record_id = $1 AND version = 2`,
      [secondsCase.caseId],
    )
    expect(history).toEqual({ reason: 'The child was sampled in error', withdrawn: 'The child was sampled in error' })
    // Its auditor still sees the round and the case, as withdrawn, and has nothing left to do in it.
    const asSecond = await secondClient.get<RoundBody>(roundPath(roundId))
    expect(asSecond.body.cases.find(c => c.caseId === secondsCase.caseId)?.withdrawal?.reason).toBe(
      'The child was sampled in error',
    )
  })

  it('keeps a submitted audit in the history when its case is withdrawn, and leaves it out of the counts', async () => {
    const before = (await lead.get<RoundsBody>('/api/v1/audit-rounds')).body.rounds.find(r => r.id === roundId)!
    expect(before).toMatchObject({ cases: 3, audited: 1 })
    const draftBefore = await lead.get<{ casesAudited: number }>(`${roundPath(roundId)}/learning-brief`)
    expect(draftBefore.body.casesAudited).toBe(1)

    const withdrawn = await withdraw(leadsCase.caseId, { reason: 'The case is subject to a serious case review' }, 1)
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200)
    const view = await lead.get<{ audit: { history: { isSubmitted: boolean }[] }; withdrawal: { reason: string } }>(
      casePath(roundId, leadsCase.caseId),
    )
    expect(view.status).toBe(200)
    expect(view.body.audit.history.map(v => v.isSubmitted)).toEqual([true])
    expect(view.body.withdrawal.reason).toBe('The case is subject to a serious case review')

    const after = (await lead.get<RoundsBody>('/api/v1/audit-rounds')).body.rounds.find(r => r.id === roundId)!
    expect(after).toMatchObject({ cases: 2, audited: 0 })
    const detail = await round()
    expect(detail.counts).toEqual({ cases: 2, withdrawn: 2, audited: 0, moderated: 0 })
    expect(detail.cases).toHaveLength(4)
    const draftAfter = await lead.get<{ casesAudited: number }>(`${roundPath(roundId)}/learning-brief`)
    expect(draftAfter.body.casesAudited).toBe(0)
  })

  it('cannot be audited, moderated, reassigned, given actions or withdrawn again once withdrawn', async () => {
    const audit = await secondClient.put<ErrorBody>(
      `${casePath(roundId, secondsCase.caseId)}/audit`,
      { domains: { assessment: { grade: 'good' } } },
      ifMatch(0),
    )
    expect(audit.status).toBe(422)
    expect(audit.body.errors).toEqual([
      {
        path: '',
        code: 'case-withdrawn',
        message: 'This case has been withdrawn from the round, so it cannot be audited, moderated or reassigned',
      },
    ])
    // The second auditor moderates the lead's case, whose audit was submitted before it was withdrawn.
    const moderation = await secondClient.put(
      `${casePath(roundId, leadsCase.caseId)}/moderation`,
      { domains: {} },
      ifMatch(0),
    )
    expect(codesOf(moderation.body)).toEqual(['case-withdrawn'])
    const reassign = await lead.post(
      `${casePath(roundId, secondsCase.caseId)}/reassign`,
      { auditorId: leadUser.id, moderatorId: null, reason: 'On leave' },
      ifMatch(2),
    )
    expect(codesOf(reassign.body)).toEqual(['case-withdrawn'])
    const action = await lead.post(`${casePath(roundId, leadsCase.caseId)}/actions`, {
      domain: 'plans',
      description: 'Record the contingency plan',
      ownerId: t.north.users['team-manager'].id,
      dueOn: '2026-04-01',
    })
    expect(codesOf(action.body)).toEqual(['case-withdrawn'])
    const again = await withdraw(secondsCase.caseId, { reason: 'Again' }, 2)
    expect(again.status).toBe(422)
    expect(codesOf(again.body)).toEqual(['case-withdrawn'])
    const gradings = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_gradings WHERE case_id = ANY($1::uuid[])`,
      [[secondsCase.caseId, leadsCase.caseId]],
    )
    expect(gradings[0]?.n).toBe(1)
  })

  it('leaves withdrawn cases out when the round closes', async () => {
    const version = (await round()).version
    const refused = await lead.post(`${roundPath(roundId)}/close`, {}, ifMatch(version))
    expect(codesOf(refused.body)).toEqual(['cases-outstanding'])
    const closed = await lead.post<{ outstanding: number }>(
      `${roundPath(roundId)}/close`,
      { reason: 'Carried to the next round' },
      ifMatch(version),
    )
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    expect(closed.body.outstanding).toBe(2)
    // Closed: no case can be withdrawn any more.
    const remaining = (await round()).cases.find(c => c.withdrawal === null)!
    const late = await withdraw(remaining.caseId, { reason: 'Sampled in error' }, remaining.caseVersion)
    expect(codesOf(late.body)).toEqual(['round-closed'])
  })

  it('writes exactly one audit event per request, naming the case', async () => {
    const events = await auditEvents('AUDIT_CASE_WITHDRAWN')
    expect(events).toHaveLength(withdrawRequests)
    expect(events.filter(e => e.outcome === 'success').map(e => e.case_id)).toEqual([
      secondsCase.caseId,
      leadsCase.caseId,
    ])
  })
})

describe('cancelling an audit round', () => {
  let roundId: string
  let cancelRequests = 0
  const cancel = (body: object, version: number, client = lead, id = roundId) => {
    cancelRequests += 1
    return client.post<ErrorBody & { version: number }>(`${roundPath(id)}/cancel`, body, ifMatch(version))
  }

  beforeAll(async () => {
    roundId = await createRound('Set up in error', childIds.slice(5, 7))
  })

  it('refuses a missing reason, naming the field, and writes nothing', async () => {
    const missing = await cancel({}, 1)
    expect(missing.status).toBe(400)
    expect(missing.body.errors).toEqual([
      { path: 'reason', code: 'required', message: 'Enter why the round is being cancelled' },
    ])
    expect((await cancel({ reason: 'x' }, 1)).status).toBe(400)
    const round = await lead.get<RoundBody>(roundPath(roundId))
    expect(round.body).toMatchObject({ version: 1, status: 'open', cancellation: null })
  })

  it('is the round lead’s alone', async () => {
    const body = { reason: 'Set up with the wrong auditors' }
    expect((await cancel(body, 1, secondClient)).status).toBe(404)
    expect((await cancel(body, 1, worker)).status).toBe(403)
    expect((await cancel(body, 1, apiClient(t.baseUrl, t.south.users['qa-auditor'].token))).status).toBe(404)
    expect((await lead.get<RoundBody>(roundPath(roundId))).body.status).toBe('open')
  })

  it('cancels an open round: it moves to the cancelled rounds and its auditors stop seeing its children', async () => {
    const round = await lead.get<RoundBody>(roundPath(roundId))
    const theirs = round.body.cases.find(c => c.auditorId === second.id)!
    expect((await secondClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(200)
    expect((await cancel({ reason: 'Set up with the wrong auditors' }, 3)).status).toBe(412)
    const cancelled = await cancel({ reason: 'Set up with the wrong auditors' }, 1)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.version).toBe(2)
    const after = await lead.get<RoundBody>(roundPath(roundId))
    expect(after.body).toMatchObject({
      status: 'cancelled',
      closedOn: null,
      cancellation: { cancelledOn: '2026-03-02', cancelledById: leadUser.id, reason: 'Set up with the wrong auditors' },
    })
    expect((await secondClient.get(`/api/v1/children/${theirs.childId}`)).status).toBe(404)
    const list = await secondClient.get<RoundsBody>('/api/v1/audit-rounds')
    expect(list.body.rounds.find(r => r.id === roundId)).toMatchObject({ status: 'cancelled', myCasesToAudit: 0 })
  })

  it('lets nothing in a cancelled round change, and gives it no learning brief', async () => {
    const round = await lead.get<RoundBody>(roundPath(roundId))
    const theirs = round.body.cases.find(c => c.auditorId === second.id)!
    const audit = await secondClient.put<ErrorBody>(
      `${casePath(roundId, theirs.caseId)}/audit`,
      { domains: {} },
      ifMatch(0),
    )
    expect(audit.status).toBe(422)
    expect(audit.body.errors[0]?.message).toBe('This audit round has been cancelled, so nothing in it can be changed')
    const withdrawn = await lead.post(
      `${casePath(roundId, theirs.caseId)}/withdraw`,
      { reason: 'Sampled in error' },
      ifMatch(1),
    )
    expect(codesOf(withdrawn.body)).toEqual(['round-cancelled'])
    const reassign = await lead.post(
      `${casePath(roundId, theirs.caseId)}/reassign`,
      { auditorId: leadUser.id, moderatorId: null, reason: 'On leave' },
      ifMatch(1),
    )
    expect(codesOf(reassign.body)).toEqual(['round-cancelled'])
    expect(codesOf((await lead.post(`${roundPath(roundId)}/close`, { reason: 'Done' }, ifMatch(2))).body)).toEqual([
      'round-cancelled',
    ])
    expect(codesOf((await cancel({ reason: 'Again' }, 2)).body)).toEqual(['round-cancelled'])
    expect((await lead.get(`${roundPath(roundId)}/learning-brief`)).status).toBe(404)
    // Nor can a new round compare with it.
    const compared = await lead.post('/api/v1/audit-rounds', {
      title: 'Compared',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 1, seed: 3 },
      auditorIds: [leadUser.id],
      moderationPercent: 0,
      deadlineOn: '2026-04-30',
      previousRoundId: roundId,
    })
    expect(codesOf(compared.body)).toEqual(['previous-round-missing'])
  })

  it('refuses to cancel a closed round: its learning brief is final', async () => {
    const closedId = await createRound('Closed already', [childIds[0]!])
    const closed = await lead.post(`${roundPath(closedId)}/close`, { reason: 'Carried over' }, ifMatch(1))
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    const refused = await cancel({ reason: 'Set up in error' }, 2, lead, closedId)
    expect(refused.status).toBe(422)
    expect(refused.body.errors).toEqual([
      {
        path: '',
        code: 'round-closed-cannot-cancel',
        message: 'This audit round is closed, so it cannot be cancelled: its learning brief is final',
      },
    ])
    expect((await lead.get<RoundBody>(roundPath(closedId))).body.status).toBe('closed')
  })

  it('writes exactly one audit event per request', async () => {
    const events = await auditEvents('AUDIT_ROUND_CANCELLED')
    expect(events).toHaveLength(cancelRequests)
    expect(events.filter(e => e.outcome === 'success')).toHaveLength(1)
  })
})

describe('the OpenAPI document', () => {
  it('describes both routes with their reason, from the zod schemas', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; summary?: string }>>
    }
    for (const path of [
      '/api/v1/audit-rounds/{roundId}/cancel',
      '/api/v1/audit-rounds/{roundId}/cases/{caseId}/withdraw',
    ]) {
      const post = doc.paths[path]?.post
      expect(post?.summary, path).toBeTruthy()
      expect(JSON.stringify(post?.requestBody), path).toContain('"reason"')
    }
  })
})
