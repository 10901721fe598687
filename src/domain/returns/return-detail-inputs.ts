/**
 * Recording return details (issue 8 §3): the kinds of SSDA903-only fact a worker can record, correct and void through
 * the API (missing episodes, OC2 health outcomes, OC3 care leaver outcomes, deprivation of liberty orders), their
 * input schemas (shape only, using the code lists of return-facts.ts) and how their fields are named in messages.
 * The rules live in return-detail-rules.ts.
 */
import { z } from 'zod'
import { choiceSchema, daySchema, optionalDaySchema, reasonSchema, type FieldLabel } from '../shared/input.ts'
import { EARLIEST_IMPORT_YEAR, LATEST_KNOWN_YEAR } from './collection-year.ts'
import {
  CARE_LEAVER_ACCOMMODATIONS,
  CARE_LEAVER_ACTIVITIES,
  CARE_LEAVER_CONTACTS,
  MISSING_KINDS,
  SDQ_REASONS,
} from './return-facts.ts'

/** Every kind of return detail that can be recorded, as it appears in URLs (and as the return tables are keyed). */
export const RETURN_DETAIL_KINDS = [
  'missing-episodes',
  'health-outcomes',
  'care-leaver-outcomes',
  'deprivation-of-liberty-orders',
] as const
export type ReturnDetailKind = (typeof RETURN_DETAIL_KINDS)[number]

const keys = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]
const optionalChoice = <T extends string>(values: readonly [T, ...T[]]) =>
  choiceSchema(values)
    .nullish()
    .transform(v => v ?? null)
const optionalFlag = z
  .boolean({ error: 'invalid-type' })
  .nullish()
  .transform(v => v ?? null)
const collectionYearSchema = z
  .number({ error: issue => (issue.input === undefined || issue.input === null ? 'required' : 'invalid-type') })
  .int({ error: 'not-whole-number' })
  .min(EARLIEST_IMPORT_YEAR, { error: 'too-small' })
  .max(LATEST_KNOWN_YEAR, { error: 'too-large' })

const missingEpisodeFields = {
  kind: choiceSchema(keys(MISSING_KINDS)),
  startedOn: daySchema,
  returnedOn: optionalDaySchema,
  wasReturnInterviewOffered: optionalFlag,
  wasReturnInterviewAccepted: optionalFlag,
}

const healthOutcomeFields = {
  collectionYear: collectionYearSchema,
  sdqScore: z
    .number({ error: 'invalid-type' })
    .int({ error: 'not-whole-number' })
    .min(0, { error: 'too-small' })
    .max(40, { error: 'too-large' })
    .nullish()
    .transform(v => v ?? null),
  sdqReason: optionalChoice(keys(SDQ_REASONS)),
  isConvicted: optionalFlag,
  hasHealthCheck: optionalFlag,
  hasImmunisations: optionalFlag,
  hasTeethCheck: optionalFlag,
  hasHealthAssessment: optionalFlag,
  hasSubstanceMisuse: optionalFlag,
  hasInterventionReceived: optionalFlag,
  hasInterventionOffered: optionalFlag,
}

const careLeaverOutcomeFields = {
  collectionYear: collectionYearSchema,
  contact: choiceSchema(keys(CARE_LEAVER_CONTACTS)),
  activity: choiceSchema(keys(CARE_LEAVER_ACTIVITIES)),
  accommodation: choiceSchema(keys(CARE_LEAVER_ACCOMMODATIONS)),
  isAccommodationSuitable: optionalFlag,
}

const deprivationOfLibertyFields = { startedOn: daySchema, endedOn: optionalDaySchema }

/** Schemas for recording each kind. */
export const RETURN_DETAIL_CREATE_SCHEMAS = {
  'missing-episodes': z.strictObject(missingEpisodeFields),
  'health-outcomes': z.strictObject(healthOutcomeFields),
  'care-leaver-outcomes': z.strictObject(careLeaverOutcomeFields),
  'deprivation-of-liberty-orders': z.strictObject(deprivationOfLibertyFields),
} satisfies Record<ReturnDetailKind, z.ZodType>

