/**
 * What a user may submit to create or change each part of a care record. Shared by the JSON API, the web forms and
 * the CLI, so the same rules and messages apply everywhere. Objects are strict: an unknown field is refused, not
 * ignored (security SEC-02, mass assignment).
 */
import { z } from 'zod'
import {
  CATEGORY_OF_NEED_VALUES,
  ETHNICITY_VALUES,
  LEGAL_STATUS_VALUES,
  ORDER_TYPE_VALUES,
  PLACEMENT_TYPE_VALUES,
  PREVIOUS_PERMANENCE_VALUES,
  PROVIDER_TYPE_VALUES,
  REASON_CARE_ENDED_VALUES,
  REASON_PLACEMENT_ENDED_VALUES,
  RELATIONSHIP_VALUES,
  REVIEW_PARTICIPATION_VALUES,
  SEX_VALUES,
  SIBLING_KIND_VALUES,
  CLOSENESS_VALUES,
  SIDE_OF_FAMILY_VALUES,
} from './codes.ts'
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
import type { FactKind } from './care-record.ts'

const UPN = /^([A-HJ-NP-RT-Z]\d{12}|\d{11}[A-HJ-NP-RT-Z]|UN[1-5])$/

const upnSchema = optionalTextSchema(13).refine(value => value === null || UPN.test(value.toUpperCase()), {
  params: { code: 'invalid-upn' },
})

const postcodeSchema = optionalTextSchema(8).refine(
  value => value === null || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(value),
  { params: { code: 'invalid-postcode' } },
)

const childFields = {
  givenNames: textSchema(100),
  familyName: textSchema(100),
  preferredName: optionalTextSchema(100),
  dateOfBirthOn: daySchema,
  sex: choiceSchema(SEX_VALUES),
  ethnicity: choiceSchema(ETHNICITY_VALUES),
  firstLanguage: optionalTextSchema(60),
  needsInterpreter: z.boolean({ error: 'invalid-type' }).default(false),
  religion: optionalTextSchema(60),
  hasDisability: z.boolean({ error: 'invalid-type' }).default(false),
  disabilityDetails: optionalTextSchema(1000),
  communicationNeeds: optionalTextSchema(2000),
  localCaseNumber: textSchema(40),
  upn: upnSchema,
  isUnaccompaniedAsylumSeeker: z.boolean({ error: 'invalid-type' }).default(false),
  teamId: idSchema.nullish().transform(v => v ?? null),
  allocatedWorkerId: idSchema.nullish().transform(v => v ?? null),
  allocatedIroId: idSchema.nullish().transform(v => v ?? null),
}

/** Registering a child. */
export const ChildCreateSchema = z.strictObject(childFields)
export type ChildCreate = z.infer<typeof ChildCreateSchema>

/** Changing a child's details: any subset of the fields, with the reason for the change. */
export const ChildUpdateSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(childFields).map(([key, schema]) => [key, schema.optional()])),
  dateOfDeathOn: optionalDaySchema.optional(),
  reason: reasonSchema,
}) as unknown as z.ZodType<Partial<ChildCreate> & { dateOfDeathOn?: string | null; reason: string }>
export type ChildUpdate = Partial<ChildCreate> & { dateOfDeathOn?: string | null; reason: string }

const periodOfCareFields = {
  startedOn: daySchema,
  endedOn: optionalDaySchema,
  reasonEnded: choiceSchema(REASON_CARE_ENDED_VALUES)
    .nullish()
    .transform(v => v ?? null),
  categoryOfNeed: choiceSchema(CATEGORY_OF_NEED_VALUES)
    .nullish()
    .transform(v => v ?? null),
  previousPermanence: choiceSchema(PREVIOUS_PERMANENCE_VALUES)
    .nullish()
    .transform(v => v ?? null),
}

const legalStatusFields = {
  status: choiceSchema(LEGAL_STATUS_VALUES),
  startedOn: daySchema,
  endedOn: optionalDaySchema,
}

