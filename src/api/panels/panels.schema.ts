/**
 * Shapes of the panels API: panel requests (with their decisions) and the agency decision maker's decisions.
 */
import { z } from 'zod'
import { AdmDecisionSchema, PanelDecisionSchema, PanelRequestSchema } from '../../domain/panels/panel-schemas.ts'
import { IdSchema } from '../../domain/plans/schema-primitives.ts'
import { idSchema } from '../../domain/shared/input.ts'

export const PanelRequestParamsSchema = z.strictObject({ childId: idSchema, requestId: idSchema })

/** A request; its children default to the child in the address; `submit` sends it for decision at once. */
export const PanelRequestBodySchema = PanelRequestSchema.extend({
  childIds: z.array(IdSchema).default([]),
  submit: z.boolean({ error: 'invalid-type' }).default(false),
}).strict()
export const PanelDecisionBodySchema = PanelDecisionSchema.strict()
export const AdmDecisionBodySchema = AdmDecisionSchema.omit({ childId: true }).strict()