/** Schemas for correcting each kind: every field again (a full replacement) and why. */
export const RETURN_DETAIL_UPDATE_SCHEMAS = {
  'missing-episodes': z.strictObject({ ...missingEpisodeFields, reason: reasonSchema }),
  'health-outcomes': z.strictObject({ ...healthOutcomeFields, reason: reasonSchema }),
  'care-leaver-outcomes': z.strictObject({ ...careLeaverOutcomeFields, reason: reasonSchema }),
  'deprivation-of-liberty-orders': z.strictObject({ ...deprivationOfLibertyFields, reason: reasonSchema }),
} satisfies Record<ReturnDetailKind, z.ZodType>

export type ReturnDetailCreate<K extends ReturnDetailKind> = z.output<(typeof RETURN_DETAIL_CREATE_SCHEMAS)[K]>
export type ReturnDetailUpdate<K extends ReturnDetailKind> = z.output<(typeof RETURN_DETAIL_UPDATE_SCHEMAS)[K]>

/** How the return details' fields are named in messages. */
export const RETURN_DETAIL_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  kind: { noun: 'missing or away without authorisation', name: 'Missing or away', isChoice: true },
  startedOn: { noun: 'the start date', name: 'Start date' },
  returnedOn: { noun: 'the date the child came back', name: 'Date the child came back' },
  wasReturnInterviewOffered: { noun: 'whether a return interview was offered', name: 'Return interview offered' },
  wasReturnInterviewAccepted: { noun: 'whether the return interview was accepted', name: 'Return interview accepted' },
  endedOn: { noun: 'the end date', name: 'End date' },
  collectionYear: { noun: 'the collection year (2026 for 2025/26)', name: 'Collection year' },
  sdqScore: { noun: 'the SDQ score', name: 'SDQ score' },
  sdqReason: { noun: 'why there is no SDQ score', name: 'Reason for no SDQ score', isChoice: true },
  isConvicted: { noun: 'whether the child was convicted', name: 'Convicted' },
  hasHealthCheck: { noun: 'whether health checks are up to date', name: 'Health check' },
  hasImmunisations: { noun: 'whether immunisations are up to date', name: 'Immunisations' },
  hasTeethCheck: { noun: 'whether teeth checks are up to date', name: 'Teeth check' },
  hasHealthAssessment: { noun: 'whether the health assessment is up to date', name: 'Health assessment' },
  hasSubstanceMisuse: { noun: 'whether there was substance misuse', name: 'Substance misuse' },
  hasInterventionReceived: { noun: 'whether an intervention was received', name: 'Intervention received' },
  hasInterventionOffered: { noun: 'whether an intervention was offered', name: 'Intervention offered' },
  contact: { noun: 'whether the authority is in touch', name: 'In touch', isChoice: true },
  activity: { noun: 'the main activity', name: 'Main activity', isChoice: true },
  accommodation: { noun: 'the accommodation', name: 'Accommodation', isChoice: true },
  isAccommodationSuitable: { noun: 'whether the accommodation is suitable', name: 'Accommodation suitable' },
  reason: { noun: 'the reason', name: 'Reason' },
}

/** Messages for the return details' rule codes (registered with the shared messages). */
export const RETURN_DETAIL_RULE_MESSAGES: Readonly<Record<string, string>> = {
  'date-in-future': 'The date must be today or in the past',
  'return-end-before-start': 'The end date must be on or after the start date',
  'missing-outside-care':
    'The child must be looked after on the day the episode started: record the period of care first (PP-MISSING-IN-CARE)',
  'interview-accepted-not-offered': 'A return interview can only be accepted if it was offered',
  'interview-needs-return': 'Record the date the child came back before recording a return interview',
  'sdq-score-and-reason': 'Give an SDQ score or a reason for having none, not both',
  'year-not-started': 'The collection year has not started yet',
  'oc2-year-taken':
    'This child already has health outcomes (OC2) for this collection year: correct that record instead',
  'oc3-year-taken':
    'This child already has care leaver outcomes (OC3) for this collection year: correct that record instead',
  'accommodation-suitability':
    'Say whether the accommodation is suitable (leave it blank with Not applicable); some kinds of accommodation cannot be recorded as suitable (rule 133)',
}
