/**
 * Shapes of the return details API: path parameters, the void body and responses. Request bodies are the domain's
 * input schemas (src/domain/returns/return-detail-inputs.ts).
 */
import { z } from 'zod'
import { idSchema, reasonSchema } from '../../domain/shared/input.ts'

export const ChildParamsSchema = z.strictObject({ childId: idSchema })
export const RecordParamsSchema = z.strictObject({ childId: idSchema, recordId: idSchema })
export const VoidBodySchema = z.strictObject({ reason: reasonSchema })
export const CreatedResponseSchema = z.object({ id: z.string(), version: z.number() })
export const VersionResponseSchema = z.object({ version: z.number() })
export const ListResponseSchema = z.object({ records: z.array(z.record(z.string(), z.unknown())) })
