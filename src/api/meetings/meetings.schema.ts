/**
 * Shapes of the meetings API. Bodies use the domain's input schemas (src/domain/meetings/meeting-schemas.ts), strict
 * at the top level so a misspelt field is refused rather than ignored.
 */
import { z } from 'zod'
import {
  ActionUpdateSchema,
  CancelMeetingSchema,
  CorrectMeetingSchema,
  MeetingRecordEditSchema,
  ScheduleMeetingSchema,
} from '../../domain/meetings/meeting-schemas.ts'
import { IdSchema } from '../../domain/plans/schema-primitives.ts'
import { idSchema } from '../../domain/shared/input.ts'

export const MeetingParamsSchema = z.strictObject({ childId: idSchema, meetingId: idSchema })
export const ActionParamsSchema = z.strictObject({ childId: idSchema, meetingId: idSchema, actionId: IdSchema })

/** Book a meeting; the children default to the child in the address. */
export const ScheduleMeetingBodySchema = ScheduleMeetingSchema.extend({
  childIds: z.array(IdSchema).default([]),
}).strict()
export const MeetingRecordBodySchema = MeetingRecordEditSchema.strict()
export const CancelMeetingBodySchema = CancelMeetingSchema.strict()
export const CorrectMeetingBodySchema = CorrectMeetingSchema.strict()
export const ActionUpdateBodySchema = ActionUpdateSchema.strict()
