import { describe, expect, it } from 'vitest'
import { parseInput } from '../shared/input.ts'
import { CancelRoundSchema, WithdrawCaseSchema } from './audit-schemas.ts'

const LABELS = { reason: { noun: 'why the case is being withdrawn', name: 'Reason' } }
const ENTER = 'Enter why the case is being withdrawn'

describe('the reason for withdrawing a case or cancelling a round (ADR 0082)', () => {
  it.each([
    ['missing', {}, 'reason', 'required', ENTER],
    ['blank', { reason: '   ' }, 'reason', 'required', ENTER],
    ['not text', { reason: 7 }, 'reason', 'required', ENTER],
    [
      'under three characters once trimmed',
      { reason: ' ab ' },
      'reason',
      'too-short',
      'Reason must be at least 3 characters',
    ],
    [
      'over 500 characters',
      { reason: 'x'.repeat(501) },
      'reason',
      'too-long',
      'Reason must be 500 characters or fewer',
    ],
  ])('is refused when %s, with one error naming the field', (_name, input, path, code, message) => {
    expect(parseInput(WithdrawCaseSchema, input, LABELS)).toEqual({ ok: false, errors: [{ path, code, message }] })
  })

  it('takes no other field', () => {
    const parsed = parseInput(WithdrawCaseSchema, { reason: 'Sampled in error', auditorId: 'x' }, LABELS)
    expect(parsed.ok ? [] : parsed.errors.map(e => e.code)).toEqual(['unknown-field'])
  })

  it('is trimmed when given', () => {
    expect(parseInput(CancelRoundSchema, { reason: '  Set up in error  ' })).toEqual({
      ok: true,
      value: { reason: 'Set up in error' },
    })
  })
})
