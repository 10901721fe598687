/**
 * One probe per API route, for the authorisation matrix (security SEC-01). A probe is a request that passes input
 * parsing and, once authorised, fails a rule or a version check rather than change anything (a date in the future, a
 * stale If-Match, a duplicate case number), so thousands of cells can run against one fixture, in parallel, without
 * disturbing it. Every API route must have a probe: server.int.test.ts fails when a route has none, so a new route
 * cannot escape the matrix.
 */
import type { PolicyKey } from '../../app/shared/run-operation.ts'

/** What a probe needs from the fixture. */
export interface ProbeTarget {
  readonly childId: string
  /** The child's fact of each kind (every fixture child has one of each). */
  readonly factIds: Readonly<Record<string, string>>
  /** A case number already in use (registering it again is refused after authorisation). */
  readonly takenCaseNumber: string
  readonly teamId: string
  /** An active team manager, who can own a restriction and be the subject of account changes. */
  readonly ownerId: string
  readonly missingId: string
  /** A closed permanence planning meeting about the child (it considered the child's endorsed plan, version 1). */
  readonly meetingId: string
  /** An open action set at that meeting. */
  readonly actionId: string
  /** A draft panel request about the child. */
  readonly panelRequestId: string
}

export interface Probe {
  /** Builds the request path. */
  readonly path: (target: ProbeTarget) => string
  readonly body?: (target: ProbeTarget) => unknown
  readonly ifMatch?: boolean
  /** The statuses that show the request got past authorisation (and changed nothing). */
  readonly allowed: readonly number[]
  /** Whether the route concerns one child (its outcome depends on relationship and sensitivity). */
  readonly isChildRoute: boolean
}

const FUTURE = '2030-01-01'
const child = (path: string) => (target: ProbeTarget) => `/api/v1/children/${target.childId}${path}`
const fact =
  (kind: string, suffix = '') =>
  (target: ProbeTarget) =>
    `/api/v1/children/${target.childId}/${kind}/${target.factIds[kind]}${suffix}`

const ADD_FACT: Record<string, (target: ProbeTarget) => unknown> = {
  'periods-of-care': () => ({ startedOn: FUTURE }),
  'legal-statuses': () => ({ status: 'care-order', startedOn: FUTURE }),
  placements: () => ({ placementType: 'foster-other', startedOn: FUTURE }),
  reviews: () => ({ heldOn: FUTURE }),
  proceedings: () => ({ issuedOn: FUTURE }),
  orders: () => ({ orderType: 'care-order', madeOn: FUTURE }),
  relationships: target => ({ personId: target.missingId, relationship: 'aunt' }),
  siblings: target => ({ siblingChildId: target.childId, kind: 'full' }),
  allocations: target => ({ workerId: target.missingId, startedOn: FUTURE }),
  'living-arrangements': target => ({ personId: target.missingId, startedOn: FUTURE }),
  events: () => ({ kind: 'statutory-visit', occurredOn: FUTURE }),
}

const CHANGE_FACT: Record<string, (target: ProbeTarget) => unknown> = {
  'periods-of-care': () => ({ startedOn: FUTURE, reason: 'Matrix probe' }),
  'legal-statuses': () => ({ status: 'care-order', startedOn: FUTURE, reason: 'Matrix probe' }),
  placements: () => ({ placementType: 'foster-other', startedOn: FUTURE, reason: 'Matrix probe' }),
  reviews: () => ({ heldOn: FUTURE, reason: 'Matrix probe' }),
  proceedings: () => ({ issuedOn: FUTURE, reason: 'Matrix probe' }),
  orders: () => ({ orderType: 'care-order', madeOn: FUTURE, reason: 'Matrix probe' }),
  relationships: () => ({ relationship: 'aunt', reason: 'Matrix probe' }),
  siblings: () => ({ kind: 'half', reason: 'Matrix probe' }),
  allocations: target => ({ workerId: target.ownerId, startedOn: FUTURE, reason: 'Matrix probe' }),
  'living-arrangements': target => ({ personId: target.missingId, startedOn: FUTURE, reason: 'Matrix probe' }),
  events: () => ({ kind: 'statutory-visit', occurredOn: FUTURE, reason: 'Matrix probe' }),
}

