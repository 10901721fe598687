/**
 * The fixture of the authorisation matrix (security SEC-01): one user of every role, all in one team, and, for each
 * relationship those users can have to a child (assigned, same team, same service, none) and each sensitivity
 * (normal; restricted for each of the three categories; restricted with the users named in its permitted set;
 * sealed; sealed with the users named), a child whose record holds one fact of every kind, an endorsed permanence
 * plan (version 1) with its "My plan", the closed permanence planning meeting that considered it (with one action),
 * and a draft panel request. Children are built through the API (so their records are sound) and then moved to their
 * team and sensitivity in the database.
 */
import { addNetworkFixture } from './network-fixture.ts'
import { addReturnDetailsFixture } from './return-details-fixture.ts'
import { randomUUID } from 'node:crypto'
import { provisionUser } from '../../app/admin/provision-authority.ts'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { endorsableContent } from '../../domain/plans/testing/fixtures.ts'
import { ROLES, type AccessRelationship, type AccessSensitivity, type Role } from '../../domain/access/policies.ts'
import { apiClient, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'

export interface MatrixUser {
  readonly id: string
  readonly email: string
  readonly token: string
  readonly role: Role
}

export const VARIANTS = [
  { name: 'normal', sensitivity: 'normal', category: null, isPermitted: false },
  {
    name: 'restricted: staff or relative',
    sensitivity: 'restricted',
    category: 'staff-or-relative',
    isPermitted: false,
  },
  { name: 'restricted: high profile', sensitivity: 'restricted', category: 'high-profile', isPermitted: false },
  { name: 'restricted: high risk', sensitivity: 'restricted', category: 'high-risk', isPermitted: false },
  {
    name: 'restricted, user named in its permitted set',
    sensitivity: 'restricted',
    category: 'high-risk',
    isPermitted: true,
  },
  { name: 'sealed', sensitivity: 'sealed', category: null, isPermitted: false },
  { name: 'sealed, user named in its permitted set', sensitivity: 'sealed', category: null, isPermitted: true },
] as const satisfies readonly {
  name: string
  sensitivity: AccessSensitivity
  category: string | null
  isPermitted: boolean
}[]

export type Variant = (typeof VARIANTS)[number]

export interface MatrixChild {
  readonly childId: string
  readonly caseNumber: string
  readonly relationship: AccessRelationship
  readonly variant: Variant
  readonly factIds: Readonly<Record<string, string>>
  /** The closed permanence planning meeting that considered the plan. */
  readonly meetingId: string
  /** The action set at that meeting. */
  readonly actionId: string
  /** A draft panel request about the child. */
  readonly panelRequestId: string
}

export interface MatrixWorld {
  readonly users: Readonly<Record<Role, MatrixUser>>
  readonly owner: MatrixUser
  readonly children: readonly MatrixChild[]
  readonly teamId: string
}

export const RELATIONSHIP_ORDER: readonly AccessRelationship[] = ['assigned', 'same-team', 'same-service', 'none']

type Client = ReturnType<typeof apiClient>

/** The action every fixture child's permanence planning meeting sets. */
export const MATRIX_ACTION_ID = 'act-matrix'

/**
 * The body of a fixture request, or a failure naming the step.
 * @param what - the step, for the message
 * @param response - the request
 * @param status - the status it must answer
 * @returns the body
 */
async function expectStatus<T>(what: string, response: Promise<{ status: number; body: T }>, status = 201) {
  const answered = await response
  if (answered.status !== status) {
    throw new Error(`Matrix fixture: ${what} answered ${answered.status} ${JSON.stringify(answered.body)}`)
  }
  return answered.body
}

/**
 * Gives a child an endorsed plan (version 1) with its "My plan", the closed PPM that considered it (setting one
 * action), and a draft panel request, through the API as the social worker and team manager of the child's team.
 * @param t - the running test app
 * @param worker - a social worker of the child's team
 * @param manager - the team manager of the child's team, who chairs the PPM
 * @param childId - the child
 * @returns the meeting, its action and the panel request
 */
async function buildPlanning(
  t: TestApp,
  worker: Client,
  manager: Client,
  childId: string,
): Promise<{ meetingId: string; actionId: string; panelRequestId: string }> {
  const base = `/api/v1/children/${childId}`
  const ifMatch = (version: number) => ({ 'if-match': `W/"${version}"` })
  const today = t.deps.clock.today()
  const plan = await expectStatus(
    'starting the plan',
    worker.post<{ planId: string; rowVersion: number }>(`${base}/plan`, endorsableContent()),
  )
  const sent = await expectStatus(
    'sending the plan',
    worker.post<{ rowVersion: number }>(
      `${base}/plan/versions/1/send-to-manager`,
      { ppmOn: today },
      ifMatch(plan.rowVersion),
    ),
    200,
  )
  const { meetingId } = await expectStatus(
    'booking the PPM',
    worker.post<{ meetingId: string }>(`${base}/meetings`, {
      kind: 'permanence-planning-meeting',
      heldOn: today,
      chair: { name: 'Matrix Manager', userId: t.north.users['team-manager'].id, role: 'team-manager' },
      purpose: 'To agree the permanence plan.',
    }),
  )
  await expectStatus(
    'recording the PPM',
    worker.put(
      `${base}/meetings/${meetingId}`,
      {
        invitees: [
          { id: 'inv-tm', name: 'Matrix Manager', role: 'team-manager', attendance: 'attended' },
          { id: 'inv-iro', name: 'Matrix Reviewer', role: 'iro', attendance: 'attended' },
          {
            id: 'inv-mum',
            name: 'Mum Matrixling',
            role: 'parent',
            holdsParentalResponsibility: true,
            attendance: 'attended',
          },
        ],
        childOutcomes: [{ childId, outcome: 'Twin tracking agreed.', planId: plan.planId, planVersion: 1 }],
        decisions: [{ id: 'dec-matrix', childId, decision: 'Special guardianship is the plan.', reasons: 'Assessed.' }],
        actions: [
          { id: MATRIX_ACTION_ID, description: 'Complete the assessment', owner: 'Matrix Worker', dueOn: '2026-06-01' },
        ],
        minutes: 'The meeting considered every option.',
        nextMeetingOn: '2026-05-01',
      },
      ifMatch(1),
    ),
    200,
  )
  await expectStatus('closing the PPM', manager.post(`${base}/meetings/${meetingId}/close`, undefined, ifMatch(2)), 200)
  const considered = sent.rowVersion + 1
  await expectStatus(
    'endorsing the plan',
    manager.post(`${base}/plan/versions/1/endorse`, { reasons: 'Matrix fixture: ready.' }, ifMatch(considered)),
    200,
  )
  await expectStatus('composing My plan', worker.post(`${base}/my-plan`, undefined))
  const request = await expectStatus(
    'making a panel request',
    worker.post<{ requestId: string }>(`${base}/panel-requests`, { purpose: 'match', details: 'Matrix fixture' }),
  )
  return { meetingId, actionId: MATRIX_ACTION_ID, panelRequestId: request.requestId }
}

async function makeUser(t: TestApp, role: Role, key: string): Promise<MatrixUser> {
  const email = `matrix.${key}@north.example.test`
  const id = await provisionUser(t.db, t.north.authorityId, {
    email,
    displayName: `Matrix ${key}`,
    role,
    teamId: t.north.teamA,
    serviceId: null,
    password: TEST_PASSWORD,
    isDemo: true,
  })
  return { id, email, role, token: (await createApiToken(t.deps, email, 'matrix'))! }
}

/**
 * Builds the matrix fixture in the north authority of a test app.
 * @param t - the running test app
 * @returns users and children
 */
export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const users = {} as Record<Role, MatrixUser>
  for (const role of ROLES) {
    users[role] = await makeUser(t, role, role)
  }
  const owner = await makeUser(t, 'team-manager', 'restriction-owner')
  const builder = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
  // The sibling every fixture child is linked to. A link is stored once, lower id first, and the care-record use
  // cases find a link only through its first child; the anchor's id sorts last so each link is its fixture child's.
  const anchorId = 'ffffffff-ffff-4fff-bfff-ffffffffffff'
  await t.db.query(
    `INSERT INTO children (id, authority_id, given_names, family_name, date_of_birth_on, sex, ethnicity,
       local_case_number, team_id) VALUES ($1, $2, 'Anchor', 'Matrixling', '2014-01-01', 'male', 'WBRI', 'MX-ANCHOR', $3)`,
    [anchorId, t.north.authorityId, t.north.teamA],
  )
  const anchor = { body: { id: anchorId } }
  const teamOf: Record<AccessRelationship, string> = {
    assigned: t.north.otherServiceTeam,
    'same-team': t.north.teamA,
    'same-service': t.north.teamB,
    none: t.north.otherServiceTeam,
  }
  const children: MatrixChild[] = []
  let n = 0
  for (const relationship of RELATIONSHIP_ORDER) {
    for (const variant of VARIANTS) {
      n += 1
      const caseNumber = `MX-${String(n).padStart(3, '0')}`
      const created = await builder.post<{ id: string }>('/api/v1/children', {
        givenNames: 'Cell',
        familyName: 'Matrixling',
        dateOfBirthOn: '2015-03-01',
        sex: 'female',
        ethnicity: 'WBRI',
        localCaseNumber: caseNumber,
        teamId: t.north.teamA,
        allocatedWorkerId: t.north.users.otherWorker.id,
      })
      const childId = created.body.id
      const post = async (path: string, body: unknown) => {
        const response = await builder.post<{
          id?: string
          periodOfCareId?: string
          legalStatusId?: string
          placementId?: string
        }>(`/api/v1/children/${childId}${path}`, body)
        if (response.status !== 201) {
          throw new Error(`Matrix fixture: ${path} answered ${response.status} ${JSON.stringify(response.body)}`)
        }
        return response.body
      }
      const lac = await post('/became-looked-after', {
        startedOn: '2025-06-01',
        legalStatus: 'section-20',
        categoryOfNeed: 'N1',
        placement: { placementType: 'foster-other' },
      })
      const relationshipFact = await post('/relationships', {
        relationship: 'grandparent',
        person: { givenNames: 'Gran', familyName: 'Matrixling' },
      })
      const record = await builder.get<{
        relationships: { id: string; personId: string }[]
        allocations: { id: string }[]
      }>(`/api/v1/children/${childId}`)
      const personId = record.body.relationships[0]!.personId
      const factIds: Record<string, string> = {
        'periods-of-care': lac.periodOfCareId!,
        'legal-statuses': lac.legalStatusId!,
        placements: lac.placementId!,
        reviews: (await post('/reviews', { heldOn: '2025-07-01' })).id!,
        proceedings: (await post('/proceedings', { issuedOn: '2025-08-01' })).id!,
        orders: (await post('/orders', { orderType: 'care-order', madeOn: '2025-09-01' })).id!,
        relationships: relationshipFact.id!,
        siblings: (await post('/siblings', { siblingChildId: anchor.body.id, kind: 'half' })).id!,
        allocations: record.body.allocations[0]!.id,
        'living-arrangements': (
          await post('/living-arrangements', { personId, startedOn: '2025-01-01', endedOn: '2025-06-01' })
        ).id!,
        events: (await post('/events', { kind: 'statutory-visit', occurredOn: '2025-07-15' })).id!,
      }
      // The child's network (issue 7): one record of each kind, keyed `network/<kind>`.
      Object.assign(factIds, await addNetworkFixture(post, childId, anchor.body.id, personId))
      // The child's return details (issue 8): one record of each kind, keyed `return-details/<kind>`.
      Object.assign(factIds, await addReturnDetailsFixture(post))

      const planning = await buildPlanning(t, builder, manager, childId)
      const permitted = variant.isPermitted ? ROLES.map(role => users[role].id) : []
      await t.db.query(
        `UPDATE children SET team_id = $2, sensitivity = $3, restriction_category = $4,
           restriction_owner_id = CASE WHEN $3 = 'restricted' THEN $5::uuid END,
           restriction_review_on = CASE WHEN $3 = 'restricted' THEN DATE '2026-03-01' END,
           restriction_permitted_user_ids = $6::uuid[], version = version + 1
         WHERE id = $1`,
        [childId, teamOf[relationship], variant.sensitivity, variant.category, owner.id, permitted],
      )
      if (relationship === 'assigned') {
        for (const role of ROLES) {
          await t.db.query(
            `INSERT INTO child_assignments (id, authority_id, child_id, user_id, kind) VALUES ($1, $2, $3, $4, 'panel')`,
            [randomUUID(), t.north.authorityId, childId, users[role].id],
          )
        }
      }
      children.push({ childId, caseNumber, relationship, variant, factIds, ...planning })
    }
  }
  return { users, owner, children, teamId: t.north.teamA }
}
