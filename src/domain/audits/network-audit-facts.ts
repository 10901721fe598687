/**
 * The audit facts the child's network holds (issue 7 feeding issue 9): whether brothers and sisters who live apart had
 * a Together-or-Apart assessment, and whether life story work has started. They replace the "not recorded in this
 * system" placeholders the audit form showed before the network was recorded here (same fact ids).
 */
import type { PairStatus } from '../network/siblings.ts'
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import type { AuditFact, FactAnswer } from './audit-facts.ts'

const NETWORK = 'Child’s network'

/** A life story deliverable as the audit needs it. */
export interface LifeStoryItemFact {
  readonly label: string
  readonly status: 'not-started' | 'in-progress' | 'completed'
  readonly dueOn: CalendarDay
  readonly completedOn: CalendarDay | null
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Where brothers or sisters live apart, was a Together-or-Apart assessment completed? Worked out from each sibling
 * pair's status (where each child lives today and the latest assessment of the pair).
 * @param statuses - the child's sibling pairs with their status
 * @returns the fact
 */
export function togetherOrApartFact(statuses: readonly PairStatus[]): AuditFact {
  const question = 'Where brothers or sisters live apart, was a Together-or-Apart assessment completed?'
  const base = { id: 'together-or-apart-assessment', domain: 'siblings', question } as const
  const source = `${NETWORK}: brothers and sisters, Together-or-Apart assessments`
  if (statuses.length === 0) {
    return { ...base, answer: 'not-applicable', detail: 'No brothers or sisters are recorded.', source }
  }
  const apart = statuses.filter(s => s.livesTogether === false)
  const assessedDays = statuses
    .map(s => s.assessment?.assessedOn)
    .filter((day): day is string => day !== undefined)
    .sort()
  const latest = assessedDays.at(-1)
  const latestText = latest === undefined ? '' : ` (latest on ${latest})`
  if (apart.length === 0) {
    return {
      ...base,
      answer: 'not-applicable',
      detail:
        `${plural(statuses.length, 'brother or sister', 'brothers or sisters')} recorded; none lives apart from the ` +
        `child in care today${latest === undefined ? '' : `; assessed together or apart${latestText}`}.`,
      source,
    }
  }
  const assessed = apart.filter(s => s.assessment !== null).length
  const answer: FactAnswer = assessed === apart.length ? 'yes' : assessed === 0 ? 'no' : 'partly'
  const withoutContactPlan = apart.filter(s => s.warnings.includes('apart-without-contact-plan')).length
  return {
    ...base,
    answer,
    detail:
      `${plural(apart.length, 'brother or sister lives', 'brothers or sisters live')} apart from the child; ` +
      `${assessed === 0 ? 'no Together-or-Apart assessment is recorded' : `assessed for ${assessed} of ${apart.length}${latestText}`}` +
      `${withoutContactPlan > 0 ? `; ${withoutContactPlan} with no plan for keeping in touch` : ''}.`,
    source,
  }
}

/**
 * Has life story work started? Worked out from the life story deliverables recorded in the child's network.
 * @param items - the deliverables
 * @param today - today
 * @returns the fact
 */
export function lifeStoryFact(items: readonly LifeStoryItemFact[], today: CalendarDay): AuditFact {
  const base = { id: 'life-story-work', domain: 'stability', question: 'Has life story work started?' } as const
  const source = `${NETWORK}: life story work`
  if (items.length === 0) {
    return { ...base, answer: 'no', detail: 'No life story work is recorded.', source }
  }
  const started = items.filter(i => i.status !== 'not-started').length
  const answer: FactAnswer = started === items.length ? 'yes' : started === 0 ? 'no' : 'partly'
  const describe = (item: LifeStoryItemFact) => {
    if (item.status === 'completed') {
      return `${item.label}: completed${item.completedOn === null ? '' : ` on ${item.completedOn}`}`
    }
    const overdue = compareCalendarDays(item.dueOn, today) < 0 ? ', overdue' : ''
    return `${item.label}: ${item.status === 'in-progress' ? 'in progress' : 'not started'}, due ${item.dueOn}${overdue}`
  }
  return { ...base, answer, detail: `${items.map(describe).join('; ')}.`, source }
}
