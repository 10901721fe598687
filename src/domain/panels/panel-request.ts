/**
 * Requests to a permanence panel and the panel's decisions.
 *
 * [DEV] "request a formal permanence discussion at Permanence Panel … to seek agreement to issue care proceeding's or
 * request resources"; "request for resources (that cost over £2000) at Permanence Panel". rules.md PP-09: the
 * threshold is a per-authority setting and strictly greater ("over"), so a £2,000.00 request does not have to go and
 * a £2,000.01 one does. An authority with no threshold passes `null`.
 *
 * Lifecycle: `draft` → `submitted` → `decided` (approved, approved with conditions, declined) or `deferred` (decided
 * again later). Every decision is kept, in order, with its reasons and conditions, and emits a decision event
 * (docs/adr/0028-panel-threshold-and-routing.md).
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import { decisionEvent, type Actor, type ActorRole, type DecisionEvent } from '../plans/decision-event.ts'
import type { PanelError } from './panel-errors.ts'
import type { PanelDecisionInput, PanelOutcome, PanelPurpose, PanelRequestInput } from './panel-schemas.ts'

/** The authority's panel settings (rules.md §3 "Panel money threshold"). */
export interface PanelPolicy {
  /** Requests costing strictly more than this many pence must go to panel; null when the authority has no threshold. */
  readonly costThresholdPence: number | null
  /** Purposes that always go to panel whatever the cost. */
  readonly purposesAlwaysToPanel: readonly PanelPurpose[]
}

/** [DEV]: over £2,000 to panel; agreement to issue proceedings at panel. */
export const DEVON_PANEL_POLICY: PanelPolicy = {
  costThresholdPence: 200_000,
  purposesAlwaysToPanel: ['issue-proceedings'],
}

/** No threshold in the seeds for Dorset or Tameside. */
export const NO_PANEL_THRESHOLD_POLICY: PanelPolicy = { costThresholdPence: null, purposesAlwaysToPanel: [] }

export const PANEL_REQUEST_STATUSES = {
  draft: 'Draft',
  submitted: 'Waiting for a decision',
  deferred: 'Deferred',
  decided: 'Decided',
} as const
export type PanelRequestStatus = keyof typeof PANEL_REQUEST_STATUSES

export interface PanelDecision {
  readonly outcome: PanelOutcome
  readonly reasons: string
  readonly conditions: readonly string[]
  readonly returnOn: CalendarDay | null
  readonly decidedOn: CalendarDay
  readonly panelMeetingId: string | null
  readonly decidedBy: Actor
  readonly recordedOn: CalendarDay
}

export interface PanelRequest extends PanelRequestInput {
  readonly id: string
  readonly version: number
  readonly status: PanelRequestStatus
  readonly createdOn: CalendarDay
  readonly createdBy: Actor
  readonly submittedOn: CalendarDay | null
  /** Every decision, earliest first; the last is the current one. */
  readonly decisions: readonly PanelDecision[]
}

/**
 * Whether a request must be decided by the panel: its purpose always goes, or its cost is over the threshold.
 * @param request - purpose and cost in pence
 * @param policy - the authority's panel settings
 * @returns true when it must go to panel
 */
export function mustGoToPanel(
  request: { readonly purpose: PanelPurpose; readonly costPence: number | null },
  policy: PanelPolicy,
): boolean {
  if (policy.purposesAlwaysToPanel.includes(request.purpose)) {
    return true
  }
  // rules.md PP-09: "cost > £2,000", strict.
  return (
    policy.costThresholdPence !== null && request.costPence !== null && request.costPence > policy.costThresholdPence
  )
}

function requestErrors(request: PanelRequestInput, policy: PanelPolicy): PanelError[] {
  const errors: PanelError[] = []
  if (request.childIds.length === 0) {
    errors.push(domainError('no-child', ['childIds']))
  }
  if (request.route === 'manager' && mustGoToPanel(request, policy)) {
    errors.push(
      domainError('request-must-go-to-panel', ['route'], {
        thresholdPence: policy.costThresholdPence ?? 0,
        purpose: request.purpose,
      }),
    )
  }
  return errors
}

function subject(request: PanelRequest): { type: 'panel-request'; id: string; version: number } {
  return { type: 'panel-request', id: request.id, version: request.version }
}

/**
 * Starts a request as a draft.
 * @param input - the request and its id (chosen by the adapter)
 * @param actor - who makes it
 * @param today - today's date
 * @param policy - the authority's panel settings
 * @returns the draft, or the broken rules
 */
export function createPanelRequest(
  input: PanelRequestInput & { readonly id: string },
  actor: Actor,
  today: CalendarDay,
  policy: PanelPolicy,
): Result<PanelRequest, PanelError> {
  const { id, ...fields } = input
  const errors = requestErrors(fields, policy)
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    ...fields,
    id,
    version: 1,
    status: 'draft',
    createdOn: today,
    createdBy: actor,
    submittedOn: null,
    decisions: [],
  })
}

