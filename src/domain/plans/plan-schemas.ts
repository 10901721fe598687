/**
 * The shape of a permanence plan's content and of the commands a user sends about it. The API and the web forms
 * reuse these schemas; the stored model ({@link PermanencePlan} in permanence-plan.ts) wraps the content with its
 * version and lifecycle.
 *
 * Sections follow the Dorset guidance ([DOR] "Summary of core details", "Child/young person's details", "Need for
 * Keeping in Touch", "Views and Contributions") and the Tameside template ([TAM] Appendix 5).
 *
 * Top-level content keys have no defaults, so that {@link PlanEditSchema} (a partial) is a true patch: a key that is
 * absent is left alone. Items inside lists do have defaults, because a list is always replaced whole.
 */
import { z } from 'zod'
import {
  ASSESSMENT_KIND_VALUES,
  ASSESSMENT_OUTCOME_VALUES,
  CHILD_VIEWS_METHOD_VALUES,
  CONSIDERATION_OUTCOME_VALUES,
  KEY_DATE_KIND_VALUES,
  OPTION_STATUS_VALUES,
  OPTION_TYPE_VALUES,
  VIEW_HOLDER_ROLE_VALUES,
} from './permanence-options.ts'
import { CalendarDaySchema, IdSchema, LongTextSchema, ShortTextSchema } from './schema-primitives.ts'

const text = LongTextSchema.default('')
const shortText = ShortTextSchema.default('')
const day = CalendarDaySchema.nullable().default(null)

/** [DOR] Communication needs: age-appropriate communication, first language, interpreter, SALT tools. */
export const CommunicationNeedsSchema = z.object({
  summary: text,
  firstLanguage: shortText,
  needsInterpreter: z.boolean().nullable().default(null),
  toolsAndSupport: text,
})

/** [DOR] Legal: orders in place, hearings; [TAM] App 5 "legal context". Key dates are kept separately. */
export const LegalContextSchema = z.object({
  summary: text,
  ordersSought: text,
})

/** [DOR] "Need for Keeping in Touch with Family and Friends". */
export const KeepingInTouchSchema = z.object({
  currentArrangements: text,
  howItIsForTheChild: text,
  changesPlanned: text,
})

export const ConsiderationSchema = z.object({
  outcome: z.enum(CONSIDERATION_OUTCOME_VALUES).default('not-yet-considered'),
  notes: text,
})

/** [TAM] App 5: who is important to the child, how each was considered to care for or support them, and how the
 * relationship is promoted. */
export const ImportantPersonSchema = z.object({
  id: IdSchema,
  personId: IdSchema.nullable().default(null),
  name: shortText,
  relationshipToChild: shortText,
  holdsParentalResponsibility: z.boolean().default(false),
  asCarer: ConsiderationSchema.default({ outcome: 'not-yet-considered', notes: '' }),
  asSupport: ConsiderationSchema.default({ outcome: 'not-yet-considered', notes: '' }),
  arrangementsToPromoteRelationship: text,
})

/** The child's views and how they were captured, so the method can be seen to suit the child's age ([TAM] §4). */
export const ChildViewsSchema = z.object({
  views: text,
  method: z.enum(CHILD_VIEWS_METHOD_VALUES).nullable().default(null),
  methodDetails: text,
  capturedOn: day,
  capturedBy: shortText,
  /** Why the child's views are not recorded (e.g. not yet possible), when they are not. */
  notCapturedReason: text,
})

/** Views of parents, carers, the IRO (QARO in Dorset) and others. */
export const ViewSchema = z.object({
  id: IdSchema,
  role: z.enum(VIEW_HOLDER_ROLE_VALUES),
  name: shortText,
  personId: IdSchema.nullable().default(null),
  views: text,
  capturedOn: day,
})

export const ViewsSchema = z.object({
  child: ChildViewsSchema.default(ChildViewsSchema.parse({})),
  others: z.array(ViewSchema).default([]),
})

