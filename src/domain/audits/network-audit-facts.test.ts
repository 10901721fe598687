import { describe, expect, it } from 'vitest'
import type { PairStatus } from '../network/siblings.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { lifeStoryFact, togetherOrApartFact, type LifeStoryItemFact } from './network-audit-facts.ts'

const day = (iso: string) => iso as CalendarDay

function pair(
  siblingChildId: string,
  livesTogether: boolean | null,
  assessedOn?: string,
  contactPlan = 'Monthly',
): PairStatus {
  return {
    childId: 'c',
    siblingChildId,
    kind: 'full',
    livesTogether,
    assessment:
      assessedOn === undefined
        ? null
        : { childId: 'c', siblingChildId, outcome: 'apart', reasons: 'Needs differ.', contactPlan, assessedOn },
    warnings:
      livesTogether === false && assessedOn === undefined
        ? ['apart-without-assessment']
        : livesTogether === false && contactPlan === ''
          ? ['apart-without-contact-plan']
          : [],
  }
}

describe('the Together-or-Apart audit fact (from the child’s network)', () => {
  it.each([
    ['no brothers or sisters', [], 'not-applicable', 'No brothers or sisters are recorded.'],
    [
      'all living together',
      [pair('s1', true), pair('s2', null)],
      'not-applicable',
      '2 brothers or sisters recorded; none lives apart from the child in care today.',
    ],
    [
      'apart and assessed',
      [pair('s1', false, '2026-01-10'), pair('s2', false, '2026-02-03')],
      'yes',
      '2 brothers or sisters live apart from the child; assessed for 2 of 2 (latest on 2026-02-03).',
    ],
    [
      'apart, one assessed, with no plan for keeping in touch',
      [pair('s1', false, '2026-01-10', ''), pair('s2', false)],
      'partly',
      '2 brothers or sisters live apart from the child; assessed for 1 of 2 (latest on 2026-01-10); 1 with no plan for keeping in touch.',
    ],
    [
      'apart, none assessed',
      [pair('s1', false)],
      'no',
      '1 brother or sister lives apart from the child; no Together-or-Apart assessment is recorded.',
    ],
  ])('%s', (_name, statuses, answer, detail) => {
    const fact = togetherOrApartFact(statuses)
    expect(fact).toMatchObject({ id: 'together-or-apart-assessment', domain: 'siblings', answer, detail })
    expect(fact.source).toContain('Child’s network')
  })
})

describe('the life story audit fact (from the child’s network)', () => {
  const item = (status: LifeStoryItemFact['status'], dueOn: string, completedOn: string | null = null) => ({
    label: 'Life story book',
    status,
    dueOn: day(dueOn),
    completedOn: completedOn === null ? null : day(completedOn),
  })
  const today = day('2026-03-01')

  it.each([
    ['nothing recorded', [], 'no', 'No life story work is recorded.'],
    [
      'planned, not started, one overdue',
      [item('not-started', '2026-02-01'), { ...item('not-started', '2026-05-01'), label: 'Later life letter' }],
      'no',
      'Life story book: not started, due 2026-02-01, overdue; Later life letter: not started, due 2026-05-01.',
    ],
    [
      'some started',
      [
        item('completed', '2026-02-01', '2026-01-20'),
        { ...item('not-started', '2026-05-01'), label: 'Later life letter' },
      ],
      'partly',
      'Life story book: completed on 2026-01-20; Later life letter: not started, due 2026-05-01.',
    ],
    ['all under way', [item('in-progress', '2026-03-01')], 'yes', 'Life story book: in progress, due 2026-03-01.'],
  ])('%s', (_name, items, answer, detail) => {
    expect(lifeStoryFact(items, today)).toMatchObject({ id: 'life-story-work', domain: 'stability', answer, detail })
  })
})
