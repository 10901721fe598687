/**
 * Who acts, and the immutable record of what they decided.
 *
 * Every decision about a child's permanence (a plan sent, endorsed, ratified; an option change considered at a
 * review; a meeting closed; a panel or agency decision maker's decision) is written once as a {@link DecisionEvent}
 * and never changed: who, in which role, when, why, and the version of the record the decision was based on.
 * Current state is a projection of these events (security-and-reliability.md §3.2). [TAM] §10.7 asks that the
 * reasons are legible to the adult the child becomes ("whether, when the child becomes an adult and accesses his or
 * her care record, there is full reasoning as to why a certain permanence plan was chosen").
 *
 * Events are plain JSON. The storage layer gives each one an id and a `recordedAt` instant; the domain has no clock.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'

/**
 * The roles that take part in permanence decisions: the subset of the access policy's roles (access/policies.ts
 * `ROLES`) that act on plans, meetings and panels. Whether this user may act on this child is the access policy's job;
 * these transitions check only that the role is the right one for the step.
 */
export const ACTOR_ROLES = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  iro: 'Independent reviewing officer (IRO)',
  'agency-decision-maker': 'Agency decision maker',
  'panel-member': 'Panel member',
} as const
export type ActorRole = keyof typeof ACTOR_ROLES
export const ACTOR_ROLE_VALUES = Object.keys(ACTOR_ROLES) as [ActorRole, ...ActorRole[]]

/** The person acting: a user id, their role for this action, and their name as it should appear on documents. */
export interface Actor {
  readonly id: string
  readonly role: ActorRole
  readonly name: string
}

/** A JSON value, so that events and models stay serialisable. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

/** What a decision was about, and which version of it the decider saw. */
export interface DecisionSubject {
  readonly type: 'plan' | 'meeting' | 'panel-request' | 'adm-decision' | 'action'
  readonly id: string
  readonly version: number
}

export type DecisionKind =
  | 'plan-started'
  | 'plan-version-started'
  | 'plan-sent-to-manager'
  | 'plan-returned-to-draft'
  | 'plan-considered-at-ppm'
  | 'plan-endorsed'
  | 'plan-superseded'
  | 'plan-ratified'
  | 'plan-ratification-declined'
  | 'option-change-considered-at-review'
  | 'option-change-not-reasonably-practicable'
  | 'permanence-achieved'
  | 'meeting-closed'
  | 'meeting-corrected'
  | 'meeting-cancelled'
  | 'action-updated'
  | 'panel-request-submitted'
  | 'panel-request-decided'
  | 'adm-decision-recorded'

/** An immutable decision: who, role, when, reasons, and the version it was based on. */
export interface DecisionEvent {
  readonly kind: DecisionKind
  readonly subject: DecisionSubject
  readonly childIds: readonly string[]
  readonly decidedBy: Actor
  /** The day the decision was made (for a ratification, the day of the review). */
  readonly decidedOn: CalendarDay
  /** The day it was recorded (today when the command ran). */
  readonly recordedOn: CalendarDay
  /** Why, in the decider's words; null only for events that are not judgements (e.g. a plan sent to a manager). */
  readonly reasons: string | null
  /** Facts specific to the kind, e.g. `{ fromOptionType, toOptionType }`. */
  readonly details: { readonly [key: string]: JsonValue }
}

/**
 * Builds a decision event.
 * @param kind - what was decided
 * @param subject - the record and the version the decision was based on
 * @param childIds - the children it concerns
 * @param actor - who decided
 * @param decidedOn - when it was decided
 * @param recordedOn - when it was recorded
 * @param reasons - why (null when not a judgement)
 * @param details - kind-specific facts
 * @returns the event
 */
export function decisionEvent(
  kind: DecisionKind,
  subject: DecisionSubject,
  childIds: readonly string[],
  actor: Actor,
  decidedOn: CalendarDay,
  recordedOn: CalendarDay,
  reasons: string | null,
  details: { readonly [key: string]: JsonValue } = {},
): DecisionEvent {
  return { kind, subject, childIds: [...childIds], decidedBy: { ...actor }, decidedOn, recordedOn, reasons, details }
}
