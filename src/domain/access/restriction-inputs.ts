/**
 * Restricting a child's record and lifting a restriction (security PRIV-01): the category (the four of Nottingham's
 * model, less sealing, which comes only from an adoption order), the owner who answers for it and reviews it, the
 * review date (no more than 90 days ahead: care-record-rules.ts), the named people who may open it without breaking
 * the glass, and the reason, kept with the new version of the record.
 */
import { z } from 'zod'
import { choiceSchema, daySchema, idSchema, reasonSchema, type FieldLabel } from '../shared/input.ts'

export const RESTRICTION_CATEGORIES = ['staff-or-relative', 'high-profile', 'high-risk'] as const

export const RestrictionSchema = z.strictObject({
  category: choiceSchema(RESTRICTION_CATEGORIES),
  ownerId: idSchema,
  reviewOn: daySchema,
  permittedUserIds: z.array(idSchema).max(50, { error: 'too-many' }).default([]),
  reason: reasonSchema,
})
export type RestrictionInput = z.output<typeof RestrictionSchema>

export const LiftRestrictionSchema = z.strictObject({ reason: reasonSchema })

export type RestrictionErrorCode =
  | 'record-sealed'
  | 'not-restricted'
  | 'restriction-owner-not-allowed'
  | 'permitted-user-not-found'
  | 'restriction-review-in-past'

export const RESTRICTION_MESSAGES: Readonly<Record<RestrictionErrorCode, string>> = {
  'record-sealed': 'This record is sealed after an adoption order; its access cannot be changed here',
  'not-restricted': 'This record is not restricted',
  'restriction-owner-not-allowed': 'Choose an owner who is an active team manager or administrator',
  'permitted-user-not-found': 'Choose people who have accounts in this authority',
  'restriction-review-in-past': 'The review date must be today or later',
}

export const RESTRICTION_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  category: { noun: 'why the record is restricted', name: 'Category', isChoice: true },
  ownerId: { noun: 'the owner of the restriction', name: 'Owner' },
  reviewOn: { noun: 'the review date', name: 'Review date' },
  permittedUserIds: { noun: 'the people who may open the record', name: 'Permitted people' },
  reason: { noun: 'the reason', name: 'Reason' },
}
