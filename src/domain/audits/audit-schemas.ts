/**
 * Input schemas for case-file audits, shared by the API and the web forms (each adapter parses its input with these
 * before anything reaches a use case).
 */
import { z } from 'zod'
import { choiceSchema, daySchema, idSchema, textSchema } from '../shared/input.ts'
import { AUDIT_DOMAINS, AUDIT_GRADES } from './audit-domains.ts'

const longText = z
  .string({ error: 'invalid-type' })
  .max(5000, { error: 'too-long' })
  .default('')
  .transform(value => value.trim())

const seedSchema = z.coerce
  .number({ error: 'invalid-type' })
  .int({ error: 'invalid-type' })
  .min(0, { error: 'too-short' })
  .max(2_147_483_647, { error: 'too-long' })

const sizeSchema = z.coerce
  .number({ error: 'invalid-type' })
  .int({ error: 'invalid-type' })
  .min(1, { error: 'too-short' })
  .max(500, { error: 'too-long' })

export const SampleRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('random'), size: sizeSchema, seed: seedSchema }),
    z.strictObject({
      kind: z.literal('stratified'),
      by: choiceSchema(['team', 'legal-status']),
      size: sizeSchema,
      seed: seedSchema,
    }),
    z.strictObject({
      kind: z.literal('named'),
      childIds: z.array(idSchema).min(1, { error: 'required' }).max(500, { error: 'too-long' }),
    }),
  ],
  { error: 'invalid-option' },
)

export const AuditRoundCreateSchema = z.strictObject({
  title: textSchema(200),
  theme: textSchema(200),
  sampleRule: SampleRuleSchema,
  auditorIds: z.array(idSchema).min(1, { error: 'required' }).max(50, { error: 'too-long' }),
  moderationPercent: z.coerce
    .number({ error: 'invalid-type' })
    .int({ error: 'invalid-type' })
    .min(0, { error: 'too-short' })
    .max(100, { error: 'too-long' }),
  deadlineOn: daySchema,
  previousRoundId: idSchema.nullable().default(null),
})
export type AuditRoundCreate = z.output<typeof AuditRoundCreateSchema>

const gradeSchema = z.enum(AUDIT_GRADES, { error: 'invalid-option' }).nullable().default(null)

export const DomainJudgementSchema = z.strictObject({
  grade: gradeSchema,
  evidence: longText,
  improvement: longText,
})

export const ModerationJudgementSchema = z.strictObject({
  outcome: z.enum(['agreed', 'changed'], { error: 'invalid-option' }).nullable().default(null),
  grade: gradeSchema,
  reason: longText,
})

const domainsOf = <T extends z.ZodType>(schema: T) =>
  z.strictObject(
    Object.fromEntries(AUDIT_DOMAINS.map(d => [d, schema.optional()])) as Record<
      (typeof AUDIT_DOMAINS)[number],
      z.ZodOptional<T>
    >,
  )

export const AuditFormSchema = z.strictObject({
  domains: domainsOf(DomainJudgementSchema),
  submit: z.boolean({ error: 'invalid-type' }).default(false),
  changeReason: longText,
})
export type AuditFormInput = z.output<typeof AuditFormSchema>

export const ModerationFormSchema = z.strictObject({
  domains: domainsOf(ModerationJudgementSchema),
  submit: z.boolean({ error: 'invalid-type' }).default(false),
  changeReason: longText,
})
export type ModerationFormInput = z.output<typeof ModerationFormSchema>

export const AuditActionCreateSchema = z.strictObject({
  domain: choiceSchema(AUDIT_DOMAINS),
  description: textSchema(1000),
  ownerId: idSchema,
  dueOn: daySchema,
})
export type AuditActionCreate = z.output<typeof AuditActionCreateSchema>

export const AuditActionUpdateSchema = z.strictObject({
  status: choiceSchema(['open', 'done', 'dropped']),
  on: daySchema.nullable().default(null),
  note: longText,
})
export type AuditActionUpdate = z.output<typeof AuditActionUpdateSchema>

export const CloseRoundSchema = z.strictObject({ reason: longText })

/** Reassigning a case: who audits and moderates it now, and why. */
export const ReassignCaseSchema = z.strictObject({
  auditorId: idSchema,
  moderatorId: idSchema.nullable().default(null),
  reason: longText,
})
export type ReassignCaseInput = z.output<typeof ReassignCaseSchema>

/**
 * The reason for withdrawing a case or cancelling a round: blank is "required" (so the message asks for it), then 3 to
 * 500 characters once trimmed (as the database checks). One message per problem: the pipes stop at the first.
 */
const withdrawalReasonSchema = z
  .string({ error: 'required' })
  .transform(value => value.trim())
  .pipe(z.string().min(1, { error: 'required' }))
  .pipe(z.string().min(3, { error: 'too-short' }).max(500, { error: 'too-long' }))

/** Withdrawing a case from its round: why (kept with the case's new version). */
export const WithdrawCaseSchema = z.strictObject({ reason: withdrawalReasonSchema })
export type WithdrawCaseInput = z.output<typeof WithdrawCaseSchema>

/** Cancelling an open round: why (kept with the round's new version). */
export const CancelRoundSchema = z.strictObject({ reason: withdrawalReasonSchema })
export type CancelRoundInput = z.output<typeof CancelRoundSchema>