/** An assessment that informs one or more options ([DOR] "The Meeting": capture all key dates for assessments). */
export const AssessmentSchema = z.object({
  id: IdSchema,
  kind: z.enum(ASSESSMENT_KIND_VALUES),
  subject: shortText,
  personIds: z.array(IdSchema).default([]),
  requestedOn: day,
  dueOn: day,
  completedOn: day,
  outcome: z.enum(ASSESSMENT_OUTCOME_VALUES).default('pending'),
  summary: text,
})

/** A column of the balance sheet ([LB19] "A balance sheet should be produced"; [TAM] App 5 options). */
export const PermanenceOptionSchema = z.object({
  id: IdSchema,
  type: z.enum(OPTION_TYPE_VALUES),
  status: z.enum(OPTION_STATUS_VALUES).default('being-explored'),
  isPrimary: z.boolean().default(false),
  /** e.g. "Special guardianship with the maternal grandmother". */
  description: text,
  /** Ids of entries in `importantPeople` who would care for the child under this option. */
  proposedCarerIds: z.array(IdSchema).default([]),
  strengths: text,
  risks: text,
  meaningForChild: text,
  /** [DOR] "Parental input should be captured around all planning options." */
  parentViews: text,
  assessmentIds: z.array(IdSchema).default([]),
  ruledOutOn: day,
  ruledOutReason: text,
  /** For a contingency: how we know it is viable ([TAM] App 5; §10.3). */
  viabilityEvidence: text,
  /** For an option kept as a contingency while adoption is the plan: why it is not the plan (Re B [2013] UKSC 33). */
  reasonNotPrimary: text,
})

export const KeyDateSchema = z.object({
  id: IdSchema,
  kind: z.enum(KEY_DATE_KIND_VALUES),
  on: CalendarDaySchema,
  description: text,
})

/** A brother's or sister's own plan ([TAM] App 5 note: the plan may not be the same for all the sibling group). */
export const SiblingPlanReferenceSchema = z.object({
  childId: IdSchema,
  planId: IdSchema.nullable().default(null),
  reasonPlansDiffer: text,
})

export const AnticipatedTimescaleSchema = z.object({
  permanenceByOn: day,
  explanation: text,
})

/** [TAM] App 5: "How will any decision made be shared with the child and by whom?" */
export const DecisionSharingSchema = z.object({
  how: text,
  byWhom: shortText,
  byOn: day,
})

/** Everything a social worker writes in a plan. */
export const PlanContentSchema = z.object({
  /** [TAM] App 5 "Why is this meeting being held?": short background, risk factors. */
  background: LongTextSchema,
  intendedOutcomes: LongTextSchema,
  communicationNeeds: CommunicationNeedsSchema,
  legalContext: LegalContextSchema,
  keyDates: z.array(KeyDateSchema),
  placementNeeds: LongTextSchema,
  educationNeeds: LongTextSchema,
  healthNeeds: LongTextSchema,
  emotionalNeeds: LongTextSchema,
  keepingInTouch: KeepingInTouchSchema,
  importantPeople: z.array(ImportantPersonSchema),
  strengths: LongTextSchema,
  barriers: LongTextSchema,
  views: ViewsSchema,
  siblingAssessmentSummary: LongTextSchema,
  siblingPlans: z.array(SiblingPlanReferenceSchema),
  assessments: z.array(AssessmentSchema),
  options: z.array(PermanenceOptionSchema),
  anticipatedTimescale: AnticipatedTimescaleSchema,
  decisionSharing: DecisionSharingSchema,
})
export type PlanContent = z.output<typeof PlanContentSchema>
export type PlanContentInput = z.input<typeof PlanContentSchema>

/** A patch of plan content: any top-level key present replaces that key. */
export const PlanEditSchema = PlanContentSchema.partial()
export type PlanEdit = z.output<typeof PlanEditSchema>

