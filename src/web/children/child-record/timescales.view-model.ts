/**
 * The child's due dates as the page shows them: what is overdue and due soon first, each with its reason and source,
 * then what is coming, what was done, and (folded away) the rules that do not apply and why.
 */
import type { StoredChildTimescales } from '../../../app/timescales/types.ts'

const TAGS: Record<string, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--orange' },
  upcoming: { text: 'Upcoming', classes: 'govuk-tag--blue' },
  met: { text: 'Done', classes: 'govuk-tag--green' },
  'met-late': { text: 'Done late', classes: 'govuk-tag--yellow' },
  'not-applicable': { text: 'Does not apply', classes: 'govuk-tag--grey' },
}

export interface TimescaleRow {
  readonly rule: string
  readonly title: string
  readonly dueOn: string | null
  readonly metOn: string | null
  readonly tag: { text: string; classes: string }
  readonly explanation: string
  readonly source: string
  readonly isProvisional: boolean
}

function row(item: StoredChildTimescales['items'][number]): TimescaleRow {
  return {
    rule: item.rule,
    title: item.title,
    dueOn: item.dueOn,
    metOn: item.metOn,
    tag: TAGS[item.status] ?? { text: item.status, classes: 'govuk-tag--grey' },
    explanation: item.explanation,
    source: item.source,
    isProvisional: item.isProvisional,
  }
}

interface EligibilityView {
  readonly person: string
  readonly order: string
  readonly status: string
  readonly from: string | null
  readonly route: string | null
  readonly explanation: string
}

const ORDER_LABELS: Record<string, string> = {
  'child-arrangements-order': 'Child arrangements order',
  'special-guardianship-order': 'Special guardianship order',
  'adoption-order': 'Adoption order',
}

/**
 * The timescales section of the child's page.
 * @param stored - the stored answers
 * @param personNames - names of the people in the child's network, by id
 * @returns what the template prints
 */
export function timescalesViewModel(
  stored: StoredChildTimescales,
  personNames: ReadonlyMap<string, string>,
  localItems: StoredChildTimescales['items'] = [],
) {
  // Local deliverables (life story work) sit beside the statutory items.
  const items = [...stored.items, ...localItems]
  const byStatus = (statuses: readonly string[]) => items.filter(i => statuses.includes(i.status)).map(row)
  const eligibility = (stored.eligibility as Record<string, unknown>[])
    .filter(e => e.order !== null && e.personId !== null)
    .map((e): EligibilityView => ({
      person: personNames.get(String(e.personId)) ?? 'Someone in the network',
      order: ORDER_LABELS[String(e.order)] ?? String(e.order),
      status: String(e.status),
      from: typeof e.from === 'string' ? e.from : null,
      route: typeof e.route === 'string' ? e.route : null,
      explanation: String(e.explanation),
    }))
  const drift = stored.drift
  return {
    asOf: stored.evaluatedAsOf,
    policy: stored.policyVersion,
    urgent: byStatus(['overdue', 'due-soon']),
    upcoming: byStatus(['upcoming']),
    done: byStatus(['met', 'met-late']),
    notApplicable: byStatus(['not-applicable']),
    overdueCount: stored.overdueCount + localItems.filter(i => i.status === 'overdue').length,
    dueSoonCount: stored.dueSoonCount + localItems.filter(i => i.status === 'due-soon').length,
    eligibility: eligibility.filter(e => e.status === 'eligible-now' || e.status === 'eligible-from'),
    eligibilityOthers: eligibility.filter(e => e.status !== 'eligible-now' && e.status !== 'eligible-from'),
    drift: {
      daysLookedAfter: drift.daysLookedAfterInCurrentPeriod as number | null,
      planLateByDays: drift.planLateByDays as number | null,
      daysSinceLastPlanningMeeting: drift.daysSinceLastPlanningMeeting as number | null,
      proceedings: (
        (drift.proceedings as { week: number; isPast26Weeks: boolean; concludedOn: string | null }[] | undefined) ?? []
      ).filter(p => p.concludedOn === null),
    },
  }
}
