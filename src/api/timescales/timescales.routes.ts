/**
 * Timescales: a child's stored due dates, and the engine's contract for clients (docs/case-history.md).
 */
import { z } from 'zod'
import { InputError } from '../../app/shared/errors.ts'
import { evaluateCaseHistory } from '../../app/timescales/evaluate-case-history.ts'
import { viewChildTimescales } from '../../app/timescales/view-child-timescales.ts'
import { viewPolicyPack } from '../../app/timescales/view-policy-pack.ts'
import { changePolicyPack } from '../../app/timescales/change-policy-pack.ts'
import { fieldErrorsFromZod, idSchema, reasonSchema } from '../../domain/shared/input.ts'
import { CaseHistorySchema } from '../../domain/timescales/case-history.ts'
import { BUILT_IN_POLICY_PACK_IDS } from '../../domain/timescales/policy-packs.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'

const EvaluateQuerySchema = z.strictObject({
  policy: z.enum(BUILT_IN_POLICY_PACK_IDS, { error: 'invalid-option' }).optional(),
})

export const timescalesRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'POST',
    url: '/api/v1/timescales/evaluate',
    summary:
      'Evaluate a case history: every due date with its reason, legal routes and drift (nothing is stored). ' +
      'Body: the case-history contract (schemas/case-history.schema.json).',
    tags: ['Timescales'],
    policy: 'timescales:evaluate',
    audit: 'TIMESCALES_EVALUATED',
    query: EvaluateQuerySchema,
    body: CaseHistorySchema.or(z.unknown()),
    handle: async (op, { query, body }) => {
      // The contract's own schema, read with the same field messages as every other write (names the field).
      const parsed = CaseHistorySchema.safeParse(body)
      if (!parsed.success) {
        // Paths as the contract's documentation writes them: `reviews[0].date`.
        throw new InputError(
          fieldErrorsFromZod(parsed.error).map(error => ({
            ...error,
            path: error.path.replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
          })),
        )
      }
      const evaluation = await evaluateCaseHistory(op, parsed.data, query.policy)
      return {
        body: {
          items: evaluation.items,
          eligibility: evaluation.eligibility,
          drift: evaluation.drift,
          meta: evaluation.meta,
        },
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/children/:childId/timescales',
    summary: "The child's due dates with their reasons, legal routes for the people around them, and drift measures",
    tags: ['Timescales'],
    policy: 'child:view',
    audit: 'CHILD_TIMESCALES_VIEWED',
    params: z.strictObject({ childId: idSchema }),
    handle: async (op, { params }) => ({ body: await viewChildTimescales(op, params.childId) }),
  }),
] as unknown as ApiRoute<never, never, never>[]

const PolicyPackChangeSchema = z.strictObject({
  definition: z.record(z.string(), z.unknown(), { error: 'required' }),
  reason: reasonSchema,
})

export const policyPackRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: '/api/v1/policy-pack',
    summary: "The authority's policy pack (its own, or the built-in pack it follows) and the settings it must confirm",
    tags: ['Timescales'],
    policy: 'policy:view',
    audit: 'POLICY_PACK_VIEWED',
    handle: async op => {
      const pack = await viewPolicyPack(op)
      return { body: pack, version: pack.version ?? 0 }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: '/api/v1/policy-pack',
    summary:
      "Set the authority's own policy pack (If-Match: the current version, 0 for a built-in pack); every child's due dates are recomputed",
    tags: ['Timescales'],
    policy: 'policy:manage',
    audit: 'POLICY_PACK_CHANGED',
    body: PolicyPackChangeSchema,
    needsVersion: true,
    handle: async (op, { body, version }) => {
      const changed = await changePolicyPack(op, version, body.definition, body.reason)
      return { body: changed, version: changed.version }
    },
  }),
] as unknown as ApiRoute<never, never, never>[]
