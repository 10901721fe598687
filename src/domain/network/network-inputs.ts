/**
 * The child's network (issue 7): the kinds of record kept beside the care record, their input schemas (shape only)
 * and how their fields are named in messages. Business rules live in network-rules.ts.
 */
import { z } from 'zod'
import {
  choiceSchema,
  daySchema,
  idSchema,
  optionalDaySchema,
  optionalTextSchema,
  reasonSchema,
  textSchema,
  type FieldLabel,
} from '../shared/input.ts'

/** Every kind of network record, as it appears in URLs. */
export const NETWORK_KINDS = [
  'family-meetings',
  'kinship-assessments',
  'sgo-notices',
  'sibling-assessments',
  'family-time-plans',
  'family-time-sessions',
  'family-time-suspensions',
  'life-story-work',
] as const
export type NetworkKind = (typeof NETWORK_KINDS)[number]

export const FAMILY_MEETING_KINDS = {
  'family-network-meeting': 'Family network meeting',
  'family-group-conference': 'Family group conference',
} as const
export type FamilyMeetingKind = keyof typeof FAMILY_MEETING_KINDS

export const OFFER_KINDS = {
  'full-time-care': 'To care for the child full time',
  'short-breaks': 'Short breaks or respite',
  'family-time': 'To support or supervise family time',
  'practical-support': 'Practical support (school runs, childcare)',
  'emotional-support': 'Emotional support',
  other: 'Something else',
} as const
export type OfferKind = keyof typeof OFFER_KINDS

export const KINSHIP_ASSESSMENT_KINDS = {
  viability: 'Viability assessment',
  'connected-person': 'Connected person (kinship foster carer) assessment',
  'special-guardianship': 'Special guardianship assessment',
} as const
export type KinshipAssessmentKind = keyof typeof KINSHIP_ASSESSMENT_KINDS

export const ASSESSMENT_OUTCOMES = { positive: 'Positive', negative: 'Negative', withdrawn: 'Withdrawn' } as const
export type AssessmentOutcome = keyof typeof ASSESSMENT_OUTCOMES

export const TOGETHER_OR_APART = { together: 'Live together', apart: 'Live apart' } as const
export type TogetherOrApart = keyof typeof TOGETHER_OR_APART

export const FAMILY_TIME_MODES = {
  direct: 'Direct (in person or video)',
  indirect: 'Indirect (letters, cards, gifts)',
} as const
export const FAMILY_TIME_PERIODS = { week: 'a week', month: 'a month', year: 'a year' } as const
export type FamilyTimePeriod = keyof typeof FAMILY_TIME_PERIODS
export const SUPERVISION_LEVELS = {
  unsupervised: 'Unsupervised',
  supported: 'Supported',
  supervised: 'Supervised',
  'not-applicable': 'Not applicable (indirect)',
} as const
export const SESSION_OUTCOMES = {
  attended: 'Happened',
  cancelled: 'Cancelled',
  'did-not-attend': 'Did not happen: someone did not come',
} as const
export type SessionOutcome = keyof typeof SESSION_OUTCOMES
export const CANCELLED_BY = {
  parent: 'Parent',
  relative: 'Relative',
  carer: 'Carer',
  child: 'The child',
  'local-authority': 'The local authority',
  other: 'Someone else',
} as const

export const LIFE_STORY_KINDS = {
  'life-story-book': 'Life story book',
  'words-and-pictures': 'Words and pictures explanation',
  'later-life-letter': 'Later life letter',
} as const
export type LifeStoryKind = keyof typeof LIFE_STORY_KINDS
export const LIFE_STORY_STATUSES = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
} as const

const keys = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]
const optionalChoice = <T extends string>(values: readonly [T, ...T[]]) =>
  choiceSchema(values)
    .nullish()
    .transform(v => v ?? null)
const optionalId = idSchema.nullish().transform(v => v ?? null)

const familyMeetingFields = {
  kind: choiceSchema(keys(FAMILY_MEETING_KINDS)),
  heldOn: daySchema,
  attendeePersonIds: z.array(idSchema).max(50, { error: 'too-long' }).default([]),
  otherAttendees: optionalTextSchema(2000),
  offers: z
    .array(
      z.strictObject({
        personId: optionalId,
        kind: choiceSchema(keys(OFFER_KINDS)),
        details: optionalTextSchema(2000),
      }),
    )
    .max(50, { error: 'too-long' })
    .default([]),
  familyPlan: optionalTextSchema(10000),
}

const kinshipAssessmentFields = {
  personId: idSchema,
  kind: choiceSchema(keys(KINSHIP_ASSESSMENT_KINDS)),
  startedOn: daySchema,
  dueOn: optionalDaySchema,
  completedOn: optionalDaySchema,
  outcome: optionalChoice(keys(ASSESSMENT_OUTCOMES)),
  planOptionId: optionalTextSchema(64),
  temporaryApprovalOn: optionalDaySchema,
  extensionGrantedOn: optionalDaySchema,
  extensionWeeks: z
    .number({ error: 'invalid-type' })
    .int({ error: 'invalid-type' })
    .min(1, { error: 'too-short' })
    .max(8, { error: 'extension-too-long' })
    .nullish()
    .transform(v => v ?? null),
  untilReviewOutcome: z.boolean({ error: 'invalid-type' }).default(false),
  fullApprovalOn: optionalDaySchema,
  summary: optionalTextSchema(5000),
}

