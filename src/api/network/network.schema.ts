/**
 * Shapes of the network API: path parameters and responses. Request bodies are the domain's input schemas
 * (src/domain/network/network-inputs.ts).
 */
import { z } from 'zod'
import { idSchema, reasonSchema } from '../../domain/shared/input.ts'

export const ChildParamsSchema = z.strictObject({ childId: idSchema })
export const RecordParamsSchema = z.strictObject({ childId: idSchema, recordId: idSchema })
export const VoidBodySchema = z.strictObject({ reason: reasonSchema })
export const CreatedResponseSchema = z.object({ id: z.string(), version: z.number() })
export const VersionResponseSchema = z.object({ version: z.number() })

const Row = z.record(z.string(), z.unknown())

export const NetworkResponseSchema = z.object({
  childId: z.string(),
  people: z.array(
    z.object({
      relationshipId: z.string(),
      relationshipVersion: z.number(),
      personId: z.string(),
      name: z.string(),
      relationship: z.string(),
      holdsParentalResponsibility: z.boolean(),
      closeness: z.string().nullable(),
      sideOfFamily: z.string().nullable(),
      culture: z.string().nullable(),
      religion: z.string().nullable(),
      language: z.string().nullable(),
      strengths: z.string().nullable(),
      risks: z.string().nullable(),
      isDeceased: z.boolean(),
    }),
  ),
  siblings: z.array(
    z.object({
      siblingChildId: z.string(),
      kind: z.string(),
      livesTogether: z.boolean().nullable(),
      assessment: Row.nullable(),
      warnings: z.array(z.string()),
    }),
  ),
  familyMeetings: z.array(Row),
  kinshipAssessments: z.array(Row),
  sgoNotices: z.array(Row),
  siblingAssessments: z.array(Row),
  familyTime: z.array(
    z.object({
      plan: Row,
      sessions: z.array(Row),
      suspensions: z.array(Row),
      plannedVersusActual: z.array(Row),
      isSuspended: z.boolean(),
    }),
  ),
  lifeStoryWork: z.array(Row),
  legalRoutes: z.array(z.object({ personId: z.string(), results: z.array(Row) })),
  timescales: z.array(Row),
})

export const SplitSiblingGroupsResponseSchema = z.object({
  groups: z.array(
    z.object({
      children: z.array(z.object({ id: z.string(), name: z.string(), caseNumber: z.string() })),
      pairs: z.array(
        z.object({
          childId: z.string(),
          siblingChildId: z.string(),
          kind: z.string(),
          livesTogether: z.boolean().nullable(),
          warnings: z.array(z.string()),
        }),
      ),
    }),
  ),
})
