/**
 * Inputs for panel requests, panel decisions and agency decision maker (ADM) decisions. Shape only; the rules are in
 * panel-request.ts and adm-decision.ts.
 */
import { z } from 'zod'
import { CalendarDaySchema, IdSchema, LongTextSchema, PenceSchema } from '../plans/schema-primitives.ts'

/** Why a request goes to panel ([DEV]: to agree to issue care proceedings, or for resources costing over £2,000). */
export const PANEL_PURPOSES = {
  'issue-proceedings': 'Agreement to issue care proceedings',
  resources: 'Resources or support for the child or family',
  match: 'Match with carers',
  other: 'Other',
} as const
export type PanelPurpose = keyof typeof PANEL_PURPOSES
export const PANEL_PURPOSE_VALUES = Object.keys(PANEL_PURPOSES) as [PanelPurpose, ...PanelPurpose[]]

export const PANEL_OUTCOMES = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  declined: 'Declined',
  deferred: 'Deferred',
} as const
export type PanelOutcome = keyof typeof PANEL_OUTCOMES
export const PANEL_OUTCOME_VALUES = Object.keys(PANEL_OUTCOMES) as [PanelOutcome, ...PanelOutcome[]]

/** Who decides a request: the panel, or a manager when the authority lets one decide below its threshold. */
export const PANEL_ROUTES = { panel: 'Panel', manager: 'Manager' } as const
export type PanelRoute = keyof typeof PANEL_ROUTES
export const PANEL_ROUTE_VALUES = Object.keys(PANEL_ROUTES) as [PanelRoute, ...PanelRoute[]]

export const PanelRequestSchema = z.object({
  childIds: z.array(IdSchema),
  purpose: z.enum(PANEL_PURPOSE_VALUES),
  details: LongTextSchema.default(''),
  /** The cost of what is asked for, in pence; null when nothing is costed. */
  costPence: PenceSchema.nullable().default(null),
  route: z.enum(PANEL_ROUTE_VALUES).default('panel'),
  /** The panel meeting it is listed for, once known. */
  panelMeetingId: IdSchema.nullable().default(null),
})
export type PanelRequestInput = z.output<typeof PanelRequestSchema>

export const PanelDecisionSchema = z.object({
  outcome: z.enum(PANEL_OUTCOME_VALUES),
  reasons: LongTextSchema,
  conditions: z.array(LongTextSchema).default([]),
  /** When a deferred request comes back. */
  returnOn: CalendarDaySchema.nullable().default(null),
  decidedOn: CalendarDaySchema,
  panelMeetingId: IdSchema.nullable().default(null),
})
export type PanelDecisionInput = z.output<typeof PanelDecisionSchema>

/** Decisions the agency decision maker makes about a child (AAR 2005 regs 19 and 33; CPPCR 2010 reg 25A). */
export const ADM_DECISION_KINDS = {
  'should-be-placed-for-adoption': 'Should be placed for adoption',
  'adoption-match': 'Match with prospective adopters',
  'fostering-for-adoption': 'Fostering for adoption placement',
  'long-term-fostering-match': 'Long-term fostering match',
  other: 'Other decision',
} as const
export type AdmDecisionKind = keyof typeof ADM_DECISION_KINDS
export const ADM_DECISION_KIND_VALUES = Object.keys(ADM_DECISION_KINDS) as [AdmDecisionKind, ...AdmDecisionKind[]]

export const AdmDecisionSchema = z.object({
  childId: IdSchema,
  kind: z.enum(ADM_DECISION_KIND_VALUES),
  outcome: z.enum(['agreed', 'not-agreed']),
  reasons: LongTextSchema,
  decidedOn: CalendarDaySchema,
  /** The panel's recommendation the ADM considered, if the decision went through a panel. */
  panelMeetingId: IdSchema.nullable().default(null),
  panelRecommendation: LongTextSchema.default(''),
})
export type AdmDecisionInput = z.output<typeof AdmDecisionSchema>