export type CommunicationNeeds = z.output<typeof CommunicationNeedsSchema>
export type LegalContext = z.output<typeof LegalContextSchema>
export type KeepingInTouch = z.output<typeof KeepingInTouchSchema>
export type Consideration = z.output<typeof ConsiderationSchema>
export type ImportantPerson = z.output<typeof ImportantPersonSchema>
export type ChildViews = z.output<typeof ChildViewsSchema>
export type View = z.output<typeof ViewSchema>
export type Views = z.output<typeof ViewsSchema>
export type Assessment = z.output<typeof AssessmentSchema>
export type PermanenceOption = z.output<typeof PermanenceOptionSchema>
export type KeyDate = z.output<typeof KeyDateSchema>
export type SiblingPlanReference = z.output<typeof SiblingPlanReferenceSchema>
export type AnticipatedTimescale = z.output<typeof AnticipatedTimescaleSchema>
export type DecisionSharing = z.output<typeof DecisionSharingSchema>

/**
 * An empty plan: what a new plan starts from.
 * @returns content with every section blank
 */
export function emptyPlanContent(): PlanContent {
  return PlanContentSchema.parse({
    background: '',
    intendedOutcomes: '',
    communicationNeeds: {},
    legalContext: {},
    keyDates: [],
    placementNeeds: '',
    educationNeeds: '',
    healthNeeds: '',
    emotionalNeeds: '',
    keepingInTouch: {},
    importantPeople: [],
    strengths: '',
    barriers: '',
    views: {},
    siblingAssessmentSummary: '',
    siblingPlans: [],
    assessments: [],
    options: [],
    anticipatedTimescale: {},
    decisionSharing: {},
  })
}

// Commands. Each carries what the user types; the use case adds what the system knows (the meeting, the policy).

/** Start a new version of an endorsed or ratified plan: why it is changing, and (optionally) the change itself. */
export const StartPlanVersionSchema = z.object({ changeReason: LongTextSchema, edit: PlanEditSchema.optional() })
export type StartPlanVersion = z.output<typeof StartPlanVersionSchema>

/** Send the plan to the team manager before the PPM ([DOR] Golden Rules; rules.md PP-03). */
export const SendPlanToManagerSchema = z.object({
  ppmOn: CalendarDaySchema,
  ppmMeetingId: IdSchema.nullable().default(null),
})
export type SendPlanToManager = z.output<typeof SendPlanToManagerSchema>

/** Return a plan to its writer for changes (manager) or withdraw it (writer). */
export const ReturnPlanToDraftSchema = z.object({ reasons: LongTextSchema })
export type ReturnPlanToDraft = z.output<typeof ReturnPlanToDraftSchema>

/** Record that the plan was considered at a permanence planning meeting. */
export const RecordPlanConsideredSchema = z.object({ meetingId: IdSchema })
export type RecordPlanConsidered = z.output<typeof RecordPlanConsideredSchema>

/** The team manager endorses the plan, with reasons. */
export const EndorsePlanSchema = z.object({ reasons: LongTextSchema })
export type EndorsePlan = z.output<typeof EndorsePlanSchema>

/** The IRO ratifies the plan at a statutory review, or declines to, with reasons. */
export const RatifyPlanSchema = z.object({ reviewMeetingId: IdSchema, reasons: LongTextSchema })
export type RatifyPlan = z.output<typeof RatifyPlanSchema>

/** A change of permanence option was considered at a statutory review (CPPCR 2010 reg 32(2); rules.md PP-08). */
export const RecordOptionChangeReviewSchema = z.object({ reviewMeetingId: IdSchema, reasons: LongTextSchema })
export type RecordOptionChangeReview = z.output<typeof RecordOptionChangeReviewSchema>

/** Considering the change at a review first was not reasonably practicable, and why. */
export const OptionChangeNotPracticableSchema = z.object({ reasons: LongTextSchema })
export type OptionChangeNotPracticable = z.output<typeof OptionChangeNotPracticableSchema>

/** Permanence was achieved: on what date and by which route. */
export const RecordPermanenceAchievedSchema = z.object({
  achievedOn: CalendarDaySchema,
  route: z.enum(OPTION_TYPE_VALUES),
  reasons: LongTextSchema.default(''),
})
export type RecordPermanenceAchieved = z.output<typeof RecordPermanenceAchievedSchema>
