/**
 * The vocabularies of the care record: our canonical values, their plain-English labels, and their SSDA903 codes.
 *
 * We store canonical values, not 903 codes, because the 903 code lists change from year to year (H5 became K3 in
 * 2024/25; Z1 became Z11–Z14 in 2025/26; SEX went from 1/2 to M/F/U) — national-returns.md §1.5. Year-specific
 * mapping for export lives with the returns; the mappings here are the current (2025/26) ones, used by the
 * timescale engine's contract, whose input takes 903 codes.
 */

/** Legal statuses under which a child is looked after (SSDA903 LS). */
export const LEGAL_STATUSES = {
  'interim-care-order': { code: 'C1', label: 'Interim care order (s.38)' },
  'care-order': { code: 'C2', label: 'Care order (s.31)' },
  'freeing-order': { code: 'D1', label: 'Freeing order granted' },
  'placement-order': { code: 'E1', label: 'Placement order granted (ACA s.21)' },
  'section-20': { code: 'V2', label: 'Accommodated under section 20' },
  'short-breaks-episodes': { code: 'V3', label: 'Short breaks: individual episodes' },
  'short-breaks-agreement': { code: 'V4', label: 'Short breaks: agreed series' },
  'police-protection': { code: 'L1', label: 'Police protection' },
  'emergency-protection-order': { code: 'L2', label: 'Emergency protection order' },
  'child-assessment-order': { code: 'L3', label: 'Child assessment order' },
  remand: { code: 'J1', label: 'Remanded to local authority or youth detention accommodation' },
  'pace-accommodation': { code: 'J2', label: 'Accommodated under PACE 1984' },
  'youth-rehabilitation-order': { code: 'J3', label: 'Youth rehabilitation order with residence requirement' },
} as const

export type LegalStatus = keyof typeof LEGAL_STATUSES
export const LEGAL_STATUS_VALUES = Object.keys(LEGAL_STATUSES) as [LegalStatus, ...LegalStatus[]]

/** Placement types (SSDA903 PLACE). */
export const PLACEMENT_TYPES = {
  'adoption-consent-current-foster-carers': {
    code: 'A3',
    label: 'Placed for adoption with consent, with current foster carers',
  },
  'adoption-consent': { code: 'A4', label: 'Placed for adoption with consent, not with current foster carers' },
  'adoption-placement-order-current-foster-carers': {
    code: 'A5',
    label: 'Placed for adoption under a placement order, with current foster carers',
  },
  'adoption-placement-order': {
    code: 'A6',
    label: 'Placed for adoption under a placement order, not with current foster carers',
  },
  'secure-childrens-home': { code: 'K1', label: "Secure children's home" },
  'childrens-home': { code: 'K2', label: "Children's home" },
  'supported-accommodation': { code: 'K3', label: 'Supported accommodation' },
  'semi-independent-unregulated': { code: 'H5', label: 'Semi-independent living (before 2024/25)' },
  'with-parents': { code: 'P1', label: 'With parents or others with parental responsibility' },
  'independent-living': { code: 'P2', label: 'Independent living (before 2025/26)' },
  'residential-employment': { code: 'P3', label: 'Residential employment' },
  'residential-care-home': { code: 'R1', label: 'Residential care home' },
  'health-establishment': { code: 'R2', label: 'NHS or health establishment' },
  'family-centre': { code: 'R3', label: 'Family centre or mother and baby unit' },
  'young-offender-institution': { code: 'R5', label: 'Young offender institution' },
  'residential-school': { code: 'S1', label: 'Residential school' },
  'temporary-other': { code: 'T0', label: 'Temporary move: other' },
  'temporary-hospital': { code: 'T1', label: 'Temporary period in hospital' },
  'temporary-holiday': { code: 'T2', label: 'Temporary: child on holiday' },
  'temporary-carers-holiday': { code: 'T3', label: 'Temporary: while carers are on holiday' },
  'temporary-short': { code: 'T4', label: 'Temporary move of 7 days or less' },
  'connected-foster-long-term': { code: 'U1', label: 'Foster care with relatives or friends: long term' },
  'connected-foster-for-adoption': {
    code: 'U2',
    label: 'Foster care with relatives or friends: fostering for adoption or concurrent planning',
  },
  'connected-foster-other': { code: 'U3', label: 'Foster care with relatives or friends: other' },
  'foster-long-term': { code: 'U4', label: 'Foster care with other carers: long term' },
  'foster-for-adoption': {
    code: 'U5',
    label: 'Foster care with other carers: fostering for adoption or concurrent planning',
  },
  'foster-other': { code: 'U6', label: 'Foster care with other carers: other' },
  'other-placement': { code: 'Z1', label: 'Other placement (before 2025/26)' },
  'other-placement-z11': { code: 'Z11', label: 'Other placement (Z11)' },
  'other-placement-z12': { code: 'Z12', label: 'Other placement (Z12)' },
  'other-placement-z13': { code: 'Z13', label: 'Other placement (Z13)' },
  'other-placement-z14': { code: 'Z14', label: 'Other placement (Z14)' },
} as const

