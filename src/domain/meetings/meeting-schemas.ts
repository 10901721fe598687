/**
 * The shape of what is recorded about a meeting, and of the commands about meetings and their actions. The API and
 * web forms reuse these; the rules are in meeting-rules.ts.
 *
 * The record follows the Tameside template ([TAM] Appendix 5: date, attendees, review of actions set at the last
 * meeting, why the meeting is held, …, actions agreed including timescales, date of next meeting) and the Dorset
 * guidance ([DOR] "The Meeting": invite the QARO and those with parental responsibility; actions with a timescale;
 * book a review before closing).
 */
import { z } from 'zod'
import { REVIEW_PARTICIPATION_VALUES } from '../children/codes.ts'
import { CalendarDaySchema, IdSchema, LongTextSchema, ShortTextSchema } from '../plans/schema-primitives.ts'
import {
  ACTION_STATUS_VALUES,
  ATTENDANCE_VALUES,
  MEETING_KIND_VALUES,
  PARTICIPANT_ROLE_VALUES,
} from './meeting-kinds.ts'

const text = LongTextSchema.default('')
const shortText = ShortTextSchema.default('')
const day = CalendarDaySchema.nullable().default(null)

export const ChairSchema = z.object({
  name: shortText,
  userId: IdSchema.nullable().default(null),
  role: z.enum(PARTICIPANT_ROLE_VALUES),
})

/**
 * Someone invited, or deliberately not invited. [DOR] Golden Rules: when those with parental responsibility are not
 * invited, "Discuss, agree and record the decision with your TM … This should include when and how they will be
 * informed".
 */
export const InviteeSchema = z.object({
  id: IdSchema,
  name: shortText,
  personId: IdSchema.nullable().default(null),
  userId: IdSchema.nullable().default(null),
  role: z.enum(PARTICIPANT_ROLE_VALUES),
  organisation: shortText,
  holdsParentalResponsibility: z.boolean().default(false),
  attendance: z.enum(ATTENDANCE_VALUES).default('invited'),
  notInvitedReason: text,
  /** The team manager the decision not to invite was agreed with. */
  notInvitedAgreedWith: shortText,
  tellHow: text,
  tellByOn: day,
})

/** What the meeting found about an action set at an earlier meeting ([TAM] App 5 "Review of actions set at last
 * meeting"). */
export const ActionReviewSchema = z.object({
  actionId: IdSchema,
  fromMeetingId: IdSchema,
  status: z.enum(ACTION_STATUS_VALUES),
  comment: text,
})

/** One child's outcome, for a meeting about a sibling group ([TAM] App 5 note). */
export const ChildOutcomeSchema = z.object({
  childId: IdSchema,
  outcome: text,
  /** The plan version the meeting considered for this child, if any. */
  planId: IdSchema.nullable().default(null),
  planVersion: z.number().int().min(1).nullable().default(null),
  /** For a child in care review: how the child took part (SSDA903 REVIEW_CODE). */
  participation: z.enum(REVIEW_PARTICIPATION_VALUES).nullable().default(null),
})

export const MeetingDecisionSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  decision: text,
  reasons: text,
})

/** [DOR] "Ensure actions are clearly recorded … Ensure actions are given a timescale." */
export const MeetingActionSchema = z.object({
  id: IdSchema,
  /** The child it is for; null when it is for every child the meeting covers. */
  childId: IdSchema.nullable().default(null),
  description: text,
  owner: shortText,
  ownerUserId: IdSchema.nullable().default(null),
  dueOn: day,
  status: z.enum(ACTION_STATUS_VALUES).default('open'),
  doneOn: day,
  droppedReason: text,
})

/** Everything recorded about a meeting. Top-level keys have no defaults, so the edit schema is a true patch. */
export const MeetingRecordSchema = z.object({
  /** The date of the meeting (the planned date until it is held). */
  heldOn: CalendarDaySchema,
  chair: ChairSchema,
  childIds: z.array(IdSchema),
  previousMeetingId: IdSchema.nullable(),
  /** [TAM] App 5 "Why is this Permanency Planning Meeting being held?" */
  purpose: LongTextSchema,
  invitees: z.array(InviteeSchema),
  actionReviews: z.array(ActionReviewSchema),
  childOutcomes: z.array(ChildOutcomeSchema),
  decisions: z.array(MeetingDecisionSchema),
  actions: z.array(MeetingActionSchema),
  minutes: LongTextSchema,
  nextMeetingOn: CalendarDaySchema.nullable(),
  /** Why no next meeting is booked (only accepted when permanence is achieved for every child). */
  noNextMeetingReason: LongTextSchema,
})
export type MeetingRecord = z.output<typeof MeetingRecordSchema>

/** A patch of a meeting record: any top-level key present replaces that key. */
export const MeetingRecordEditSchema = MeetingRecordSchema.partial()
export type MeetingRecordEdit = z.output<typeof MeetingRecordEditSchema>

/** Book a meeting: its kind, date, chair and children; the rest may be filled in later. */
export const ScheduleMeetingSchema = z.object({
  kind: z.enum(MEETING_KIND_VALUES),
  heldOn: CalendarDaySchema,
  chair: ChairSchema,
  childIds: z.array(IdSchema),
  previousMeetingId: IdSchema.nullable().default(null),
  purpose: text,
  invitees: z.array(InviteeSchema).default([]),
})
export type ScheduleMeeting = z.output<typeof ScheduleMeetingSchema>

/** Correct a closed meeting: what changes and why (a new version; the closed one is kept). */
export const CorrectMeetingSchema = z.object({ edit: MeetingRecordEditSchema, reason: LongTextSchema })
export type CorrectMeeting = z.output<typeof CorrectMeetingSchema>

export const CancelMeetingSchema = z.object({ reasons: LongTextSchema })
export type CancelMeeting = z.output<typeof CancelMeetingSchema>

/** Update an action after its meeting closed: done, dropped (with a reason) or reopened. */
export const ActionUpdateSchema = z.object({
  status: z.enum(ACTION_STATUS_VALUES),
  on: CalendarDaySchema,
  note: text,
})
export type ActionUpdateInput = z.output<typeof ActionUpdateSchema>

export type Chair = z.output<typeof ChairSchema>
export type Invitee = z.output<typeof InviteeSchema>
export type ActionReview = z.output<typeof ActionReviewSchema>
export type ChildOutcome = z.output<typeof ChildOutcomeSchema>
export type MeetingDecision = z.output<typeof MeetingDecisionSchema>
export type MeetingAction = z.output<typeof MeetingActionSchema>