const factProbes = Object.fromEntries(
  Object.keys(ADD_FACT).flatMap(kind => [
    [
      `POST /api/v1/children/:childId/${kind}`,
      { path: child(`/${kind}`), body: ADD_FACT[kind], allowed: [422], isChildRoute: true },
    ],
    [
      `PUT /api/v1/children/:childId/${kind}/:factId`,
      { path: fact(kind), body: CHANGE_FACT[kind], ifMatch: true, allowed: [412, 422], isChildRoute: true },
    ],
    [
      `POST /api/v1/children/:childId/${kind}/:factId/void`,
      {
        path: fact(kind, '/void'),
        body: () => ({ reason: 'Matrix probe' }),
        ifMatch: true,
        allowed: [412, 422],
        isChildRoute: true,
      },
    ],
    [
      `GET /api/v1/children/:childId/${kind}/:factId/versions`,
      { path: fact(kind, '/versions'), allowed: [200], isChildRoute: true },
    ],
  ]),
) as Record<string, Probe>

// The child's network (issue 7): each add and correction breaks a network rule once authorised (a date in the future,
// someone not in the network, a plan that is not the child's), each void carries a stale If-Match.
const ADD_NETWORK_RECORD: Record<string, (target: ProbeTarget) => Record<string, unknown>> = {
  'family-meetings': () => ({ kind: 'family-network-meeting', heldOn: FUTURE }),
  'kinship-assessments': target => ({ personId: target.missingId, kind: 'viability', startedOn: '2025-07-03' }),
  'sgo-notices': target => ({ personId: target.missingId, givenOn: '2025-07-04' }),
  'sibling-assessments': target => ({
    childIds: [target.childId, target.missingId],
    assessedOn: '2025-07-05',
    pairs: [{ childId: target.childId, siblingChildId: target.missingId, outcome: 'apart', reasons: 'Matrix probe' }],
  }),
  'family-time-plans': target => ({
    personId: target.missingId,
    mode: 'indirect',
    sessionsPerPeriod: 1,
    period: 'month',
    supervision: 'not-applicable',
    purpose: 'Matrix probe',
    startedOn: '2025-07-01',
  }),
  'family-time-sessions': target => ({ planId: target.missingId, occurredOn: '2025-07-06', outcome: 'attended' }),
  'family-time-suspensions': target => ({
    planId: target.missingId,
    suspendedOn: '2025-07-07',
    reason: 'Matrix probe',
  }),
  'life-story-work': () => ({
    kind: 'life-story-book',
    owner: 'Matrix probe',
    dueOn: '2025-08-01',
    status: 'completed',
  }),
}

const networkProbes = Object.fromEntries([
  [
    'GET /api/v1/children/:childId/network',
    { path: child('/network'), allowed: [200], isChildRoute: true } satisfies Probe,
  ],
  ...Object.keys(ADD_NETWORK_RECORD).flatMap(kind => [
    [
      `POST /api/v1/children/:childId/network/${kind}`,
      { path: child(`/network/${kind}`), body: ADD_NETWORK_RECORD[kind], allowed: [422], isChildRoute: true },
    ],
    [
      `PUT /api/v1/children/:childId/network/${kind}/:recordId`,
      {
        path: fact(`network/${kind}`),
        body: (target: ProbeTarget) => ({
          ...ADD_NETWORK_RECORD[kind]!(target),
          [kind === 'family-time-suspensions' ? 'changeReason' : 'reason']: 'Matrix probe',
        }),
        ifMatch: true,
        allowed: [412, 422],
        isChildRoute: true,
      },
    ],
    [
      `POST /api/v1/children/:childId/network/${kind}/:recordId/void`,
      {
        path: fact(`network/${kind}`, '/void'),
        body: () => ({ reason: 'Matrix probe' }),
        ifMatch: true,
        allowed: [412],
        isChildRoute: true,
      },
    ],
    [
      `GET /api/v1/children/:childId/network/${kind}/:recordId/versions`,
      { path: fact(`network/${kind}`, '/versions'), allowed: [200], isChildRoute: true },
    ],
  ]),
  [
    'GET /api/v1/sibling-groups/split',
    { path: () => '/api/v1/sibling-groups/split', allowed: [200], isChildRoute: false } satisfies Probe,
  ],
]) as Record<string, Probe>