const sgoNoticeFields = { personId: idSchema, givenOn: daySchema }

const siblingAssessmentFields = {
  childIds: z.array(idSchema).min(2, { error: 'too-short' }).max(12, { error: 'too-long' }),
  assessedOn: daySchema,
  pairs: z
    .array(
      z.strictObject({
        childId: idSchema,
        siblingChildId: idSchema,
        outcome: choiceSchema(keys(TOGETHER_OR_APART)),
        reasons: textSchema(5000),
        contactPlan: optionalTextSchema(5000),
      }),
    )
    .min(1, { error: 'required' })
    .max(66, { error: 'too-long' }),
}

const familyTimePlanFields = {
  personId: optionalId,
  siblingChildId: optionalId,
  mode: choiceSchema(keys(FAMILY_TIME_MODES)),
  sessionsPerPeriod: z
    .number({ error: 'invalid-type' })
    .int({ error: 'invalid-type' })
    .min(1, { error: 'too-short' })
    .max(31, { error: 'too-long' }),
  period: choiceSchema(keys(FAMILY_TIME_PERIODS)),
  durationMinutes: z
    .number({ error: 'invalid-type' })
    .int({ error: 'invalid-type' })
    .min(1, { error: 'too-short' })
    .max(1440, { error: 'too-long' })
    .nullish()
    .transform(v => v ?? null),
  venue: optionalTextSchema(500),
  supervision: choiceSchema(keys(SUPERVISION_LEVELS)),
  transport: optionalTextSchema(500),
  purpose: textSchema(2000),
  workingAgreement: optionalTextSchema(5000),
  workingAgreementOn: optionalDaySchema,
  section34OrderOn: optionalDaySchema,
  startedOn: daySchema,
  endedOn: optionalDaySchema,
}

const familyTimeSessionFields = {
  planId: idSchema,
  occurredOn: daySchema,
  outcome: choiceSchema(keys(SESSION_OUTCOMES)),
  cancelledBy: optionalChoice(keys(CANCELLED_BY)),
  childExperience: optionalTextSchema(5000),
}

const familyTimeSuspensionFields = {
  planId: idSchema,
  suspendedOn: daySchema,
  resumedOn: optionalDaySchema,
  reason: textSchema(2000),
  notifiedOn: optionalDaySchema,
  legalAdviceOn: optionalDaySchema,
  section34OrderOn: optionalDaySchema,
}

const lifeStoryFields = {
  kind: choiceSchema(keys(LIFE_STORY_KINDS)),
  owner: textSchema(200),
  dueOn: daySchema,
  status: choiceSchema(keys(LIFE_STORY_STATUSES)),
  completedOn: optionalDaySchema,
  notes: optionalTextSchema(5000),
}

const FIELDS = {
  'family-meetings': familyMeetingFields,
  'kinship-assessments': kinshipAssessmentFields,
  'sgo-notices': sgoNoticeFields,
  'sibling-assessments': siblingAssessmentFields,
  'family-time-plans': familyTimePlanFields,
  'family-time-sessions': familyTimeSessionFields,
  'family-time-suspensions': familyTimeSuspensionFields,
  'life-story-work': lifeStoryFields,
} as const

/** Schemas for adding each kind of network record. */
export const NETWORK_CREATE_SCHEMAS = {
  'family-meetings': z.strictObject(familyMeetingFields),
  'kinship-assessments': z.strictObject(kinshipAssessmentFields),
  'sgo-notices': z.strictObject(sgoNoticeFields),
  'sibling-assessments': z.strictObject(siblingAssessmentFields),
  'family-time-plans': z.strictObject(familyTimePlanFields),
  'family-time-sessions': z.strictObject(familyTimeSessionFields),
  'family-time-suspensions': z.strictObject(familyTimeSuspensionFields),
  'life-story-work': z.strictObject(lifeStoryFields),
} satisfies Record<NetworkKind, z.ZodType>

/** Schemas for correcting each kind: every field again (a full replacement) and why. The suspension's own reason is
 * `reason`, so its correction's reason is `changeReason`. */
