import { describe, expect, it } from 'vitest'
import { CHILD_ID, codes, d, panelChair, socialWorker, teamManager, unwrap } from '../plans/testing/fixtures.ts'
import {
  DEVON_PANEL_POLICY,
  NO_PANEL_THRESHOLD_POLICY,
  createPanelRequest,
  decidePanelRequest,
  mustGoToPanel,
  submitPanelRequest,
  type PanelRequest,
} from './panel-request.ts'
import {
  PanelDecisionSchema,
  PanelRequestSchema,
  type PanelDecisionInput,
  type PanelRequestInput,
} from './panel-schemas.ts'

const TODAY = d('2026-02-10')

function request(fields: Partial<PanelRequestInput> = {}, policy = DEVON_PANEL_POLICY): PanelRequest {
  return unwrap(
    createPanelRequest(
      {
        ...PanelRequestSchema.parse({ childIds: [CHILD_ID], purpose: 'resources', costPence: 350_000, ...fields }),
        id: 'pr-1',
      },
      socialWorker,
      d('2026-02-01'),
      policy,
    ),
  )
}

function submitted(fields: Partial<PanelRequestInput> = {}): PanelRequest {
  return unwrap(submitPanelRequest(request(fields), socialWorker, d('2026-02-02'), DEVON_PANEL_POLICY)).request
}

function decision(fields: Partial<PanelDecisionInput>): PanelDecisionInput {
  return PanelDecisionSchema.parse({
    outcome: 'approved',
    reasons: 'Meets the need.',
    decidedOn: '2026-02-09',
    ...fields,
  })
}

describe('PP-09: a request over the threshold must go to panel ([DEV] "resources (that cost over £2000)"; strictly greater)', () => {
  it.each([
    ['£1,999.99 does not have to', 199_999, false],
    ['exactly £2,000.00 does not have to', 200_000, false],
    ['£2,000.01 must', 200_001, true],
    ['an uncosted request is not forced by cost', null, false],
  ] as const)('in Devon, %s', (_name, costPence, expected) => {
    expect(mustGoToPanel({ purpose: 'resources', costPence }, DEVON_PANEL_POLICY)).toBe(expected)
  })

  it('an authority with no threshold never forces a request to panel by cost', () => {
    expect(mustGoToPanel({ purpose: 'resources', costPence: 10_000_000 }, NO_PANEL_THRESHOLD_POLICY)).toBe(false)
  })

  it('in Devon, agreement to issue care proceedings always goes to panel ([DEV] "seek agreement to issue care proceeding\'s")', () => {
    expect(mustGoToPanel({ purpose: 'issue-proceedings', costPence: null }, DEVON_PANEL_POLICY)).toBe(true)
  })

  it.each([
    [
      'a £3,500 request routed to a manager',
      { costPence: 350_000, route: 'manager' as const },
      ['request-must-go-to-panel'],
    ],
    ['a £1,500 request routed to a manager', { costPence: 150_000, route: 'manager' as const }, []],
    ['a request about no child', { childIds: [] }, ['no-child']],
  ])('%s', (_name, fields, expected) => {
    expect(
      codes(
        createPanelRequest(
          { ...PanelRequestSchema.parse({ childIds: [CHILD_ID], purpose: 'resources', ...fields }), id: 'x' },
          socialWorker,
          TODAY,
          DEVON_PANEL_POLICY,
        ),
      ),
    ).toEqual(expected)
  })

  it('a request for resources needs a cost before it is submitted where there is a threshold', () => {
    expect(codes(submitPanelRequest(request({ costPence: null }), socialWorker, TODAY, DEVON_PANEL_POLICY))).toEqual([
      'cost-required-for-resources',
    ])
    expect(
      codes(
        submitPanelRequest(
          request({ costPence: null }, NO_PANEL_THRESHOLD_POLICY),
          socialWorker,
          TODAY,
          NO_PANEL_THRESHOLD_POLICY,
        ),
      ),
    ).toEqual([])
  })

  it('submitting records whether the request had to go to panel', () => {
    const { request: sent, event } = unwrap(submitPanelRequest(request(), socialWorker, TODAY, DEVON_PANEL_POLICY))
    expect(sent).toMatchObject({ status: 'submitted', submittedOn: TODAY })
    expect(event).toMatchObject({
      kind: 'panel-request-submitted',
      details: { mustGoToPanel: true, costPence: 350_000 },
    })
    expect(codes(submitPanelRequest(sent, socialWorker, TODAY, DEVON_PANEL_POLICY))).toEqual(['transition-not-allowed'])
  })
})