// Return details (issue 8): each add and correction breaks a rule once authorised (a date in the future, a collection
// year not yet started), each void carries a stale If-Match.
const ADD_RETURN_DETAIL: Record<string, (target: ProbeTarget) => Record<string, unknown>> = {
  'missing-episodes': () => ({ kind: 'missing', startedOn: FUTURE }),
  'health-outcomes': () => ({ collectionYear: 2027 }),
  'care-leaver-outcomes': () => ({
    collectionYear: 2027,
    contact: 'in-touch',
    activity: 'not-applicable',
    accommodation: 'not-applicable',
  }),
  'deprivation-of-liberty-orders': () => ({ startedOn: FUTURE }),
}

const returnDetailProbes = Object.fromEntries(
  Object.keys(ADD_RETURN_DETAIL).flatMap(kind => [
    [
      `GET /api/v1/children/:childId/return-details/${kind}`,
      { path: child(`/return-details/${kind}`), allowed: [200], isChildRoute: true },
    ],
    [
      `POST /api/v1/children/:childId/return-details/${kind}`,
      { path: child(`/return-details/${kind}`), body: ADD_RETURN_DETAIL[kind], allowed: [422], isChildRoute: true },
    ],
    [
      `PUT /api/v1/children/:childId/return-details/${kind}/:recordId`,
      {
        path: fact(`return-details/${kind}`),
        body: (target: ProbeTarget) => ({ ...ADD_RETURN_DETAIL[kind]!(target), reason: 'Matrix probe' }),
        ifMatch: true,
        allowed: [412, 422],
        isChildRoute: true,
      },
    ],
    [
      `POST /api/v1/children/:childId/return-details/${kind}/:recordId/void`,
      {
        path: fact(`return-details/${kind}`, '/void'),
        body: () => ({ reason: 'Matrix probe' }),
        ifMatch: true,
        allowed: [412],
        isChildRoute: true,
      },
    ],
    [
      `GET /api/v1/children/:childId/return-details/${kind}/:recordId/versions`,
      { path: fact(`return-details/${kind}`, '/versions'), allowed: [200], isChildRoute: true },
    ],
  ]),
) as Record<string, Probe>

const REASONS = { reasons: 'Matrix probe' }

/**
 * The steps of the plan's lifecycle, each on the endorsed version 1 with a stale If-Match (412): the row version is
 * checked before the step's rules.
 */
const PLAN_STEPS: Record<string, (target: ProbeTarget) => unknown> = {
  'send-to-manager': () => ({ ppmOn: FUTURE }),
  withdraw: () => REASONS,
  'return-to-draft': () => REASONS,
  'considered-at-ppm': target => ({ meetingId: target.meetingId }),
  endorse: () => REASONS,
  ratify: target => ({ reviewMeetingId: target.meetingId, ...REASONS }),
  'decline-ratification': target => ({ reviewMeetingId: target.meetingId, ...REASONS }),
  'option-change/considered-at-review': target => ({ reviewMeetingId: target.meetingId, ...REASONS }),
  'option-change/not-reasonably-practicable': () => REASONS,
  'permanence-achieved': () => ({ achievedOn: FUTURE, route: 'special-guardianship' }),
  delete: () => ({ reason: 'Matrix probe' }),
}

const planStepProbes = Object.fromEntries(
  Object.entries(PLAN_STEPS).map(([step, body]) => [
    `POST /api/v1/children/:childId/plan/versions/:planVersion/${step}`,
    { path: child(`/plan/versions/1/${step}`), body, ifMatch: true, allowed: [412], isChildRoute: true },
  ]),
) as Record<string, Probe>