export type PlacementType = keyof typeof PLACEMENT_TYPES
export const PLACEMENT_TYPE_VALUES = Object.keys(PLACEMENT_TYPES) as [PlacementType, ...PlacementType[]]

/** Why a period of care ended (SSDA903 REC, other than X1 which is implied by the next episode). */
export const REASONS_CARE_ENDED = {
  'adopted-unopposed': { code: 'E11', label: 'Adopted: application unopposed' },
  'adopted-consent-dispensed': { code: 'E12', label: 'Adopted: consent dispensed with by the court' },
  died: { code: 'E2', label: 'Died' },
  'care-taken-over-by-another-authority': { code: 'E3', label: 'Care taken over by another local authority' },
  'returned-home-planned': { code: 'E4A', label: 'Returned home to parents as part of the care plan' },
  'returned-home-unplanned': { code: 'E4B', label: 'Returned home to parents, not as part of the care plan' },
  'lives-with-relatives-without-pr': {
    code: 'E13',
    label: 'Left care to live with parents or relatives without parental responsibility',
  },
  'child-arrangements-order': { code: 'E41', label: 'Child arrangements order' },
  'sgo-former-foster-carers-connected': {
    code: 'E45',
    label: 'Special guardianship order to former foster carers who are relatives or friends',
  },
  'sgo-former-foster-carers-other': {
    code: 'E46',
    label: 'Special guardianship order to former foster carers who are not relatives or friends',
  },
  'sgo-other-carers-connected': {
    code: 'E47',
    label: 'Special guardianship order to other carers who are relatives or friends',
  },
  'sgo-other-carers-other': {
    code: 'E48',
    label: 'Special guardianship order to other carers who are not relatives or friends',
  },
  'independent-living-supported': { code: 'E5', label: 'Moved into independent living with formal support' },
  'independent-living-unsupported': { code: 'E6', label: 'Moved into independent living without formal support' },
  'adult-social-care': { code: 'E7', label: 'Transferred to residential care funded by adult social care' },
  custody: { code: 'E9', label: 'Sentenced to custody' },
  'remand-ended': { code: 'E14', label: 'Accommodation on remand ended' },
  'age-assessed-adult': { code: 'E15', label: 'Age assessment found the child to be 18 or over' },
  'moved-abroad': { code: 'E16', label: 'Moved abroad' },
  'staying-put': { code: 'E17', label: 'Aged 18 or over and remained with current carers (Staying Put)' },
  other: { code: 'E8', label: 'Any other reason' },
} as const

export type ReasonCareEnded = keyof typeof REASONS_CARE_ENDED
export const REASON_CARE_ENDED_VALUES = Object.keys(REASONS_CARE_ENDED) as [ReasonCareEnded, ...ReasonCareEnded[]]

/** Why a placement ended (SSDA903 REASON_PLACE_CHANGE). */
export const REASONS_PLACEMENT_ENDED = {
  'care-plan': { code: 'CARPL', label: 'Change to or implementation of the care plan' },
  'provision-closed': { code: 'CLOSE', label: 'Resignation or closure of provision' },
  allegation: { code: 'ALLEG', label: 'Allegation (s.47)' },
  'standards-of-care': { code: 'STAND', label: 'Standards of care concern' },
  'approval-removed': { code: 'APPRR', label: 'Approval removed' },
  'carer-request-behaviour': { code: 'CREQB', label: "Carer requested an end because of the child's behaviour" },
  'carer-request-other': { code: 'CREQO', label: 'Carer requested an end for other reasons' },
  'child-request': { code: 'CHILD', label: 'Child requested an end' },
  'authority-request': { code: 'LAREQ', label: 'Responsible or area authority requested an end' },
  'status-change': { code: 'PLACE', label: 'Change in the status of the placement only' },
  custody: { code: 'CUSTOD', label: 'Custody arrangement' },
  other: { code: 'OTHER', label: 'Other' },
} as const

