/**
 * Shapes of the plans API: path parameters, query strings and the bodies that are not the domain's own schemas.
 * Request bodies otherwise use the domain's input schemas (src/domain/plans/plan-schemas.ts), made strict at the top
 * level so a misspelt section is refused rather than ignored.
 */
import { z } from 'zod'
import { MyPlanSchema } from '../../domain/plans/compose-my-plan.ts'
import {
  EndorsePlanSchema,
  OptionChangeNotPracticableSchema,
  PlanEditSchema,
  RatifyPlanSchema,
  RecordOptionChangeReviewSchema,
  RecordPermanenceAchievedSchema,
  RecordPlanConsideredSchema,
  ReturnPlanToDraftSchema,
  SendPlanToManagerSchema,
  StartPlanVersionSchema,
} from '../../domain/plans/plan-schemas.ts'
import { CalendarDaySchema, ShortTextSchema } from '../../domain/plans/schema-primitives.ts'
import { idSchema } from '../../domain/shared/input.ts'

export const ChildParamsSchema = z.strictObject({ childId: idSchema })

const planVersionNumber = z.coerce
  .number({ error: 'invalid-type' })
  .int({ error: 'invalid-type' })
  .min(1, { error: 'too-short' })
  .max(100_000, { error: 'too-long' })

export const PlanVersionParamsSchema = z.strictObject({ childId: idSchema, planVersion: planVersionNumber })

export const DocumentQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'docx'], { error: 'invalid-option' }).default('pdf'),
  version: planVersionNumber.optional(),
})

export const FormatQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'docx'], { error: 'invalid-option' }).default('pdf'),
})

export const PlanEditBodySchema = PlanEditSchema.strict()
export const StartPlanVersionBodySchema = StartPlanVersionSchema.extend({
  edit: PlanEditBodySchema.optional(),
}).strict()
export const SendPlanToManagerBodySchema = SendPlanToManagerSchema.strict()
export const ReturnPlanToDraftBodySchema = ReturnPlanToDraftSchema.strict()
export const RecordPlanConsideredBodySchema = RecordPlanConsideredSchema.strict()
export const EndorsePlanBodySchema = EndorsePlanSchema.strict()
export const RatifyPlanBodySchema = RatifyPlanSchema.strict()
export const RecordOptionChangeReviewBodySchema = RecordOptionChangeReviewSchema.strict()
export const OptionChangeNotPracticableBodySchema = OptionChangeNotPracticableSchema.strict()
export const RecordPermanenceAchievedBodySchema = RecordPermanenceAchievedSchema.strict()
export const MyPlanBodySchema = MyPlanSchema.strict()
export const MyPlanSharedBodySchema = z.strictObject({ sharedOn: CalendarDaySchema, sharedWith: ShortTextSchema })

/** The result of a change to a plan version. */
export const PlanChangeResponseSchema = z.object({
  planId: z.string(),
  planVersion: z.number(),
  rowVersion: z.number(),
  status: z.string(),
})