const meeting =
  (suffix = '') =>
  (target: ProbeTarget) =>
    `/api/v1/children/${target.childId}/meetings/${target.meetingId}${suffix}`
const panelRequest =
  (suffix = '') =>
  (target: ProbeTarget) =>
    `/api/v1/children/${target.childId}/panel-requests/${target.panelRequestId}${suffix}`

/** Permanence plans, "My plan", meetings, actions, panels and agency decisions (every fixture child has each). */
const planningProbes: Record<string, Probe> = {
  'GET /api/v1/children/:childId/plan': { path: child('/plan'), allowed: [200], isChildRoute: true },
  // One plan per child: starting another is refused.
  'POST /api/v1/children/:childId/plan': { path: child('/plan'), body: () => ({}), allowed: [409], isChildRoute: true },
  'GET /api/v1/children/:childId/plan/versions': { path: child('/plan/versions'), allowed: [200], isChildRoute: true },
  'POST /api/v1/children/:childId/plan/versions': {
    path: child('/plan/versions'),
    body: () => ({ changeReason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/plan/versions/:planVersion': {
    path: child('/plan/versions/1'),
    allowed: [200],
    isChildRoute: true,
  },
  'PUT /api/v1/children/:childId/plan/versions/:planVersion': {
    path: child('/plan/versions/1'),
    body: () => ({ background: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  ...planStepProbes,
  'GET /api/v1/children/:childId/plan/document': { path: child('/plan/document'), allowed: [200], isChildRoute: true },
  'GET /api/v1/children/:childId/planning-facts': {
    path: child('/planning-facts'),
    allowed: [200],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/my-plan': { path: child('/my-plan'), allowed: [200], isChildRoute: true },
  // "My plan" exists: writing it again needs the version it replaces (428, use /my-plan/recompose).
  'POST /api/v1/children/:childId/my-plan': { path: child('/my-plan'), allowed: [428], isChildRoute: true },
  'POST /api/v1/children/:childId/my-plan/recompose': {
    path: child('/my-plan/recompose'),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'PUT /api/v1/children/:childId/my-plan': {
    path: child('/my-plan'),
    body: () => ({ sections: [{ heading: 'Matrix', text: 'Probe' }] }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/my-plan/shared': {
    path: child('/my-plan/shared'),
    body: () => ({ sharedOn: FUTURE, sharedWith: 'Matrix probe' }),
    ifMatch: true,
    allowed: [422],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/my-plan/document': {
    path: child('/my-plan/document'),
    allowed: [200],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/meetings': { path: child('/meetings'), allowed: [200], isChildRoute: true },
  // A meeting without a chair's name is refused.
  'POST /api/v1/children/:childId/meetings': {
    path: child('/meetings'),
    body: () => ({ kind: 'permanence-planning-meeting', heldOn: FUTURE, chair: { name: '', role: 'team-manager' } }),
    allowed: [422],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/meetings/:meetingId': { path: meeting(), allowed: [200], isChildRoute: true },
  'PUT /api/v1/children/:childId/meetings/:meetingId': {
    path: meeting(),
    body: () => ({ minutes: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/meetings/:meetingId/close': {
    path: meeting('/close'),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/meetings/:meetingId/cancel': {
    path: meeting('/cancel'),
    body: () => REASONS,
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/meetings/:meetingId/corrections': {
    path: meeting('/corrections'),
    body: () => ({ edit: { minutes: 'Matrix probe' }, reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/meetings/:meetingId/minutes': {
    path: meeting('/minutes'),
    allowed: [200],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/actions': { path: child('/actions'), allowed: [200], isChildRoute: true },
  'POST /api/v1/children/:childId/meetings/:meetingId/actions/:actionId/updates': {
    path: target =>
      `/api/v1/children/${target.childId}/meetings/${target.meetingId}/actions/${target.actionId}/updates`,
    body: () => ({ status: 'done', on: FUTURE }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/panel-requests': {
    path: child('/panel-requests'),
    allowed: [200],
    isChildRoute: true,
  },
  // A request that must go to panel (over any threshold) routed to a manager is refused.
  'POST /api/v1/children/:childId/panel-requests': {
    path: child('/panel-requests'),
    body: () => ({ purpose: 'issue-proceedings', costPence: 100_000_000, route: 'manager' }),
    allowed: [422],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/panel-requests/:requestId': {
    path: panelRequest(),
    allowed: [200],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/panel-requests/:requestId/submit': {
    path: panelRequest('/submit'),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/panel-requests/:requestId/decisions': {
    path: panelRequest('/decisions'),
    body: () => ({ outcome: 'approved', reasons: 'Matrix probe', decidedOn: '2026-01-15' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/adm-decisions': { path: child('/adm-decisions'), allowed: [200], isChildRoute: true },
  // A decision dated in the future is refused (decisions are immutable, so the probe must never be recorded).
  'POST /api/v1/children/:childId/adm-decisions': {
    path: child('/adm-decisions'),
    body: () => ({
      kind: 'should-be-placed-for-adoption',
      outcome: 'agreed',
      reasons: 'Matrix probe',
      decidedOn: FUTURE,
    }),
    allowed: [422],
    isChildRoute: true,
  },
}

/** The authority's planning settings (policy as data, ADR 0061). */
const planningSettingsProbes: Record<string, Probe> = {
  'GET /api/v1/planning-settings': { path: () => '/api/v1/planning-settings', allowed: [200], isChildRoute: false },
  // Sound settings on a stale version: refused before anything is stored or any child recomputed.
  'PUT /api/v1/planning-settings': {
    path: () => '/api/v1/planning-settings',
    body: () => ({
      guidancePolicy: null,
      vocabulary: 'national',
      planToManagerDays: null,
      planToManagerUnit: null,
      planToManagerUnitConfirmed: false,
      ppmEveryMonths: null,
      ltfReviewMonths: null,
      panelCostThresholdPence: 200_000,
      purposesAlwaysToPanel: ['issue-proceedings'],
      reason: 'Matrix probe',
    }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: false,
  },
}

/** National returns and the adoption scorecard (issue 8). */
const returnsProbes: Record<string, Probe> = {
  'GET /api/v1/returns/ssda903/:year': {
    path: () => '/api/v1/returns/ssda903/2026',
    allowed: [200],
    isChildRoute: false,
  },
  'GET /api/v1/returns/ssda903/:year/:file': {
    path: () => '/api/v1/returns/ssda903/2026/episodes.csv',
    allowed: [200],
    isChildRoute: false,
  },
  'GET /api/v1/returns/annex-a': {
    path: () => '/api/v1/returns/annex-a?asOf=2026-01-31',
    allowed: [200],
    isChildRoute: false,
  },
  'GET /api/v1/returns/scorecard': { path: () => '/api/v1/returns/scorecard', allowed: [200], isChildRoute: false },
  'PUT /api/v1/returns/scorecard/thresholds': {
    path: () => '/api/v1/returns/scorecard/thresholds',
    body: () => ({ a1Days: 426, a2Days: 121, a3Months: 12 }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: false,
  },
  'GET /api/v1/children/:childId/return-failures': {
    path: child('/return-failures'),
    allowed: [200],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/scorecard': { path: child('/scorecard'), allowed: [200], isChildRoute: true },
}

export const API_PROBES: Readonly<Record<string, Probe>> = {
  ...networkProbes,
  ...returnDetailProbes,
  'GET /api/v1/children': { path: () => '/api/v1/children', allowed: [200], isChildRoute: false },
  'POST /api/v1/children/search': {
    path: () => '/api/v1/children/search',
    body: () => ({ q: 'Matrixling' }),
    allowed: [200],
    isChildRoute: false,
  },
  'POST /api/v1/children': {
    path: () => '/api/v1/children',
    body: target => ({
      givenNames: 'Probe',
      familyName: 'Matrixling',
      dateOfBirthOn: '2016-01-01',
      sex: 'female',
      ethnicity: 'WBRI',
      localCaseNumber: target.takenCaseNumber,
      teamId: target.teamId,
    }),
    allowed: [422],
    isChildRoute: false,
  },
  'GET /api/v1/children/:childId': { path: child(''), allowed: [200], isChildRoute: true },
  'PUT /api/v1/children/:childId': {
    path: child(''),
    body: () => ({ preferredName: 'Probe', reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412],
    isChildRoute: true,
  },
  'GET /api/v1/children/:childId/versions': { path: child('/versions'), allowed: [200], isChildRoute: true },
  'GET /api/v1/children/:childId/access-log': { path: child('/access-log'), allowed: [200], isChildRoute: true },
  'POST /api/v1/children/:childId/became-looked-after': {
    path: child('/became-looked-after'),
    body: () => ({
      startedOn: FUTURE,
      legalStatus: 'section-20',
      categoryOfNeed: 'N1',
      placement: { placementType: 'foster-other' },
    }),
    allowed: [422],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/placement-moves': {
    path: child('/placement-moves'),
    body: () => ({ movedOn: FUTURE, reasonEnded: 'care-plan', placement: { placementType: 'foster-other' } }),
    allowed: [422],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/legal-status-changes': {
    path: child('/legal-status-changes'),
    body: () => ({ changedOn: FUTURE, status: 'care-order' }),
    allowed: [422],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/ceased-looked-after': {
    path: child('/ceased-looked-after'),
    body: () => ({ endedOn: FUTURE, reasonEnded: 'returned-home-planned' }),
    allowed: [422],
    isChildRoute: true,
  },
  ...factProbes,
  'PUT /api/v1/children/:childId/restriction': {
    path: child('/restriction'),
    body: target => ({
      category: 'high-risk',
      ownerId: target.ownerId,
      reviewOn: '2026-03-01',
      permittedUserIds: [],
      reason: 'Matrix probe',
    }),
    ifMatch: true,
    allowed: [412, 422],
    isChildRoute: true,
  },
  'POST /api/v1/children/:childId/restriction/lift': {
    path: child('/restriction/lift'),
    body: () => ({ reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [412, 422],
    isChildRoute: true,
  },
  'GET /api/v1/restrictions/break-glass-openings': {
    path: () => '/api/v1/restrictions/break-glass-openings',
    allowed: [200],
    isChildRoute: false,
  },
  'GET /api/v1/restrictions/overdue-reviews': {
    path: () => '/api/v1/restrictions/overdue-reviews',
    allowed: [200],
    isChildRoute: false,
  },
  'GET /api/v1/users': { path: () => '/api/v1/users', allowed: [200], isChildRoute: false },
  'GET /api/v1/children/:childId/timescales': { path: child('/timescales'), allowed: [200], isChildRoute: true },
  // An empty case history: refused as input once the caller is known (every role may evaluate).
  'POST /api/v1/timescales/evaluate': {
    path: () => '/api/v1/timescales/evaluate',
    body: () => ({}),
    allowed: [400],
    isChildRoute: false,
  },
  'GET /api/v1/policy-pack': { path: () => '/api/v1/policy-pack', allowed: [200], isChildRoute: false },
  'PUT /api/v1/policy-pack': {
    path: () => '/api/v1/policy-pack',
    body: () => ({ definition: {}, reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [400, 412, 422],
    isChildRoute: false,
  },
  'POST /api/v1/users/:userId/disable': {
    path: target => `/api/v1/users/${target.ownerId}/disable`,
    ifMatch: true,
    allowed: [412],
    isChildRoute: false,
  },
  'POST /api/v1/users/:userId/enable': {
    path: target => `/api/v1/users/${target.ownerId}/enable`,
    ifMatch: true,
    allowed: [412],
    isChildRoute: false,
  },
  // Case-file audits (issue 9). Round-level routes are asked about a round that does not exist: a QA auditor gets past
  // authorisation to "not found" (404, audited as not-found), every other role is refused (403).
  'GET /api/v1/audit-rounds': { path: () => '/api/v1/audit-rounds', allowed: [200], isChildRoute: false },
  // Refused by the rules once authorised: no such auditor, and a deadline in the past.
  'POST /api/v1/audit-rounds': {
    path: () => '/api/v1/audit-rounds',
    body: target => ({
      title: 'Matrix probe',
      theme: 'Permanence',
      sampleRule: { kind: 'random', size: 1, seed: 1 },
      auditorIds: [target.missingId],
      moderationPercent: 0,
      deadlineOn: '2020-01-01',
    }),
    allowed: [422],
    isChildRoute: false,
  },
  'GET /api/v1/audit-rounds/:roundId': {
    path: target => `/api/v1/audit-rounds/${target.missingId}`,
    allowed: [404],
    isChildRoute: false,
  },
  'POST /api/v1/audit-rounds/:roundId/close': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/close`,
    body: () => ({ reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'POST /api/v1/audit-rounds/:roundId/cancel': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cancel`,
    body: () => ({ reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'GET /api/v1/audit-rounds/:roundId/cases/:caseId': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}`,
    allowed: [404],
    isChildRoute: false,
  },
  'PUT /api/v1/audit-rounds/:roundId/cases/:caseId/audit': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}/audit`,
    body: () => ({ domains: {} }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'PUT /api/v1/audit-rounds/:roundId/cases/:caseId/moderation': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}/moderation`,
    body: () => ({ domains: {} }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'POST /api/v1/audit-rounds/:roundId/cases/:caseId/reassign': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}/reassign`,
    body: target => ({ auditorId: target.ownerId, moderatorId: null, reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'POST /api/v1/audit-rounds/:roundId/cases/:caseId/withdraw': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}/withdraw`,
    body: () => ({ reason: 'Matrix probe' }),
    ifMatch: true,
    allowed: [404],
    isChildRoute: false,
  },
  'POST /api/v1/audit-rounds/:roundId/cases/:caseId/actions': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/cases/${target.missingId}/actions`,
    body: target => ({ domain: 'plans', description: 'Matrix probe', ownerId: target.ownerId, dueOn: FUTURE }),
    allowed: [404],
    isChildRoute: false,
  },
  'GET /api/v1/audit-rounds/:roundId/learning-brief': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/learning-brief`,
    allowed: [404],
    isChildRoute: false,
  },
  'GET /api/v1/audit-rounds/:roundId/learning-brief/document': {
    path: target => `/api/v1/audit-rounds/${target.missingId}/learning-brief/document?format=pdf`,
    allowed: [404],
    isChildRoute: false,
  },
  'GET /api/v1/children/:childId/audit-actions': { path: child('/audit-actions'), allowed: [200], isChildRoute: true },
  // Dropped without a reason: refused by the rule once the child is authorised, before the action is looked up.
  'PUT /api/v1/children/:childId/audit-actions/:actionId': {
    path: target => `/api/v1/children/${target.childId}/audit-actions/${target.missingId}`,
    body: () => ({ status: 'dropped', note: '' }),
    ifMatch: true,
    allowed: [422],
    isChildRoute: true,
  },
  'POST /api/v1/users/:userId/second-factor/reset': {
    path: target => `/api/v1/users/${target.ownerId}/second-factor/reset`,
    ifMatch: true,
    allowed: [412],
    isChildRoute: false,
  },
  ...planningProbes,
  ...planningSettingsProbes,
  ...returnsProbes,
}

/**
 * The routes of the API that have no probe (the route-table test requires none).
 * @param routes - registered routes with their declared security
 * @returns "METHOD url" of each API route without a probe
 */
export function routesWithoutProbes(
  routes: readonly { method: string; url: string; security?: { auth: string; policy: PolicyKey } | undefined }[],
): string[] {
  return (
    routes
      // HEAD runs the GET handler (Fastify adds it), so the GET's probe covers it.
      .filter(r => r.security?.auth === 'token' && r.method !== 'HEAD')
      .map(r => `${r.method} ${r.url}`)
      .filter(key => !(key in API_PROBES))
  )
}
