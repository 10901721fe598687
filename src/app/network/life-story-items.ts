/**
 * Life story work on the child's timescale list (issue 7): each deliverable as an item with its due date and
 * status, beside the engine's statutory items. Local deliverables, not statutory timescales, so the engine does not
 * hold them; they are named LSW (life story work) with no rule source beyond the plan.
 */
import { loadNetworkRows } from '../../db/repositories/network-repository.ts'
import type { StoredTimescaleItem } from '../../db/repositories/timescales-repository.ts'
import { LIFE_STORY_KINDS } from '../../domain/network/network-inputs.ts'
import { addCalendarDays } from '../../domain/shared/calendar-day.ts'
import type { Operation } from '../shared/run-operation.ts'

/** Days ahead that count as "due soon", as the engine's items do. */
const DUE_SOON_DAYS = 28

/**
 * The child's life story work as timescale items.
 * @param op - the operation (already authorised to view the child)
 * @param childId - the child
 * @returns the items
 */
export async function lifeStoryTimescaleItems(op: Operation, childId: string): Promise<StoredTimescaleItem[]> {
  const soon = addCalendarDays(op.today, DUE_SOON_DAYS)
  return (await loadNetworkRows(op.tx, 'life-story-work', [childId])).map(item => {
    const dueOn = item.dueOn as string
    const completedOn = (item.completedOn as string | null) ?? null
    const status =
      item.status === 'completed'
        ? completedOn !== null && completedOn > dueOn
          ? 'met-late'
          : 'met'
        : dueOn < op.today
          ? 'overdue'
          : dueOn <= soon
            ? 'due-soon'
            : 'upcoming'
    return {
      rule: 'LSW',
      title: LIFE_STORY_KINDS[item.kind as keyof typeof LIFE_STORY_KINDS],
      dueOn,
      status,
      metOn: completedOn,
      explanation: `Life story work owned by ${item.owner as string}, due ${dueOn}.`,
      source: 'The child’s permanence plan (life story work)',
      isProvisional: false,
      details: {},
    }
  })
}
