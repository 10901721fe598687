/**
 * The child's network as a source of audit facts (src/app/audits/audit-fact-sources.ts): Together-or-Apart
 * assessments of brothers and sisters who live apart, and life story work.
 */
import { loadCareRecord } from '../../db/repositories/care-record-repository.ts'
import { loadNetworkRows } from '../../db/repositories/network-repository.ts'
import { lifeStoryFact, togetherOrApartFact } from '../../domain/audits/network-audit-facts.ts'
import { LIFE_STORY_KINDS, type LifeStoryKind } from '../../domain/network/network-inputs.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { AuditFactSource } from '../audits/audit-fact-sources.ts'
import { statusOfPairs } from './sibling-status.ts'

export const NETWORK_AUDIT_FACTS: AuditFactSource = {
  name: 'child-network',
  factsFor: async (tx, childId, today) => {
    const record = await loadCareRecord(tx, childId)
    const pairs = (record?.siblings ?? []).map(s => ({ childId, siblingChildId: s.siblingChildId, kind: s.kind }))
    const statuses = pairs.length === 0 ? [] : await statusOfPairs(tx, pairs, today)
    const lifeStory = (await loadNetworkRows(tx, 'life-story-work', [childId])).map(row => ({
      label: LIFE_STORY_KINDS[row.kind as LifeStoryKind],
      status: row.status as 'not-started' | 'in-progress' | 'completed',
      dueOn: row.dueOn as CalendarDay,
      completedOn: (row.completedOn as CalendarDay | null) ?? null,
    }))
    return [togetherOrApartFact(statuses), lifeStoryFact(lifeStory, today)]
  },
}
