/**
 * The facts a national return needs: a care record plus what the care record does not hold yet (issue 8). These are
 * plain, serialisable values with canonical vocabularies; the 903 codes for them live in `code-maps.ts`, per
 * collection year, so nothing here is a raw 903 code except where the code itself is the stable vocabulary
 * (social worker change reasons, whose DfE descriptions we could not find; national-returns.md §1.4).
 *
 * Dates follow the care record's convention: `…On` is a CalendarDay and an `endedOn` is the first day the fact no
 * longer holds. A 903 DEC (date episode ceased) is that same "first day away" day, which is why X1 chaining works
 * (DEC of one episode = DECOM of the next).
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import type { CareRecord } from '../children/care-record.ts'
import type { CollectionYear } from './collection-year.ts'

/** Why the decision that a child should be placed for adoption was reversed (903 REASON_PLACED_CEASED). */
export const ADOPTION_DECISION_CEASED_REASONS = {
  'needs-changed': "The child's needs changed",
  'no-placement-order': 'The court did not make a placement order',
  'adopters-not-found': 'Prospective adopters could not be found',
  other: 'Any other reason',
} as const
export type AdoptionDecisionCeasedReason = keyof typeof ADOPTION_DECISION_CEASED_REASONS

/** The sexes of the adopter or adopters (903 SEX_ADOPTR). */
export const ADOPTER_SEXES = {
  'one-male': 'A single male adopter',
  'one-female': 'A single female adopter',
  'two-male': 'Two male adopters',
  'two-female': 'Two female adopters',
  'male-and-female': 'A male and a female adopter',
} as const
export type AdopterSexes = keyof typeof ADOPTER_SEXES

/** The legal status of the adopters (903 LS_ADOPTR). */
export const ADOPTER_LEGAL_STATUSES = {
  single: 'Single',
  'married-different-sex': 'Married couple of different sexes',
  'married-same-sex': 'Married couple of the same sex',
  'civil-partnership': 'Civil partners',
  'unmarried-different-sex': 'Unmarried couple of different sexes',
  'unmarried-same-sex': 'Unmarried couple of the same sex, not in a civil partnership',
} as const
export type AdopterLegalStatus = keyof typeof ADOPTER_LEGAL_STATUSES

/** Missing from placement, or away from it without authorisation (903 MISSING). */
export const MISSING_KINDS = { missing: 'Missing', 'away-without-authorisation': 'Away without authorisation' } as const
export type MissingKind = keyof typeof MISSING_KINDS

/**
 * Why the social worker changed (903 SW_REASON, new in 2023/24). The DfE descriptions were not in any source we
 * could read, so the codes themselves are the vocabulary (as codes.ts does for ethnicity); see docs/returns.md.
 */
export const SOCIAL_WORKER_CHANGE_REASONS = [
  'MANAGE',
  'FCONTA',
  'LEFTRL',
  'ORGRST',
  'TSPROC',
  'ABSENC',
  'CHCHAN',
  'PCCHAN',
  'SWDIED',
  'OTHERS',
] as const
export type SocialWorkerChangeReason = (typeof SOCIAL_WORKER_CHANGE_REASONS)[number]

/** Why no SDQ score was returned (903 SDQ_REASON). */
export const SDQ_REASONS = {
  'outside-age-range': 'Aged under 4 or over 16',
  'carer-refused': 'The carer refused',
  'disability-too-severe': "The child's disability is too severe",
  other: 'Any other reason',
  'young-person-refused': 'The young person refused',
} as const
export type SdqReason = keyof typeof SDQ_REASONS

/** Whether the authority is in touch with a care leaver (903 OC3 IN_TOUCH). */
export const CARE_LEAVER_CONTACTS = {
  'in-touch': 'In touch',
  'not-in-touch': 'Not in touch',
  died: 'Died',
  'refuses-contact': 'Refuses contact',
  'no-longer-requires-services': 'No longer requires services',
  'returned-home': 'Returned to live with parents for 6 months or more',
} as const
export type CareLeaverContact = keyof typeof CARE_LEAVER_CONTACTS

