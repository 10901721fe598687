/** Path parameters and query strings of the audits API; bodies use the domain's schemas (audit-schemas.ts). */
import { z } from 'zod'
import { idSchema } from '../../domain/shared/input.ts'

export const RoundParamsSchema = z.strictObject({ roundId: idSchema })
export const CaseParamsSchema = z.strictObject({ roundId: idSchema, caseId: idSchema })
export const ChildActionParamsSchema = z.strictObject({ childId: idSchema, actionId: idSchema })