const placementFields = {
  placementType: choiceSchema(PLACEMENT_TYPE_VALUES),
  carerPersonId: idSchema.nullish().transform(v => v ?? null),
  providerName: optionalTextSchema(200),
  providerType: choiceSchema(PROVIDER_TYPE_VALUES)
    .nullish()
    .transform(v => v ?? null),
  postcode: postcodeSchema,
  ofstedUrn: optionalTextSchema(10),
  startedOn: daySchema,
  endedOn: optionalDaySchema,
  reasonEnded: choiceSchema(REASON_PLACEMENT_ENDED_VALUES)
    .nullish()
    .transform(v => v ?? null),
  isIntendedUntilEighteen: z.boolean({ error: 'invalid-type' }).default(false),
}

const BROUGHT_FORWARD_KINDS = [
  'iro-request',
  'regulation-30',
  'remand-ending',
  'ceasing-accommodation',
  'other',
] as const

const reviewFields = {
  heldOn: daySchema,
  participation: choiceSchema(REVIEW_PARTICIPATION_VALUES)
    .nullish()
    .transform(v => v ?? null),
  chairedById: idSchema.nullish().transform(v => v ?? null),
  broughtForwardKind: choiceSchema(BROUGHT_FORWARD_KINDS)
    .nullish()
    .transform(v => v ?? null),
  broughtForwardReason: optionalTextSchema(500),
  consideredStayingPut: z.boolean({ error: 'invalid-type' }).default(false),
  notes: optionalTextSchema(5000),
}

/** Dated events the statutory timescales count, with their labels. */
export const CARE_EVENT_KINDS = {
  'statutory-visit': 'Statutory visit to the child',
  'care-plan': 'Care plan completed',
  'placement-plan': 'Placement plan agreed',
  'personal-education-plan': 'Personal education plan (PEP)',
  'health-assessment-initial': 'Initial health assessment',
  'health-assessment-review': 'Review health assessment',
  'child-and-family-assessment': 'Child and family assessment completed',
  'care-leaver-needs-assessment': 'Needs assessment (eligible child)',
  'staying-put-discussion': 'Staying Put discussed with the young person and carer',
  'pathway-plan': 'Pathway plan',
} as const
const CARE_EVENT_KIND_VALUES = Object.keys(CARE_EVENT_KINDS) as [
  keyof typeof CARE_EVENT_KINDS,
  ...(keyof typeof CARE_EVENT_KINDS)[],
]

const eventFields = {
  kind: choiceSchema(CARE_EVENT_KIND_VALUES),
  occurredOn: daySchema,
  placementId: idSchema.nullish().transform(v => v ?? null),
  notes: optionalTextSchema(5000),
}

const extensionSchema = z.strictObject({
  grantedOn: daySchema,
  weeks: z
    .number({ error: 'invalid-type' })
    .int({ error: 'invalid-type' })
    .min(1, { error: 'too-short' })
    .max(8, { error: 'too-long' }),
  reason: optionalTextSchema(500),
})

const proceedingsFields = {
  issuedOn: daySchema,
  court: optionalTextSchema(200),
  courtCaseNumber: optionalTextSchema(60),
  finalCarePlanFilingOn: optionalDaySchema,
  concludedOn: optionalDaySchema,
  outcome: optionalTextSchema(500),
  extensions: z.array(extensionSchema).max(20, { error: 'too-long' }).default([]),
}

const orderFields = {
  orderType: choiceSchema(ORDER_TYPE_VALUES),
  madeOn: daySchema,
  endedOn: optionalDaySchema,
  holderPersonIds: z.array(idSchema).max(10, { error: 'too-long' }).default([]),
  court: optionalTextSchema(200),
  notes: optionalTextSchema(2000),
}

const personFields = {
  givenNames: textSchema(100),
  familyName: textSchema(100),
  dateOfBirthOn: optionalDaySchema,
  sex: choiceSchema(SEX_VALUES)
    .nullish()
    .transform(v => v ?? null),
  isLocalAuthorityFosterCarer: z.boolean({ error: 'invalid-type' }).default(false),
  isApprovedAdopter: z.boolean({ error: 'invalid-type' }).default(false),
  organisation: optionalTextSchema(200),
  postcode: postcodeSchema,
  // The cultural genogram (issue 7): culture, religion and language of each person, and who has died.
  culture: optionalTextSchema(200),
  religion: optionalTextSchema(200),
  language: optionalTextSchema(200),
  isDeceased: z.boolean({ error: 'invalid-type' }).default(false),
}

