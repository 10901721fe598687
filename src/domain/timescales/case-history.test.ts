import { describe, expect, test } from 'vitest'
import committedSchema from '../../../schemas/case-history.schema.json' with { type: 'json' }
import { caseHistoryJsonSchema, formatFieldPath, parseCaseHistory } from './case-history.ts'
import { ISSUE_EXAMPLE } from './test-support.ts'

function errorsOf(json: unknown): string[] {
  const result = parseCaseHistory(json)
  return result.ok ? [] : result.errors.map(e => `${formatFieldPath(e.path)}: ${String(e.params?.message)}`)
}

function withChange(change: (input: Record<string, unknown>) => void): unknown {
  const input = structuredClone(ISSUE_EXAMPLE) as unknown as Record<string, unknown>
  change(input)
  return input
}

describe('Case-history contract (issue 3 §6; docs/case-history.md)', () => {
  test('accepts the example in issue 3 exactly as written, with dates as calendar days', () => {
    const result = parseCaseHistory(JSON.parse(JSON.stringify(ISSUE_EXAMPLE)))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.periodsOfCare[0]?.start).toBe('2025-12-19')
      expect(result.value.placements[0]?.placementType).toBe('U4')
    }
  })

  test.each<[string, (input: Record<string, unknown>) => void, string]>([
    [
      'a date that does not exist',
      i => {
        ;(i.placements as { start: string }[])[0]!.start = '2025-02-30'
      },
      'placements[0].start: Enter a real date in the form YYYY-MM-DD',
    ],
    [
      'a date in another format',
      i => {
        ;(i.child as { dateOfBirth: string }).dateOfBirth = '31/05/2012'
      },
      'child.dateOfBirth: Enter a real date in the form YYYY-MM-DD',
    ],
    [
      'an unknown legal status code',
      i => {
        ;(i.periodsOfCare as { legalStatus: string }[])[0]!.legalStatus = 'C3'
      },
      'periodsOfCare[0].legalStatus: Enter an SSDA903 legal status code',
    ],
    [
      'an unknown placement type',
      i => {
        ;(i.placements as { placementType: string }[])[0]!.placementType = 'X9'
      },
      'placements[0].placementType: Enter an SSDA903 placement type code',
    ],
    [
      'a misspelt field',
      i => {
        ;(i.reviews as Record<string, unknown>[])[0]!.broughtFoward = true
      },
      'reviews[0]: Unrecognized key: "broughtFoward"',
    ],
    [
      'an end before the start',
      i => {
        ;(i.livingHistory as { to: string }[])[0]!.to = '2019-01-01'
      },
      'livingHistory[0].to: The end must be after the start (end is the first day away)',
    ],
    [
      'a person who is not in people',
      i => {
        ;(i.livingHistory as { personId: string }[])[0]!.personId = 'P9'
      },
      'livingHistory[0].personId: No person with id "P9" in people',
    ],
    [
      'overlapping periods of care',
      i => {
        ;(i.periodsOfCare as unknown[]).push({ start: '2026-01-01', end: null, legalStatus: 'V2' })
      },
      'periodsOfCare[1].start: Periods of care must not overlap',
    ],
  ])('refuses %s, naming the field', (_label, change, message) => {
    expect(errorsOf(withChange(change)).some(e => e.startsWith(message))).toBe(true)
  })

  test('reports every error, not just the first', () => {
    const errors = errorsOf(
      withChange(i => {
        ;(i.placements as { start: string }[])[0]!.start = '2025-02-30'
        ;(i.reviews as { date: string }[])[0]!.date = '2026-13-01'
      }),
    )
    expect(errors.map(e => e.split(':')[0])).toEqual(['placements[0].start', 'reviews[0].date'])
  })

  test('the committed JSON Schema equals the one generated from the zod schema (schemas/case-history.schema.json)', () => {
    expect(committedSchema).toEqual(caseHistoryJsonSchema())
  })

  test.each([
    [[], '(root)'],
    [['placements', 0, 'start'], 'placements[0].start'],
    [['child', 'dateOfBirth'], 'child.dateOfBirth'],
  ])('formatFieldPath %o → %s', (path, text) => {
    expect(formatFieldPath(path)).toBe(text)
  })
})
