/**
 * The permanence options weighed in a plan's balance sheet, their statuses, the assessments that inform them, and
 * each authority's own words for them.
 *
 * We store one canonical option type per route to permanence (the legal and practical routes that exist nationally)
 * and keep each authority's vocabulary as data mapping its headings onto those types (docs/adr/0022). So Dorset's
 * "Staying Put/Long-Term Fostering" heading covers two canonical types, and a Tameside plan that uses residential care
 * (an Appendix 5 heading but not one of its §8 options) still shows it under its national name.
 */

/** Canonical option types, in the order the balance sheet shows them: family first ([TAM] §2.3). */
export const OPTION_TYPES = {
  reunification: {
    label: 'Reunification or staying at home',
    explanation: 'The child lives with their parents, at home or returning home, with support.',
  },
  'family-and-friends': {
    label: 'Family and friends care (connected person)',
    explanation:
      'The child lives with a relative or friend who is approved as their foster carer (a "connected person").',
  },
  'child-arrangements-order': {
    label: 'Child arrangements order',
    explanation:
      'A court order that says who the child lives with. That person shares parental responsibility with the parents.',
  },
  'special-guardianship': {
    label: 'Special guardianship',
    explanation:
      'A court order that makes a carer (often a relative) the child’s special guardian until they are 18, with the ' +
      'main say in decisions. The child is no longer in care.',
  },
  'long-term-fostering': {
    label: 'Long-term fostering',
    explanation:
      'The child stays in care and lives with foster carers who are matched to look after them until adulthood.',
  },
  'residential-care': {
    label: 'Residential care',
    explanation: 'The child lives in a children’s home, when living in a family cannot meet their needs.',
  },
  adoption: {
    label: 'Adoption',
    explanation:
      'A court order makes the child a full and permanent member of a new family. It cannot be undone. Courts agree to ' +
      'it only when “nothing else will do” (Re B, 2013).',
  },
  'early-permanence': {
    label: 'Early permanence (fostering for adoption)',
    explanation:
      'A baby or young child lives with carers approved both as foster carers and as adopters, who will adopt them if ' +
      'the court decides the child cannot go home.',
  },
  'staying-put': {
    label: 'Staying Put',
    explanation: 'A young person stays with their foster carers after they turn 18, up to 21.',
  },
} as const
export type OptionType = keyof typeof OPTION_TYPES
export const OPTION_TYPE_VALUES = Object.keys(OPTION_TYPES) as [OptionType, ...OptionType[]]

/** Option types in which the child stays within their family network ([TAM] §2.3 "second preference"). */
export const FAMILY_NETWORK_OPTION_TYPES: readonly OptionType[] = [
  'family-and-friends',
  'child-arrangements-order',
  'special-guardianship',
]

/** Routes by which permanence ends the child being looked after; the others keep the child in care. */
export const ROUTES_LEAVING_CARE: readonly OptionType[] = [
  'reunification',
  'child-arrangements-order',
  'special-guardianship',
  'adoption',
]

/**
 * Where an option stands. The primary plan is a flag on one option (its status is `being-explored` until achieved);
 * parallel tracks run alongside it (twin or triple tracking, [TAM] §10.3); a contingency is the fallback.
 */
export const OPTION_STATUSES = {
  'being-explored': 'Being explored',
  'parallel-track': 'Parallel track',
  contingency: 'Contingency plan',
  'ruled-out': 'Ruled out',
  achieved: 'Achieved',
} as const
export type OptionStatus = keyof typeof OPTION_STATUSES
export const OPTION_STATUS_VALUES = Object.keys(OPTION_STATUSES) as [OptionStatus, ...OptionStatus[]]

/** Assessments that inform the options ([DOR] "The Meeting": key dates for assessments; [TAM] App 4). */
export const ASSESSMENT_KINDS = {
  parenting: 'Parenting assessment',
  viability: 'Viability assessment',
  'connected-person': 'Connected person (family and friends) fostering assessment',
  'special-guardianship': 'Special guardianship assessment',
  'together-or-apart': 'Together or apart (sibling) assessment',
  psychological: 'Psychological assessment',
  psychiatric: 'Psychiatric assessment',
  'child-permanence-report': 'Child’s permanence report (CPR)',
  medical: 'Medical assessment',
  'long-term-fostering-match': 'Long-term fostering matching assessment',
  other: 'Other assessment',
} as const
export type AssessmentKind = keyof typeof ASSESSMENT_KINDS
export const ASSESSMENT_KIND_VALUES = Object.keys(ASSESSMENT_KINDS) as [AssessmentKind, ...AssessmentKind[]]

export const ASSESSMENT_OUTCOMES = {
  pending: 'Not finished yet',
  positive: 'Positive',
  negative: 'Negative',
  mixed: 'Mixed',
  withdrawn: 'Withdrawn or stopped',
} as const
export type AssessmentOutcome = keyof typeof ASSESSMENT_OUTCOMES
export const ASSESSMENT_OUTCOME_VALUES = Object.keys(ASSESSMENT_OUTCOMES) as [AssessmentOutcome, ...AssessmentOutcome[]]

/** How a person in the child's network was considered, as a carer or as a support. [TAM] App 5. */
export const CONSIDERATION_OUTCOMES = {
  'not-yet-considered': 'Not yet considered',
  'being-assessed': 'Being assessed',
  positive: 'Yes',
  'ruled-out': 'Ruled out',
  declined: 'They did not want to',
} as const
export type ConsiderationOutcome = keyof typeof CONSIDERATION_OUTCOMES
export const CONSIDERATION_OUTCOME_VALUES = Object.keys(CONSIDERATION_OUTCOMES) as [
  ConsiderationOutcome,
  ...ConsiderationOutcome[],
]

/** How the child's views were captured, so that the method can be seen to fit their age and understanding. */
export const CHILD_VIEWS_METHODS = {
  'direct-conversation': 'Talking with the child',
  'words-and-pictures': 'Words and pictures',
  'play-or-drawing': 'Play or drawing',
  observation: 'Observation (for example, a baby or a child who does not use words)',
  advocate: 'Through an advocate',
  'written-by-child': 'Written by the child',
  'app-or-questionnaire': 'App or questionnaire',
  interpreter: 'With an interpreter',
  other: 'Another way',
} as const
export type ChildViewsMethod = keyof typeof CHILD_VIEWS_METHODS
export const CHILD_VIEWS_METHOD_VALUES = Object.keys(CHILD_VIEWS_METHODS) as [ChildViewsMethod, ...ChildViewsMethod[]]

export const VIEW_HOLDER_ROLES = {
  parent: 'Parent',
  carer: 'Carer',
  iro: 'Independent reviewing officer (IRO or QARO)',
  'family-member': 'Family member',
  professional: 'Professional',
  other: 'Other',
} as const
export type ViewHolderRole = keyof typeof VIEW_HOLDER_ROLES
export const VIEW_HOLDER_ROLE_VALUES = Object.keys(VIEW_HOLDER_ROLES) as [ViewHolderRole, ...ViewHolderRole[]]

export const KEY_DATE_KINDS = {
  hearing: 'Court hearing',
  'final-care-plan-filing': 'Final care plan filed with the court',
  application: 'Application to court',
  panel: 'Panel',
  'agency-decision': 'Agency decision maker’s decision',
  other: 'Other',
} as const
export type KeyDateKind = keyof typeof KEY_DATE_KINDS
export const KEY_DATE_KIND_VALUES = Object.keys(KEY_DATE_KINDS) as [KeyDateKind, ...KeyDateKind[]]