/**
 * Submits a draft request for decision.
 * @param request - a draft
 * @param actor - who submits it
 * @param today - today's date
 * @param policy - the authority's panel settings
 * @returns the submitted request and a `panel-request-submitted` event
 */
export function submitPanelRequest(
  request: PanelRequest,
  actor: Actor,
  today: CalendarDay,
  policy: PanelPolicy,
): Result<{ request: PanelRequest; event: DecisionEvent }, PanelError> {
  if (request.status !== 'draft') {
    return fail(domainError('transition-not-allowed', ['status'], { status: request.status, command: 'submit' }))
  }
  const errors = requestErrors(request, policy)
  // Without a cost the threshold cannot be applied to a request for resources.
  if (request.purpose === 'resources' && request.costPence === null && policy.costThresholdPence !== null) {
    errors.push(domainError('cost-required-for-resources', ['costPence']))
  }
  if (errors.length > 0) {
    return fail(...errors)
  }
  const submitted: PanelRequest = { ...request, status: 'submitted', submittedOn: today }
  return ok({
    request: submitted,
    event: decisionEvent('panel-request-submitted', subject(request), request.childIds, actor, today, today, null, {
      purpose: request.purpose,
      costPence: request.costPence,
      route: request.route,
      mustGoToPanel: mustGoToPanel(request, policy),
    }),
  })
}

const DECIDER_ROLES: Readonly<Record<PanelRequestInput['route'], readonly ActorRole[]>> = {
  panel: ['panel-member'],
  manager: ['team-manager'],
}

/**
 * Records the decision on a submitted or deferred request: the panel's (a panel member records it) or, below
 * the threshold, a team manager's. Reasons always; conditions when approved with conditions; a return date when deferred.
 * @param request - a submitted or deferred request
 * @param input - the decision
 * @param actor - a panel member recording the panel's decision (panel route) or a team manager (manager route)
 * @param today - today's date
 * @param policy - the authority's panel settings (checked again: a request over the threshold cannot be decided by a
 *   manager)
 * @returns the request with the decision appended and a `panel-request-decided` event
 */
export function decidePanelRequest(
  request: PanelRequest,
  input: PanelDecisionInput,
  actor: Actor,
  today: CalendarDay,
  policy: PanelPolicy,
): Result<{ request: PanelRequest; event: DecisionEvent }, PanelError> {
  if (request.status !== 'submitted' && request.status !== 'deferred') {
    return fail(domainError('transition-not-allowed', ['status'], { status: request.status, command: 'decide' }))
  }
  if (!DECIDER_ROLES[request.route].includes(actor.role)) {
    return fail(domainError('role-not-permitted', ['actor', 'role'], { role: actor.role, command: 'decide' }))
  }
  const errors = requestErrors(request, policy)
  if (input.reasons.trim() === '') {
    errors.push(domainError('reasons-required', ['reasons']))
  }
  const conditions = input.conditions.map(condition => condition.trim()).filter(condition => condition !== '')
  if (input.outcome === 'approved-with-conditions' && conditions.length === 0) {
    errors.push(domainError('conditions-required', ['conditions']))
  }
  if (input.outcome !== 'approved-with-conditions' && conditions.length > 0) {
    errors.push(domainError('conditions-only-when-approved-with-conditions', ['conditions']))
  }
  if (input.outcome === 'deferred' && input.returnOn === null) {
    errors.push(domainError('deferred-without-return-date', ['returnOn']))
  }
  if (input.returnOn !== null && input.returnOn <= input.decidedOn) {
    errors.push(domainError('return-date-not-after-decision', ['returnOn']))
  }
  if (compareCalendarDays(input.decidedOn, today) > 0) {
    errors.push(domainError('date-in-future', ['decidedOn'], { today }))
  }
  if (errors.length > 0) {
    return fail(...errors)
  }
  const decision: PanelDecision = {
    outcome: input.outcome,
    reasons: input.reasons.trim(),
    conditions,
    returnOn: input.returnOn,
    decidedOn: input.decidedOn,
    panelMeetingId: input.panelMeetingId,
    decidedBy: actor,
    recordedOn: today,
  }
  const decided: PanelRequest = {
    ...request,
    version: request.version + 1,
    status: input.outcome === 'deferred' ? 'deferred' : 'decided',
    decisions: [...request.decisions, decision],
  }
  return ok({
    request: decided,
    event: decisionEvent(
      'panel-request-decided',
      subject(request),
      request.childIds,
      actor,
      input.decidedOn,
      today,
      decision.reasons,
      {
        outcome: decision.outcome,
        conditions: [...conditions],
        returnOn: decision.returnOn,
        panelMeetingId: decision.panelMeetingId,
        route: request.route,
      },
    ),
  })
}