/** A care leaver's main activity (903 OC3 ACTIV). */
export const CARE_LEAVER_ACTIVITIES = {
  'higher-education-full-time': 'Higher education, full time',
  'higher-education-part-time': 'Higher education, part time',
  'other-education-full-time': 'Other education, full time',
  'other-education-part-time': 'Other education, part time',
  'apprenticeship-full-time': 'Apprenticeship, full time',
  'apprenticeship-part-time': 'Apprenticeship, part time',
  'training-or-employment-full-time': 'Training or employment, full time',
  'training-or-employment-part-time': 'Training or employment, part time',
  'not-in-education-illness-or-disability': 'Not in education, employment or training: illness or disability',
  'not-in-education-other': 'Not in education, employment or training: other reasons',
  'not-in-education-pregnancy-or-parenting': 'Not in education, employment or training: pregnancy or parenting',
  'not-applicable': 'Not applicable (code 0)',
} as const
export type CareLeaverActivity = keyof typeof CARE_LEAVER_ACTIVITIES

/** A care leaver's accommodation (903 OC3 ACCOM letter; suitability is held separately). */
export const CARE_LEAVER_ACCOMMODATIONS = {
  'with-parents-or-relatives': 'With parents or relatives',
  'community-home': 'Community home',
  'semi-independent': 'Semi-independent, transitional accommodation',
  'supported-lodgings': 'Supported lodgings',
  'gone-abroad': 'Gone abroad',
  deported: 'Deported',
  'ordinary-lodgings': 'Ordinary lodgings',
  'residence-not-known': 'Residence not known',
  'no-fixed-abode': 'No fixed abode or homeless',
  foyer: 'Foyer',
  'independent-living': 'Independent living',
  'emergency-accommodation': 'Emergency accommodation',
  'bed-and-breakfast': 'Bed and breakfast',
  custody: 'In custody',
  other: 'Other accommodation',
  'with-former-foster-carers': 'With former foster carers',
  'not-applicable': 'Not applicable (code 0)',
} as const
export type CareLeaverAccommodation = keyof typeof CARE_LEAVER_ACCOMMODATIONS

/**
 * A date whose day, month or year may be unknown, as 903 previous-permanence dates allow (`zz/05/2020`):
 * `YYYY-MM-DD` with `ZZZZ` or `ZZ` for the unknown parts, e.g. `2020-05-ZZ`.
 */
export type PartialCalendarDay = string & { readonly __brand: 'PartialCalendarDay' }

/** Per period of care: what the 903 asks that the period does not hold. */
export interface PeriodOfCareReturnDetails {
  readonly periodOfCareId: string
  /** The postcode of the child's home when the period started (903 HOME_POST). */
  readonly homePostcode: string | null
  /** The authority that made the previous permanence order: 3-digit DfE code, or WAL, SCO, NUK or NIR (LA_PERM). */
  readonly previousPermanenceAuthority: string | null
  /** When the previous permanence order was made (DATE_PERM), possibly partly unknown. */
  readonly previousPermanenceOn: PartialCalendarDay | null
}

/** The adopters, as AD1 describes them. */
export interface Adopters {
  readonly count: 1 | 2
  readonly sexes: AdopterSexes
  readonly legalStatus: AdopterLegalStatus
}

/**
 * One adoption journey: from the agency decision maker's decision that the child should be placed for adoption to
 * the adoption order or the decision that the child should no longer be placed. Placement order, placed and
 * adoption-order dates may be left null: they are then derived from the legal statuses (E1/D1), the first A3–A6
 * placement and the period of care ending E11/E12 (national-returns.md §3.3).
 */
export interface AdoptionJourney {
  readonly id: string
  /** The decision that the child should be placed for adoption (903 DATE_INT and DATE_PLACED). */
  readonly decidedOn: CalendarDay
  /** The decision that the child should no longer be placed (DATE_PLACED_CEASED). */
  readonly decisionCeasedOn: CalendarDay | null
  readonly decisionCeasedReason: AdoptionDecisionCeasedReason | null
  readonly placementOrderOn: CalendarDay | null
  /** Matched with prospective adopters (DATE_MATCH). */
  readonly matchedOn: CalendarDay | null
  /** Moved in with the prospective adopters (placed for adoption). */
  readonly placedOn: CalendarDay | null
  readonly adoptionOrderOn: CalendarDay | null
  /** Placed in a fostering-for-adoption or concurrent-planning placement (Annex A list 10). */
  readonly fosteringForAdoptionOn: CalendarDay | null
  readonly adopters: Adopters | null
  /** Adopted by the child's former foster carers (AD1 FOSTER_CARE). */
  readonly isAdoptedByFosterCarers: boolean | null
  /** A sibling-group or family identifier for Annex A list 10. */
  readonly familyId: string | null
}