/** A person, on their own (for editing a person's details). */
export const PersonCreateSchema = z.strictObject(personFields)
export type PersonCreate = z.infer<typeof PersonCreateSchema>

const relationshipFields = {
  /** An existing person, or `person` to add someone new in the same action. */
  personId: idSchema.nullish().transform(v => v ?? null),
  person: PersonCreateSchema.nullish().transform(v => v ?? null),
  relationship: choiceSchema(RELATIONSHIP_VALUES),
  holdsParentalResponsibility: z.boolean({ error: 'invalid-type' }).default(false),
  notes: optionalTextSchema(2000),
  // How the relationship matters to the child (issue 7).
  closeness: choiceSchema(CLOSENESS_VALUES)
    .nullish()
    .transform(v => v ?? null),
  strengths: optionalTextSchema(2000),
  risks: optionalTextSchema(2000),
  sideOfFamily: choiceSchema(SIDE_OF_FAMILY_VALUES)
    .nullish()
    .transform(v => v ?? null),
}

const siblingFields = {
  siblingChildId: idSchema,
  kind: choiceSchema(SIBLING_KIND_VALUES),
}

const allocationFields = {
  workerId: idSchema,
  teamId: idSchema.nullish().transform(v => v ?? null),
  startedOn: daySchema,
  endedOn: optionalDaySchema,
  reasonEnded: optionalTextSchema(200),
}

const livingArrangementFields = {
  personId: idSchema,
  startedOn: daySchema,
  endedOn: optionalDaySchema,
}

function requireOneOfPersonOrId(value: { personId: string | null; person: unknown }, ctx: z.RefinementCtx): void {
  if ((value.personId === null) === (value.person === null)) {
    ctx.addIssue({ code: 'custom', path: ['personId'], params: { code: 'required' }, message: 'required' })
  }
}

/** Schemas for adding each kind of fact. */
export const FACT_CREATE_SCHEMAS = {
  'periods-of-care': z.strictObject(periodOfCareFields),
  'legal-statuses': z.strictObject(legalStatusFields),
  placements: z.strictObject(placementFields),
  reviews: z.strictObject(reviewFields),
  proceedings: z.strictObject(proceedingsFields),
  orders: z.strictObject(orderFields),
  relationships: z.strictObject(relationshipFields).superRefine(requireOneOfPersonOrId),
  siblings: z.strictObject(siblingFields),
  allocations: z.strictObject(allocationFields),
  'living-arrangements': z.strictObject(livingArrangementFields),
  events: z.strictObject(eventFields),
} satisfies Record<FactKind, z.ZodType>

/** Schemas for changing each kind of fact: the same fields, all required as a full replacement, plus a reason. */
export const FACT_UPDATE_SCHEMAS = {
  'periods-of-care': z.strictObject({ ...periodOfCareFields, reason: reasonSchema }),
  'legal-statuses': z.strictObject({ ...legalStatusFields, reason: reasonSchema }),
  placements: z.strictObject({ ...placementFields, reason: reasonSchema }),
  reviews: z.strictObject({ ...reviewFields, reason: reasonSchema }),
  proceedings: z.strictObject({ ...proceedingsFields, reason: reasonSchema }),
  orders: z.strictObject({ ...orderFields, reason: reasonSchema }),
  relationships: z.strictObject({
    relationship: relationshipFields.relationship,
    holdsParentalResponsibility: relationshipFields.holdsParentalResponsibility,
    notes: relationshipFields.notes,
    closeness: relationshipFields.closeness,
    strengths: relationshipFields.strengths,
    risks: relationshipFields.risks,
    sideOfFamily: relationshipFields.sideOfFamily,
    reason: reasonSchema,
  }),
  siblings: z.strictObject({ kind: siblingFields.kind, reason: reasonSchema }),
  allocations: z.strictObject({ ...allocationFields, reason: reasonSchema }),
  'living-arrangements': z.strictObject({ ...livingArrangementFields, reason: reasonSchema }),
  events: z.strictObject({ ...eventFields, reason: reasonSchema }),
} satisfies Record<FactKind, z.ZodType>

/** Voiding any record: the reason is required. */
export const VoidSchema = z.strictObject({ reason: reasonSchema })

