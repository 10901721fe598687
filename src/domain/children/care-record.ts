/**
 * The child's care record as the domain sees it: the current (non-voided) facts about one child, as plain values.
 * Repositories load it; use cases change it and check it with {@link validateCareRecord} before anything is written,
 * so the stored record always satisfies these invariants.
 *
 * Dates follow one convention throughout: `…On` is a CalendarDay; an `endedOn` is the first day the fact no longer
 * holds ("first day away"), so a period of care that ends on 1 April covered the night of 31 March and not the
 * night of 1 April. An open fact has `endedOn: null`.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import type {
  CategoryOfNeed,
  Closeness,
  SideOfFamily,
  Ethnicity,
  LegalStatus,
  OrderType,
  PlacementType,
  PreviousPermanence,
  ProviderType,
  ReasonCareEnded,
  ReasonPlacementEnded,
  Relationship,
  ReviewParticipation,
  Sex,
  SiblingKind,
} from './codes.ts'

export type Sensitivity = 'normal' | 'restricted' | 'sealed'
export type RestrictionCategory = 'staff-or-relative' | 'high-profile' | 'high-risk'

/** Fields every stored fact carries. */
export interface FactMeta {
  readonly id: string
  readonly version: number
}

export interface ChildDetails extends FactMeta {
  readonly givenNames: string
  readonly familyName: string
  readonly preferredName: string | null
  readonly dateOfBirthOn: CalendarDay
  readonly sex: Sex
  readonly ethnicity: Ethnicity
  readonly firstLanguage: string | null
  readonly needsInterpreter: boolean
  readonly religion: string | null
  readonly hasDisability: boolean
  readonly disabilityDetails: string | null
  readonly communicationNeeds: string | null
  readonly localCaseNumber: string
  readonly upn: string | null
  readonly isUnaccompaniedAsylumSeeker: boolean
  readonly dateOfDeathOn: CalendarDay | null
  readonly teamId: string | null
  readonly allocatedWorkerId: string | null
  readonly allocatedIroId: string | null
  readonly sensitivity: Sensitivity
  readonly restrictionCategory: RestrictionCategory | null
  readonly restrictionOwnerId: string | null
  readonly restrictionReviewOn: CalendarDay | null
  readonly restrictionPermittedUserIds: readonly string[]
}

export interface PeriodOfCare extends FactMeta {
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly reasonEnded: ReasonCareEnded | null
  readonly categoryOfNeed: CategoryOfNeed | null
  readonly previousPermanence: PreviousPermanence | null
}

export interface LegalStatusSpell extends FactMeta {
  readonly status: LegalStatus
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
}

export interface Placement extends FactMeta {
  readonly placementType: PlacementType
  readonly carerPersonId: string | null
  readonly providerName: string | null
  readonly providerType: ProviderType | null
  readonly postcode: string | null
  readonly ofstedUrn: string | null
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly reasonEnded: ReasonPlacementEnded | null
  readonly isIntendedUntilEighteen: boolean
}

export type BroughtForwardKind = 'iro-request' | 'regulation-30' | 'remand-ending' | 'ceasing-accommodation' | 'other'

export interface StatutoryReview extends FactMeta {
  readonly heldOn: CalendarDay
  readonly participation: ReviewParticipation | null
  readonly chairedById: string | null
  /** Why the review was held early (CPPCR reg 33(3); rules.md REV-04), or null for a review on the usual cycle. */
  readonly broughtForwardKind?: BroughtForwardKind | null
  readonly broughtForwardReason: string | null
  /** The review considered Staying Put (rules.md REV-05). */
  readonly consideredStayingPut?: boolean
  readonly notes: string | null
}

export type CareEventKind =
  | 'statutory-visit'
  | 'care-plan'
  | 'placement-plan'
  | 'personal-education-plan'
  | 'health-assessment-initial'
  | 'health-assessment-review'
  | 'child-and-family-assessment'
  | 'care-leaver-needs-assessment'
  | 'staying-put-discussion'
  | 'pathway-plan'

/** A dated event the statutory timescales count: a visit, a health assessment, a PEP, a plan agreed … */
export interface CareEvent extends FactMeta {
  readonly kind: CareEventKind
  readonly occurredOn: CalendarDay
  /** The placement a placement plan is for (only for placement plans). */
  readonly placementId: string | null
  readonly notes: string | null
}

export interface ProceedingsExtension {
  readonly grantedOn: CalendarDay
  readonly weeks: number
  readonly reason?: string | null
}

export interface CareProceedings extends FactMeta {
  readonly issuedOn: CalendarDay
  readonly court: string | null
  readonly courtCaseNumber: string | null
  readonly finalCarePlanFilingOn: CalendarDay | null
  readonly concludedOn: CalendarDay | null
  readonly outcome: string | null
  readonly extensions: readonly ProceedingsExtension[]
}