export type ReasonPlacementEnded = keyof typeof REASONS_PLACEMENT_ENDED
export const REASON_PLACEMENT_ENDED_VALUES = Object.keys(REASONS_PLACEMENT_ENDED) as [
  ReasonPlacementEnded,
  ...ReasonPlacementEnded[],
]

/** Ethnicity: the DfE's 20 codes, shared by the SSDA903 and CIN returns (stable, so stored as the code). */
export const ETHNICITIES = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy or Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const

export type Ethnicity = keyof typeof ETHNICITIES
export const ETHNICITY_VALUES = Object.keys(ETHNICITIES) as [Ethnicity, ...Ethnicity[]]

/** Category of need (SSDA903 CIN). */
export const CATEGORIES_OF_NEED = {
  N1: 'Abuse or neglect',
  N2: "Child's disability",
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
} as const

export type CategoryOfNeed = keyof typeof CATEGORIES_OF_NEED
export const CATEGORY_OF_NEED_VALUES = Object.keys(CATEGORIES_OF_NEED) as [CategoryOfNeed, ...CategoryOfNeed[]]

/** How the child took part in a statutory review (SSDA903 REVIEW_CODE). */
export const REVIEW_PARTICIPATION = {
  PN0: 'Child under 4 at the time of the review',
  PN1: 'Attended and spoke for themselves',
  PN2: 'Attended and an advocate spoke for them',
  PN3: 'Attended and conveyed views non-verbally',
  PN4: 'Attended without contributing',
  PN5: 'Did not attend; briefed an advocate',
  PN6: 'Did not attend; conveyed feelings by a facilitative medium',
  PN7: 'Did not attend and no views were conveyed',
} as const

export type ReviewParticipation = keyof typeof REVIEW_PARTICIPATION
export const REVIEW_PARTICIPATION_VALUES = Object.keys(REVIEW_PARTICIPATION) as [
  ReviewParticipation,
  ...ReviewParticipation[],
]

export const SEXES = { female: 'Female', male: 'Male', unknown: 'Not known' } as const
export type Sex = keyof typeof SEXES
export const SEX_VALUES = Object.keys(SEXES) as [Sex, ...Sex[]]

/** Placement providers (SSDA903 PLACE_PROVIDER). */
export const PROVIDER_TYPES = {
  parents: { code: 'PR0', label: 'Parents' },
  'own-authority': { code: 'PR1', label: "This authority's own provision" },
  'other-authority': { code: 'PR2', label: "Another local authority's provision" },
  'other-public': { code: 'PR3', label: 'Other public provision' },
  private: { code: 'PR4', label: 'Private provision' },
  voluntary: { code: 'PR5', label: 'Voluntary or third sector provision' },
} as const
export type ProviderType = keyof typeof PROVIDER_TYPES
export const PROVIDER_TYPE_VALUES = Object.keys(PROVIDER_TYPES) as [ProviderType, ...ProviderType[]]

/** Orders made about a child, including those that end care (SGO, CAO, adoption). */
export const ORDER_TYPES = {
  'special-guardianship-order': 'Special guardianship order',
  'child-arrangements-order': 'Child arrangements order',
  'adoption-order': 'Adoption order',
  'supervision-order': 'Supervision order',
  'care-order': 'Care order',
  'interim-care-order': 'Interim care order',
  'placement-order': 'Placement order',
  'emergency-protection-order': 'Emergency protection order',
  'interim-supervision-order': 'Interim supervision order',
  other: 'Other order',
} as const
export type OrderType = keyof typeof ORDER_TYPES
export const ORDER_TYPE_VALUES = Object.keys(ORDER_TYPES) as [OrderType, ...OrderType[]]

export const RELATIONSHIPS = {
  mother: 'Mother',
  father: 'Father',
  'step-parent': 'Step-parent',
  'parent-partner': "Parent's partner",
  grandparent: 'Grandparent',
  aunt: 'Aunt',
  uncle: 'Uncle',
  'sibling-adult': 'Adult brother or sister',
  cousin: 'Cousin',
  'other-relative': 'Other relative',
  'family-friend': 'Family friend',
  'foster-carer': 'Foster carer',
  'prospective-adopter': 'Prospective adopter',
  'adoptive-parent': 'Adoptive parent',
  'special-guardian': 'Special guardian',
  teacher: 'Teacher',
  professional: 'Professional',
  other: 'Other',
} as const
export type Relationship = keyof typeof RELATIONSHIPS
export const RELATIONSHIP_VALUES = Object.keys(RELATIONSHIPS) as [Relationship, ...Relationship[]]