describe('the panel’s decision, with reasons and conditions', () => {
  it('records an approval with conditions as a decision event', () => {
    const { request: decided, event } = unwrap(
      decidePanelRequest(
        submitted(),
        decision({ outcome: 'approved-with-conditions', conditions: [' Review in 3 months ', ''] }),
        panelChair,
        TODAY,
        DEVON_PANEL_POLICY,
      ),
    )
    expect(decided).toMatchObject({ status: 'decided', version: 2 })
    expect(decided.decisions).toEqual([
      expect.objectContaining({
        outcome: 'approved-with-conditions',
        conditions: ['Review in 3 months'],
        decidedBy: panelChair,
      }),
    ])
    expect(event).toMatchObject({
      kind: 'panel-request-decided',
      decidedOn: '2026-02-09',
      reasons: 'Meets the need.',
      details: { conditions: ['Review in 3 months'] },
    })
  })

  it('a deferred request can be decided again, and every decision is kept', () => {
    const deferred = unwrap(
      decidePanelRequest(
        submitted(),
        decision({ outcome: 'deferred', returnOn: d('2026-03-09') }),
        panelChair,
        TODAY,
        DEVON_PANEL_POLICY,
      ),
    ).request
    expect(deferred.status).toBe('deferred')
    const approved = unwrap(
      decidePanelRequest(deferred, decision({ decidedOn: d('2026-02-10') }), panelChair, TODAY, DEVON_PANEL_POLICY),
    ).request
    expect(approved.decisions.map(item => item.outcome)).toEqual(['deferred', 'approved'])
  })

  it.each<[string, PanelDecisionInput, string[]]>([
    ['reasons are required', decision({ reasons: '' }), ['reasons-required']],
    [
      'approval with conditions needs a condition',
      decision({ outcome: 'approved-with-conditions' }),
      ['conditions-required'],
    ],
    [
      'conditions only with approval with conditions',
      decision({ outcome: 'declined', conditions: ['x'] }),
      ['conditions-only-when-approved-with-conditions'],
    ],
    ['a deferral says when it comes back', decision({ outcome: 'deferred' }), ['deferred-without-return-date']],
    [
      'the return date is after the decision',
      decision({ outcome: 'deferred', returnOn: d('2026-02-09') }),
      ['return-date-not-after-decision'],
    ],
    ['a decision is not dated in the future', decision({ decidedOn: d('2026-02-11') }), ['date-in-future']],
  ])('%s', (_name, input, expected) => {
    expect(codes(decidePanelRequest(submitted(), input, panelChair, TODAY, DEVON_PANEL_POLICY))).toEqual(expected)
  })

  it('a manager cannot decide a request that must go to panel', () => {
    expect(codes(decidePanelRequest(submitted(), decision({}), teamManager, TODAY, DEVON_PANEL_POLICY))).toEqual([
      'role-not-permitted',
    ])
  })

  it('a manager can decide a request below the threshold routed to them, and the panel chair cannot', () => {
    const small = submitted({ costPence: 50_000, route: 'manager' })
    expect(codes(decidePanelRequest(small, decision({}), teamManager, TODAY, DEVON_PANEL_POLICY))).toEqual([])
    expect(codes(decidePanelRequest(small, decision({}), panelChair, TODAY, DEVON_PANEL_POLICY))).toEqual([
      'role-not-permitted',
    ])
  })

  it('a decided request cannot be decided again', () => {
    const decided = unwrap(decidePanelRequest(submitted(), decision({}), panelChair, TODAY, DEVON_PANEL_POLICY)).request
    expect(codes(decidePanelRequest(decided, decision({}), panelChair, TODAY, DEVON_PANEL_POLICY))).toEqual([
      'transition-not-allowed',
    ])
  })
})