/** A missing or away-without-authorisation episode (903 Missing). */
export interface MissingEpisode {
  readonly id: string
  readonly kind: MissingKind
  readonly startedOn: CalendarDay
  /** The day the child came back (MIS_END), or null while still missing. */
  readonly returnedOn: CalendarDay | null
  readonly wasReturnInterviewOffered: boolean | null
  readonly wasReturnInterviewAccepted: boolean | null
}

/** Per worker allocation: the 903 social worker episode details. */
export interface SocialWorkerEpisodeDetails {
  readonly allocationId: string
  /** The worker's 903 identifier; must begin SW or XX (SW02STG1). */
  readonly socialWorkerRef: string
  /** Why the social worker changed at the start of this allocation (SW_REASON sits on the new episode). */
  readonly changeReason: SocialWorkerChangeReason | null
}

/** A deprivation of liberty order (903 DoLo, from 2026/27). */
export interface DeprivationOfLibertyOrder {
  readonly id: string
  readonly startedOn: CalendarDay
  /** The end date as the 903 gives it (DOLO_END), or null while in force. */
  readonly endedOn: CalendarDay | null
}

/** OC2: outcomes for a child looked after continuously for 12 months at 31 March, recorded per collection year. */
export interface HealthOutcomes {
  readonly collectionYear: CollectionYear
  readonly sdqScore: number | null
  readonly sdqReason: SdqReason | null
  readonly isConvicted: boolean | null
  readonly hasHealthCheck: boolean | null
  readonly hasImmunisations: boolean | null
  readonly hasTeethCheck: boolean | null
  readonly hasHealthAssessment: boolean | null
  readonly hasSubstanceMisuse: boolean | null
  readonly hasInterventionReceived: boolean | null
  readonly hasInterventionOffered: boolean | null
}

/** OC3: a care leaver's outcomes around a birthday, recorded per collection year. */
export interface CareLeaverOutcomes {
  readonly collectionYear: CollectionYear
  readonly contact: CareLeaverContact
  readonly activity: CareLeaverActivity
  readonly accommodation: CareLeaverAccommodation
  /** Whether the accommodation is suitable; null with `not-applicable`. */
  readonly isAccommodationSuitable: boolean | null
}

/** What the return needs beyond the care record. */
export interface ReturnDetails {
  /** Whether the child is a mother (903 MOTHER, for girls and young women). */
  readonly isMother: boolean | null
  /** Date of birth of the mother's first child (MC_DOB). */
  readonly firstChildBornOn: CalendarDay | null
  /** When the child stopped being an unaccompanied asylum-seeking child (UASC DUC). */
  readonly uascCeasedOn: CalendarDay | null
  readonly periodsOfCare: readonly PeriodOfCareReturnDetails[]
  readonly adoptionJourneys: readonly AdoptionJourney[]
  readonly missingEpisodes: readonly MissingEpisode[]
  readonly socialWorkerEpisodes: readonly SocialWorkerEpisodeDetails[]
  readonly deprivationOfLibertyOrders: readonly DeprivationOfLibertyOrder[]
  readonly healthOutcomes: readonly HealthOutcomes[]
  readonly careLeaverOutcomes: readonly CareLeaverOutcomes[]
  /**
   * When each fact (by id) was first recorded, if the store knows. Used only to build a past year's return "as
   * known at the time": facts first recorded after that day are left out (docs/adr/0032).
   */
  readonly recordedOn?: Readonly<Record<string, CalendarDay>>
}

/** A child's care record plus the facts the national returns need. */
export interface ReturnFacts extends CareRecord {
  readonly returnDetails: ReturnDetails
}

/** Return details with nothing recorded. */
export const EMPTY_RETURN_DETAILS: ReturnDetails = {
  isMother: null,
  firstChildBornOn: null,
  uascCeasedOn: null,
  periodsOfCare: [],
  adoptionJourneys: [],
  missingEpisodes: [],
  socialWorkerEpisodes: [],
  deprivationOfLibertyOrders: [],
  healthOutcomes: [],
  careLeaverOutcomes: [],
}
