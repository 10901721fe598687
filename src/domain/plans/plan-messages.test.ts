import { describe, expect, it } from 'vitest'
import { MEETING_ERROR_MESSAGES } from '../meetings/meeting-messages.ts'
import { PANEL_ERROR_MESSAGES } from '../panels/panel-messages.ts'
import { formatMessage, INPUT_ERROR_MESSAGES, PLAN_ERROR_MESSAGES } from './plan-messages.ts'
import { PlanContentSchema } from './plan-schemas.ts'

const ALL = [
  ...Object.entries(PLAN_ERROR_MESSAGES),
  ...Object.entries(MEETING_ERROR_MESSAGES),
  ...Object.entries(PANEL_ERROR_MESSAGES),
  ...Object.entries(INPUT_ERROR_MESSAGES),
]

describe('error messages are written the GOV.UK way (house style §3.3)', () => {
  it.each(ALL)('%s: says what to do, without "valid", "invalid", "please" or "sorry"', (_code, message) => {
    expect(message.trim()).not.toBe('')
    expect(message).not.toMatch(/\b(valid|invalid|please|sorry|oops)\b/i)
    expect(message).toMatch(/^[A-Z]/)
    expect(message).not.toMatch(/\.$/)
  })

  it('every code a schema puts on an issue has a message', () => {
    const result = PlanContentSchema.safeParse({
      background: 1,
      keyDates: [{ id: '', kind: 'hearing', on: '2025-02-29' }],
    })
    expect(result.success).toBe(false)
    const customCodes = (result.success ? [] : result.error.issues)
      .map(issue => issue.message)
      .filter(message => /^[a-z]+(-[a-z]+)*$/.test(message))
    // The codes the shared input helpers use (domain/shared/input.ts on main), so one issue mapper serves every form.
    expect(customCodes).toEqual(expect.arrayContaining(['invalid-type', 'required', 'invalid-date']))
    for (const code of customCodes) {
      expect(Object.keys(INPUT_ERROR_MESSAGES)).toContain(code)
    }
  })

  it('fills placeholders from params and leaves unknown ones', () => {
    expect(formatMessage('Due by {dueOn} ({missing})', { dueOn: '5 January 2026' })).toBe(
      'Due by 5 January 2026 ({missing})',
    )
    expect(formatMessage('No params')).toBe('No params')
  })
})