/**
 * The child becoming looked after: the period of care, its legal status and the first placement, recorded together
 * in one action (a period of care is never without them).
 */
export const BecameLookedAfterSchema = z.strictObject({
  startedOn: daySchema,
  legalStatus: choiceSchema(LEGAL_STATUS_VALUES),
  categoryOfNeed: choiceSchema(CATEGORY_OF_NEED_VALUES),
  previousPermanence: choiceSchema(PREVIOUS_PERMANENCE_VALUES)
    .nullish()
    .transform(v => v ?? null),
  placement: z.strictObject({
    placementType: placementFields.placementType,
    carerPersonId: placementFields.carerPersonId,
    providerName: placementFields.providerName,
    providerType: placementFields.providerType,
    postcode: placementFields.postcode,
    ofstedUrn: placementFields.ofstedUrn,
    isIntendedUntilEighteen: placementFields.isIntendedUntilEighteen,
  }),
})
export type BecameLookedAfter = z.infer<typeof BecameLookedAfterSchema>

/** A move to a new placement within the period of care: ends the current one and starts the next, together. */
export const PlacementMoveSchema = z.strictObject({
  movedOn: daySchema,
  reasonEnded: choiceSchema(REASON_PLACEMENT_ENDED_VALUES),
  placement: BecameLookedAfterSchema.shape.placement,
})
export type PlacementMove = z.infer<typeof PlacementMoveSchema>

/** A change of legal status within the period of care. */
export const LegalStatusChangeSchema = z.strictObject({
  changedOn: daySchema,
  status: choiceSchema(LEGAL_STATUS_VALUES),
})
export type LegalStatusChange = z.infer<typeof LegalStatusChangeSchema>

/** The child ceasing to be looked after: ends the period, its legal status and placement, together. */
export const CeasedLookedAfterSchema = z.strictObject({
  endedOn: daySchema,
  reasonEnded: choiceSchema(REASON_CARE_ENDED_VALUES),
  placementReasonEnded: choiceSchema(REASON_PLACEMENT_ENDED_VALUES).default('care-plan'),
})
export type CeasedLookedAfter = z.infer<typeof CeasedLookedAfterSchema>

/** How fields are named in error messages. */
export const CARE_RECORD_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  givenNames: { noun: "the child's given names", name: 'Given names' },
  familyName: { noun: "the child's family name", name: 'Family name' },
  preferredName: { noun: 'the name the child likes to be called', name: 'Preferred name' },
  dateOfBirthOn: { noun: 'the date of birth', name: 'Date of birth' },
  dateOfDeathOn: { noun: 'the date of death', name: 'Date of death' },
  sex: { noun: "the child's sex", name: 'Sex', isChoice: true },
  ethnicity: { noun: "the child's ethnicity", name: 'Ethnicity', isChoice: true },
  firstLanguage: { noun: "the child's first language", name: 'First language' },
  religion: { noun: "the child's religion", name: 'Religion' },
  disabilityDetails: { noun: 'details of the disability', name: 'Disability details' },
  communicationNeeds: { noun: "the child's communication needs", name: 'Communication needs' },
  localCaseNumber: { noun: 'the local case number', name: 'Local case number' },
  upn: { noun: 'the unique pupil number', name: 'Unique pupil number' },
  teamId: { noun: 'the team', name: 'Team', isChoice: true },
  allocatedWorkerId: { noun: 'the allocated social worker', name: 'Allocated social worker', isChoice: true },
  allocatedIroId: { noun: 'the Independent Reviewing Officer', name: 'Independent Reviewing Officer', isChoice: true },
  startedOn: { noun: 'the start date', name: 'Start date' },
  endedOn: { noun: 'the end date', name: 'End date' },
  reasonEnded: { noun: 'the reason it ended', name: 'Reason it ended', isChoice: true },
  categoryOfNeed: { noun: 'the category of need', name: 'Category of need', isChoice: true },
  previousPermanence: { noun: 'any previous permanence order', name: 'Previous permanence', isChoice: true },
  status: { noun: 'the legal status', name: 'Legal status', isChoice: true },
  legalStatus: { noun: 'the legal status', name: 'Legal status', isChoice: true },
  placementType: { noun: 'the type of placement', name: 'Type of placement', isChoice: true },
  carerPersonId: { noun: 'the carer', name: 'Carer', isChoice: true },
  providerName: { noun: 'the provider', name: 'Provider' },
  providerType: { noun: 'the type of provider', name: 'Type of provider', isChoice: true },
  postcode: { noun: 'the postcode', name: 'Postcode' },
  ofstedUrn: { noun: 'the Ofsted unique reference number', name: 'Ofsted unique reference number' },
  heldOn: { noun: 'the date of the review', name: 'Date of the review' },
  participation: { noun: 'how the child took part', name: 'How the child took part', isChoice: true },
  issuedOn: { noun: 'the date the application was issued', name: 'Date issued' },
  finalCarePlanFilingOn: { noun: 'the final care plan filing date', name: 'Final care plan filing date' },
  concludedOn: { noun: 'the date proceedings concluded', name: 'Date concluded' },
  grantedOn: { noun: 'the date the extension was granted', name: 'Date granted' },
  weeks: { noun: 'the length of the extension in weeks', name: 'Extension' },
  orderType: { noun: 'the type of order', name: 'Type of order', isChoice: true },
  madeOn: { noun: 'the date the order was made', name: 'Date made' },
  personId: { noun: 'the person', name: 'Person', isChoice: true },
  relationship: { noun: 'the relationship to the child', name: 'Relationship', isChoice: true },
  siblingChildId: { noun: 'the brother or sister', name: 'Brother or sister', isChoice: true },
  kind: { noun: 'the kind of sibling relationship', name: 'Kind of relationship', isChoice: true },
  workerId: { noun: 'the social worker', name: 'Social worker', isChoice: true },
  reason: { noun: 'the reason for the change', name: 'Reason' },
  movedOn: { noun: 'the date of the move', name: 'Date of the move' },
  occurredOn: { noun: 'the date', name: 'Date' },
  placementId: { noun: 'the placement', name: 'Placement', isChoice: true },
  broughtForwardKind: { noun: 'why the review was brought forward', name: 'Why brought forward', isChoice: true },
  changedOn: { noun: 'the date the legal status changed', name: 'Date of the change' },
}