export interface LegalOrder extends FactMeta {
  readonly orderType: OrderType
  readonly madeOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly holderPersonIds: readonly string[]
  readonly court: string | null
  readonly notes: string | null
}

export interface Person extends FactMeta {
  readonly givenNames: string
  readonly familyName: string
  readonly dateOfBirthOn: CalendarDay | null
  readonly sex: Sex | null
  readonly isLocalAuthorityFosterCarer: boolean
  readonly isApprovedAdopter: boolean
  readonly organisation: string | null
  readonly postcode: string | null
  /** Cultural genogram (issue 7); absent on people recorded before it. */
  readonly culture?: string | null
  readonly religion?: string | null
  readonly language?: string | null
  readonly isDeceased?: boolean
}

export interface ChildRelationship extends FactMeta {
  readonly personId: string
  readonly relationship: Relationship
  readonly holdsParentalResponsibility: boolean
  readonly notes: string | null
  /** How the relationship matters to the child (issue 7). */
  readonly closeness?: Closeness | null
  readonly strengths?: string | null
  readonly risks?: string | null
  readonly sideOfFamily?: SideOfFamily | null
}

export interface SiblingLink extends FactMeta {
  readonly siblingChildId: string
  readonly kind: SiblingKind
}

export interface WorkerAllocation extends FactMeta {
  readonly workerId: string
  readonly teamId: string | null
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly reasonEnded: string | null
}

export interface LivingArrangement extends FactMeta {
  readonly personId: string
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
}

/** Everything current about one child. Lists are in date order. */
export interface CareRecord {
  readonly child: ChildDetails
  readonly periodsOfCare: readonly PeriodOfCare[]
  readonly legalStatuses: readonly LegalStatusSpell[]
  readonly placements: readonly Placement[]
  readonly reviews: readonly StatutoryReview[]
  readonly proceedings: readonly CareProceedings[]
  readonly orders: readonly LegalOrder[]
  readonly relationships: readonly ChildRelationship[]
  /** The people the relationships, placements and living arrangements refer to. */
  readonly people: readonly Person[]
  readonly siblings: readonly SiblingLink[]
  readonly allocations: readonly WorkerAllocation[]
  readonly livingArrangements: readonly LivingArrangement[]
  readonly events: readonly CareEvent[]
}

/** The kinds of fact a care record holds, as named in the API (kebab-case plural). */
export type FactKind =
  | 'periods-of-care'
  | 'legal-statuses'
  | 'placements'
  | 'reviews'
  | 'proceedings'
  | 'orders'
  | 'relationships'
  | 'siblings'
  | 'allocations'
  | 'living-arrangements'
  | 'events'

/**
 * Whether a day falls within a span whose end is exclusive.
 * @param day - the day
 * @param startedOn - the first day of the span
 * @param endedOn - the first day after the span, or null if open
 * @returns true when startedOn ≤ day < endedOn
 */
export function isWithin(day: CalendarDay, startedOn: CalendarDay, endedOn: CalendarDay | null): boolean {
  return day >= startedOn && (endedOn === null || day < endedOn)
}

/**
 * Whether two spans with exclusive ends share at least one day.
 * @param a - the first span
 * @param b - the second span
 * @returns true when they overlap
 */
export function spansOverlap(
  a: { readonly startedOn: CalendarDay; readonly endedOn: CalendarDay | null },
  b: { readonly startedOn: CalendarDay; readonly endedOn: CalendarDay | null },
): boolean {
  return (a.endedOn === null || b.startedOn < a.endedOn) && (b.endedOn === null || a.startedOn < b.endedOn)
}

/**
 * The period of care open on a day, if any.
 * @param record - the care record
 * @param day - the day
 * @returns the period, or undefined
 */
export function periodOfCareOn(record: CareRecord, day: CalendarDay): PeriodOfCare | undefined {
  return record.periodsOfCare.find(period => isWithin(day, period.startedOn, period.endedOn))
}

/**
 * The legal status in force on a day, if any.
 * @param record - the care record
 * @param day - the day
 * @returns the spell, or undefined
 */
export function legalStatusOn(record: CareRecord, day: CalendarDay): LegalStatusSpell | undefined {
  return record.legalStatuses.find(spell => isWithin(day, spell.startedOn, spell.endedOn))
}

/**
 * The placement on a day, if any.
 * @param record - the care record
 * @param day - the day
 * @returns the placement, or undefined
 */
export function placementOn(record: CareRecord, day: CalendarDay): Placement | undefined {
  return record.placements.find(placement => isWithin(day, placement.startedOn, placement.endedOn))
}

/**
 * Whether the child is looked after on a day.
 * @param record - the care record
 * @param day - the day
 * @returns true when a period of care is open on that day
 */
export function isLookedAfterOn(record: CareRecord, day: CalendarDay): boolean {
  return periodOfCareOn(record, day) !== undefined
}
