import { describe, expect, it } from 'vitest'
import { calendarDay as d } from '../shared/calendar-day.ts'
import { NETWORK_CREATE_SCHEMAS } from './network-inputs.ts'
import { checkFamilyTimePlanEnd, checkNetworkRecord, type NetworkRuleContext } from './network-rules.ts'

const P1 = '11111111-1111-4111-8111-111111111111'
const S1 = '22222222-2222-4222-8222-222222222222'
const C = '33333333-3333-4333-8333-333333333333'
const context: NetworkRuleContext = {
  childId: C,
  today: d('2026-01-12'),
  personIds: new Set([P1]),
  siblingIds: new Set([S1]),
  plans: new Map(),
}
const codes = (errors: readonly { code: string }[]) => errors.map(e => e.code)

describe('network rules', () => {
  it('refuses one extension of more than 8 weeks at the boundary (CON-02)', () => {
    const parsed = NETWORK_CREATE_SCHEMAS['kinship-assessments'].safeParse({
      personId: P1,
      kind: 'connected-person',
      startedOn: '2026-01-01',
      temporaryApprovalOn: '2026-01-01',
      extensionGrantedOn: '2026-01-10',
      extensionWeeks: 9,
    })
    expect(parsed.success).toBe(false)
  })

  it('needs temporary approval before an extension, and only for connected persons', () => {
    const input = NETWORK_CREATE_SCHEMAS['kinship-assessments'].parse({
      personId: P1,
      kind: 'viability',
      startedOn: '2026-01-01',
      extensionGrantedOn: '2026-01-10',
      extensionWeeks: 8,
    })
    expect(codes(checkNetworkRecord('kinship-assessments', input, context))).toEqual([
      'temporary-approval-not-connected',
      'extension-needs-approval',
    ])
  })

  it('refuses people outside the network and dates in the future', () => {
    const input = NETWORK_CREATE_SCHEMAS['family-meetings'].parse({
      kind: 'family-network-meeting',
      heldOn: '2026-01-13',
      attendeePersonIds: [S1],
    })
    expect(checkNetworkRecord('family-meetings', input, context)).toEqual([
      { code: 'date-in-future', path: ['heldOn'] },
      { code: 'person-not-in-network', path: ['attendeePersonIds', 0] },
    ])
  })

  it('keeps a Together-or-Apart assessment to the child and their brothers and sisters, one outcome a pair', () => {
    const input = NETWORK_CREATE_SCHEMAS['sibling-assessments'].parse({
      childIds: [C, S1],
      assessedOn: '2026-01-10',
      pairs: [
        { childId: C, siblingChildId: S1, outcome: 'apart', reasons: 'Needs differ' },
        { childId: S1, siblingChildId: C, outcome: 'together', reasons: 'Changed our mind' },
      ],
    })
    expect(codes(checkNetworkRecord('sibling-assessments', input, context))).toEqual(['pair-repeated'])
  })

  it('asks who cancelled a cancelled session', () => {
    const input = NETWORK_CREATE_SCHEMAS['family-time-sessions'].parse({
      planId: P1,
      occurredOn: '2026-01-10',
      outcome: 'cancelled',
    })
    expect(
      codes(
        checkNetworkRecord('family-time-sessions', input, { ...context, plans: new Map([[P1, { endedOn: null }]]) }),
      ),
    ).toEqual(['cancelled-by-required'])
  })

  it('refuses a session or a suspension on or after the day its plan ended, naming that day', () => {
    const ended = { ...context, plans: new Map([[P1, { endedOn: d('2026-01-08') }]]) }
    const session = (occurredOn: string) =>
      NETWORK_CREATE_SCHEMAS['family-time-sessions'].parse({ planId: P1, occurredOn, outcome: 'attended' })
    expect(checkNetworkRecord('family-time-sessions', session('2026-01-07'), ended)).toEqual([])
    expect(checkNetworkRecord('family-time-sessions', session('2026-01-08'), ended)).toEqual([
      { code: 'after-plan-ended', path: ['occurredOn'], params: { endedOn: '8 January 2026' } },
    ])
    const suspension = NETWORK_CREATE_SCHEMAS['family-time-suspensions'].parse({
      planId: P1,
      suspendedOn: '2026-01-09',
      reason: 'Risk to the child',
    })
    expect(codes(checkNetworkRecord('family-time-suspensions', suspension, ended))).toEqual(['after-plan-ended'])
    expect(codes(checkNetworkRecord('family-time-suspensions', suspension, context))).toEqual(['plan-not-found'])
  })

  it('refuses a family time plan that ends on or before the day it started, or in the future', () => {
    const plan = NETWORK_CREATE_SCHEMAS['family-time-plans'].parse({
      personId: P1,
      mode: 'direct',
      sessionsPerPeriod: 1,
      period: 'week',
      supervision: 'supported',
      purpose: 'To keep in touch',
      startedOn: '2026-01-05',
      endedOn: '2026-01-13',
    })
    expect(checkNetworkRecord('family-time-plans', plan, context)).toEqual([
      { code: 'date-in-future', path: ['endedOn'] },
    ])
    expect(codes(checkNetworkRecord('family-time-plans', { ...plan, endedOn: d('2026-01-05') }, context))).toEqual([
      'end-before-start',
    ])
    expect(checkNetworkRecord('family-time-plans', { ...plan, endedOn: d('2026-01-12') }, context)).toEqual([])
  })
})

describe('ending a family time plan', () => {
  const today = d('2026-01-12')
  const running = { startedOn: d('2026-01-05'), endedOn: null }

  it.each([
    ['the day after it started', '2026-01-06', []],
    ['today', '2026-01-12', []],
    ['the day it started', '2026-01-05', ['end-before-start']],
    ['before it started', '2025-12-31', ['end-before-start']],
    ['tomorrow', '2026-01-13', ['date-in-future']],
  ] as const)('ends a running plan %s: %j', (_when, endedOn, expected) => {
    expect(codes(checkFamilyTimePlanEnd(running, d(endedOn), today))).toEqual(expected)
  })

  it('refuses to end a plan that has already ended, naming the day', () => {
    expect(checkFamilyTimePlanEnd({ ...running, endedOn: d('2026-01-10') }, d('2026-01-11'), today)).toEqual([
      { code: 'plan-already-ended', path: ['endedOn'], params: { endedOn: '2026-01-10' } },
    ])
  })

  it('lets a plan with an end day still to come (recorded before the rule) be ended now', () => {
    expect(checkFamilyTimePlanEnd({ ...running, endedOn: d('2026-02-01') }, d('2026-01-12'), today)).toEqual([])
  })
})