/** Messages for the domain rules of the care record (care-record-rules.ts) and input refinements. */
export const CARE_RECORD_RULE_MESSAGES: Readonly<Record<string, string>> = {
  'end-before-start': 'The end date must be the same as or after the start date',
  'before-date-of-birth': 'The date must be on or after the date of birth',
  'in-future': 'The date must be today or in the past',
  'after-date-of-death': 'The date must be before the date of death',
  'periods-of-care-overlap': 'This period of care overlaps another period of care',
  'legal-statuses-overlap': 'This legal status overlaps another legal status',
  'legal-status-outside-period-of-care': 'A legal status must fall within a period of care',
  'period-of-care-without-legal-status': 'A period of care must have a legal status from its first day',
  'placements-overlap': 'This placement overlaps another placement',
  'placement-outside-period-of-care': 'A placement must fall within a period of care',
  'period-of-care-without-placement': 'A period of care must have a placement from its first day',
  'review-before-looked-after': 'A review cannot be before the child became looked after',
  'review-outside-period-of-care': 'A review must be held while the child is looked after',
  'extension-outside-proceedings': 'An extension must be granted while the proceedings are running',
  'allocations-overlap': 'This allocation overlaps another allocation',
  'sibling-is-self': 'A child cannot be their own brother or sister',
  'person-not-in-record': 'Select a person in the child’s network',
  'restriction-review-too-far': 'The restriction review date must be within 90 days',
  'invalid-upn': 'Enter a unique pupil number in the correct format, like A123456789012, or UN1 to UN5',
  'invalid-postcode': 'Enter a real postcode, like SW1A 1AA',
  'case-number-taken': 'Another child already has this local case number',
  'not-looked-after': 'The child is not looked after on that date',
  'already-looked-after': 'The child is already looked after on that date',
  'no-current-placement': 'There is no placement on that date to move from',
  'same-legal-status': 'The child already has this legal status on that date',
  'sibling-not-found': 'Select a brother or sister from the list',
  'person-not-found': 'Select a person from the list',
  'worker-not-found': 'Select a social worker from the list',
  'team-not-found': 'Select a team from the list',
  'placement-not-found': 'Select the placement the plan is for',
}