/**
 * Relatives within CA89 s.105: grandparent, brother, sister, uncle, aunt (full or half blood, or by marriage or
 * civil partnership) or step-parent (rules.md §4; §6 D15). Used by the private-fostering and legal-route rules.
 */
export const RELATIVE_RELATIONSHIPS: ReadonlySet<Relationship> = new Set<Relationship>([
  'grandparent',
  'aunt',
  'uncle',
  'sibling-adult',
  'step-parent',
])

export const PARENT_RELATIONSHIPS: ReadonlySet<Relationship> = new Set<Relationship>(['mother', 'father'])

/** How close the child is to someone in their network (issue 7; drawn as the line on the genogram and ecomap). */
export const CLOSENESS = {
  'very-close': 'Very close',
  close: 'Close',
  'some-contact': 'Some contact',
  distant: 'Distant',
  conflicted: 'Conflicted',
  'no-contact': 'No contact',
} as const
export type Closeness = keyof typeof CLOSENESS
export const CLOSENESS_VALUES = Object.keys(CLOSENESS) as [Closeness, ...Closeness[]]

/** Which side of the child's family a relative is on (the genogram's left and right). */
export const SIDES_OF_FAMILY = {
  maternal: 'Maternal',
  paternal: 'Paternal',
  both: 'Both',
  none: 'Not a relative',
} as const
export type SideOfFamily = keyof typeof SIDES_OF_FAMILY
export const SIDE_OF_FAMILY_VALUES = Object.keys(SIDES_OF_FAMILY) as [SideOfFamily, ...SideOfFamily[]]

export const SIBLING_KINDS = { full: 'Full', half: 'Half', step: 'Step', other: 'Other' } as const
export type SiblingKind = keyof typeof SIBLING_KINDS
export const SIBLING_KIND_VALUES = Object.keys(SIBLING_KINDS) as [SiblingKind, ...SiblingKind[]]

export const PREVIOUS_PERMANENCE = {
  adoption: { code: 'P1', label: 'Adoption' },
  'special-guardianship-order': { code: 'P2', label: 'Special guardianship order' },
  'child-arrangements-order': { code: 'P3', label: 'Residence or child arrangements order' },
  unknown: { code: 'P4', label: 'Not known' },
  none: { code: 'Z1', label: 'None' },
} as const
export type PreviousPermanence = keyof typeof PREVIOUS_PERMANENCE
export const PREVIOUS_PERMANENCE_VALUES = Object.keys(PREVIOUS_PERMANENCE) as [
  PreviousPermanence,
  ...PreviousPermanence[],
]

/** Placement types in which the child is placed for adoption (A3–A6). */
export function isPlacedForAdoption(type: PlacementType): boolean {
  return PLACEMENT_TYPES[type].code.startsWith('A')
}

/** Placement types that are foster care (U1–U6). */
export function isFosterPlacement(type: PlacementType): boolean {
  return PLACEMENT_TYPES[type].code.startsWith('U')
}

/** Foster placements with relatives or friends, i.e. connected persons (U1–U3). */
export function isConnectedPersonPlacement(type: PlacementType): boolean {
  const code = PLACEMENT_TYPES[type].code
  return code === 'U1' || code === 'U2' || code === 'U3'
}

/** Temporary placements (T0–T4), which never start or end a period of care (903 rules 380, 381). */
export function isTemporaryPlacement(type: PlacementType): boolean {
  return PLACEMENT_TYPES[type].code.startsWith('T')
}

/**
 * Looks up a canonical placement type from its 903 code.
 * @param code - e.g. `U4`
 * @returns the canonical type, or undefined
 */
export function placementTypeFromCode(code: string): PlacementType | undefined {
  const upper = code.toUpperCase()
  return PLACEMENT_TYPE_VALUES.find(type => PLACEMENT_TYPES[type].code === upper)
}

/**
 * Looks up a canonical legal status from its 903 code.
 * @param code - e.g. `C2`
 * @returns the canonical status, or undefined
 */
export function legalStatusFromCode(code: string): LegalStatus | undefined {
  const upper = code.toUpperCase()
  return LEGAL_STATUS_VALUES.find(status => LEGAL_STATUSES[status].code === upper)
}
