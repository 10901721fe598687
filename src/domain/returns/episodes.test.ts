import { describe, expect, test } from 'vitest'
import type { LegalStatus, PlacementType } from '../children/codes.ts'
import { deriveEpisodes, episodesInYear } from './episodes.ts'
import { d, testFacts, testPeriod, testPlacement, testSpell } from './test-facts.ts'

interface Step {
  readonly status: LegalStatus
  readonly type: PlacementType
  readonly carer: string | null
}

/** Two back-to-back episodes from 1 May 2025, the second from 1 August 2025. */
function twoEpisodes(first: Step, second: Step) {
  const samePlacement = first.type === second.type && first.carer === second.carer && first.carer === 'same-placement'
  return testFacts({
    legalStatuses:
      first.status === second.status
        ? [testSpell('ls-1', first.status, '2025-05-01', null)]
        : [
            testSpell('ls-1', first.status, '2025-05-01', '2025-08-01'),
            testSpell('ls-2', second.status, '2025-08-01', null),
          ],
    placements: samePlacement
      ? [testPlacement('pl-1', first.type, '2025-05-01', null)]
      : [
          testPlacement('pl-1', first.type, '2025-05-01', '2025-08-01', {
            carerPersonId: first.carer,
            reasonEnded: 'care-plan',
          }),
          testPlacement('pl-2', second.type, '2025-08-01', null, { carerPersonId: second.carer }),
        ],
  })
}

describe('deriveEpisodes: RNE (903 rules 434–436, 380, 383)', () => {
  test.each([
    [
      'L',
      { status: 'interim-care-order', type: 'foster-other', carer: 'same-placement' },
      { status: 'care-order', type: 'foster-other', carer: 'same-placement' },
    ],
    [
      'P',
      { status: 'care-order', type: 'foster-other', carer: 'a' },
      { status: 'care-order', type: 'childrens-home', carer: null },
    ],
    [
      'T',
      { status: 'care-order', type: 'foster-other', carer: 'a' },
      { status: 'care-order', type: 'foster-long-term', carer: 'a' },
    ],
    [
      'B',
      { status: 'interim-care-order', type: 'foster-other', carer: 'a' },
      { status: 'care-order', type: 'foster-other', carer: 'b' },
    ],
    [
      'U',
      { status: 'interim-care-order', type: 'foster-other', carer: 'a' },
      { status: 'care-order', type: 'foster-long-term', carer: 'a' },
    ],
    [
      'P',
      { status: 'care-order', type: 'foster-other', carer: 'a' },
      { status: 'care-order', type: 'temporary-holiday', carer: 'a' },
    ],
  ] as [string, Step, Step][])('RNE %s', (rne, first, second) => {
    const episodes = deriveEpisodes(twoEpisodes(first, second))
    const names = {
      started: 'S',
      'legal-status-change': 'L',
      'placement-change': 'P',
      'placement-change-same-carer': 'T',
      'legal-status-and-placement-change': 'B',
      'legal-status-and-placement-change-same-carer': 'U',
    }
    expect(episodes.map(e => names[e.reasonNewEpisode])).toEqual(['S', rne])
    expect(episodes[0]?.reasonCeased).toBe('continues')
    expect(episodes[0]?.endedOn).toBe(episodes[1]?.startedOn)
  })

  test('the reason for a placement change sits on the ceasing episode, not when the move is temporary (rules 225, 226)', () => {
    const permanent = deriveEpisodes(
      twoEpisodes(
        { status: 'care-order', type: 'foster-other', carer: 'a' },
        { status: 'care-order', type: 'childrens-home', carer: null },
      ),
    )
    expect(permanent.map(e => e.reasonPlacementChanged)).toEqual(['care-plan', null])
    const temporary = deriveEpisodes(
      twoEpisodes(
        { status: 'care-order', type: 'foster-other', carer: 'a' },
        { status: 'care-order', type: 'temporary-hospital', carer: null },
      ),
    )
    expect(temporary.map(e => e.reasonPlacementChanged)).toEqual([null, null])
  })

  test('two spells of the same legal status back to back are one 903 legal status', () => {
    const facts = testFacts({
      legalStatuses: [
        testSpell('ls-1', 'care-order', '2025-05-01', '2025-07-01'),
        testSpell('ls-2', 'care-order', '2025-07-01', null),
      ],
    })
    expect(deriveEpisodes(facts).length).toBe(1)
  })

  test('the last episode of an ended period carries the reason it ended', () => {
    const facts = testFacts({
      periodsOfCare: [testPeriod('poc-1', '2025-05-01', '2025-10-01', { reasonEnded: 'returned-home-planned' })],
      legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-01', '2025-10-01')],
      placements: [testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-10-01')],
    })
    expect(deriveEpisodes(facts).map(e => [e.endedOn, e.reasonCeased])).toEqual([
      ['2025-10-01', 'returned-home-planned'],
    ])
  })

  test('episodesInYear keeps episodes open at any point, including one ceasing on 1 April, and opens later endings', () => {
    const facts = testFacts({
      periodsOfCare: [testPeriod('poc-1', '2025-05-01', '2026-04-01', { reasonEnded: 'returned-home-planned' })],
      legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-01', '2026-04-01')],
      placements: [testPlacement('pl-1', 'foster-other', '2025-05-01', '2026-04-01')],
    })
    const all = deriveEpisodes(facts)
    expect(episodesInYear(all, d('2025-04-01'), d('2026-03-31')).map(e => [e.endedOn, e.reasonCeased])).toEqual([
      [null, null],
    ])
    expect(episodesInYear(all, d('2026-04-01'), d('2027-03-31')).map(e => [e.endedOn, e.reasonCeased])).toEqual([
      ['2026-04-01', 'returned-home-planned'],
    ])
    expect(episodesInYear(all, d('2024-04-01'), d('2025-03-31'))).toEqual([])
  })
})