export const NETWORK_UPDATE_SCHEMAS = {
  'family-meetings': z.strictObject({ ...FIELDS['family-meetings'], reason: reasonSchema }),
  'kinship-assessments': z.strictObject({ ...FIELDS['kinship-assessments'], reason: reasonSchema }),
  'sgo-notices': z.strictObject({ ...FIELDS['sgo-notices'], reason: reasonSchema }),
  'sibling-assessments': z.strictObject({ ...FIELDS['sibling-assessments'], reason: reasonSchema }),
  'family-time-plans': z.strictObject({ ...FIELDS['family-time-plans'], reason: reasonSchema }),
  'family-time-sessions': z.strictObject({ ...FIELDS['family-time-sessions'], reason: reasonSchema }),
  'family-time-suspensions': z.strictObject({ ...FIELDS['family-time-suspensions'], changeReason: reasonSchema }),
  'life-story-work': z.strictObject({ ...FIELDS['life-story-work'], reason: reasonSchema }),
} satisfies Record<NetworkKind, z.ZodType>

/** Ending a running family time plan: the day it ended and why (the reason is kept with the new version). */
export const FamilyTimePlanEndSchema = z.strictObject({ endedOn: daySchema, reason: reasonSchema })
export type FamilyTimePlanEnd = z.output<typeof FamilyTimePlanEndSchema>

export type NetworkCreate<K extends NetworkKind> = z.output<(typeof NETWORK_CREATE_SCHEMAS)[K]>
export type NetworkUpdate<K extends NetworkKind> = z.output<(typeof NETWORK_UPDATE_SCHEMAS)[K]>

/** How the network's fields are named in messages. */
export const NETWORK_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  kind: { noun: 'what kind of record this is', name: 'Kind', isChoice: true },
  heldOn: { noun: 'the date of the meeting', name: 'Date of the meeting' },
  personId: { noun: 'the person', name: 'Person', isChoice: true },
  startedOn: { noun: 'the start date', name: 'Start date' },
  endedOn: { noun: 'the date the plan ended', name: 'Date the plan ended' },
  givenOn: { noun: 'the date notice was given', name: 'Date notice was given' },
  assessedOn: { noun: 'the date of the assessment', name: 'Date of the assessment' },
  childIds: { noun: 'the brothers and sisters assessed', name: 'Brothers and sisters', isChoice: true },
  outcome: { noun: 'the outcome', name: 'Outcome', isChoice: true },
  reasons: { noun: 'the reasons', name: 'Reasons' },
  mode: { noun: 'direct or indirect', name: 'Direct or indirect', isChoice: true },
  sessionsPerPeriod: { noun: 'how many times', name: 'How many times' },
  period: { noun: 'how often', name: 'How often', isChoice: true },
  durationMinutes: { noun: 'how long each session lasts, in minutes', name: 'Length of a session' },
  supervision: { noun: 'the level of supervision', name: 'Supervision', isChoice: true },
  purpose: { noun: 'what family time is for, for the child', name: 'Purpose for the child' },
  planId: { noun: 'the family time plan', name: 'Family time plan', isChoice: true },
  occurredOn: { noun: 'the date of the session', name: 'Date of the session' },
  cancelledBy: { noun: 'who cancelled', name: 'Who cancelled', isChoice: true },
  suspendedOn: { noun: 'the date family time was suspended', name: 'Date suspended' },
  reason: { noun: 'the reason', name: 'Reason' },
  owner: { noun: 'who is doing it', name: 'Owner' },
  dueOn: { noun: 'the due date', name: 'Due date' },
  status: { noun: 'the status', name: 'Status', isChoice: true },
  extensionWeeks: { noun: 'the length of the extension in weeks', name: 'Length of the extension' },
}

/** Messages for the network's rule codes (registered with the shared messages). */
export const NETWORK_RULE_MESSAGES: Readonly<Record<string, string>> = {
  'extension-too-long': 'An extension of temporary approval can be at most 8 weeks (CON-02)',
  'date-in-future': 'The date must be today or in the past',
  'person-not-in-network': 'Select someone in the child’s network',
  'plan-not-found': 'Select one of the child’s family time plans',
  'not-a-sibling': 'Select a brother or sister of this child',
  'child-not-in-assessment': 'Include this child in the assessment',
  'pair-not-in-group': 'Each pair must be two of the brothers and sisters assessed',
  'pair-repeated': 'Give one outcome for each pair',
  'person-or-sibling-required': 'Select the person or the brother or sister family time is with',
  'end-before-start': 'The end date must be after the start date',
  'plan-already-ended': 'This family time plan has already ended, on {endedOn}',
  'after-plan-ended': 'The date must be before the family time plan ended, on {endedOn}',
  'cancelled-by-required': 'Select who cancelled the session',
  'cancelled-by-not-cancelled': 'Only a cancelled session has someone who cancelled it',
  'outcome-needs-completion': 'Enter the date the assessment was completed to record its outcome',
  'completion-needs-outcome': 'Select the outcome of the completed assessment',
  'extension-needs-approval': 'Enter the date temporary approval began before recording an extension (CON-02)',
  'extension-needs-weeks': 'Enter the length of the extension in weeks',
  'completed-needs-date': 'Enter the date it was completed',
  'completed-date-needs-status': 'Select Completed, or remove the date it was completed',
  'temporary-approval-not-connected': 'Only a connected person assessment has temporary approval (CON-01)',
  'only-one-extension': 'Temporary approval can be extended once only (CON-02)',
}
