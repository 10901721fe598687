/**
 * Brothers and sisters (issue 7): sibling groups, whether each pair lives together, and the warnings a manager
 * needs — siblings living apart with no Together-or-Apart assessment of the pair, and sibling plans that diverge
 * (different permanence options) without a recorded reason ([TAM] App 5; rules.md §5 T22).
 */
import type { SiblingKind } from '../children/codes.ts'

export interface SiblingPair {
  readonly childId: string
  readonly siblingChildId: string
  readonly kind: SiblingKind
}

/** A pair's outcome in a Together-or-Apart assessment. */
export interface AssessedPair {
  readonly childId: string
  readonly siblingChildId: string
  readonly outcome: 'together' | 'apart'
  readonly reasons: string
  readonly contactPlan: string | null
  readonly assessedOn: string
}

export interface PairStatus extends SiblingPair {
  /** true together, false apart, null when not known (one of them is not placed, or is not looked after). */
  readonly livesTogether: boolean | null
  /** The latest assessment of the pair, if any. */
  readonly assessment: AssessedPair | null
  readonly warnings: readonly SiblingWarning[]
}

export type SiblingWarning = 'apart-without-assessment' | 'plans-diverge-without-reason' | 'apart-without-contact-plan'

export const SIBLING_WARNING_TEXT: Record<SiblingWarning, string> = {
  'apart-without-assessment': 'Living apart with no Together-or-Apart assessment',
  'plans-diverge-without-reason': 'Their permanence plans differ and no reason is recorded',
  'apart-without-contact-plan': 'Living apart with no plan for how they keep in touch',
}

const key = (a: string, b: string) => (a < b ? `${a}/${b}` : `${b}/${a}`)

/**
 * Where each sibling pair stands.
 * @param pairs - the sibling links
 * @param homes - each child's current home (a carer or provider key), null when not placed or not looked after
 * @param assessments - assessed pairs (any order), latest wins
 * @param planOptions - each child's primary permanence option in their plan in force, if any
 * @returns each pair with its warnings
 */
export function siblingPairStatus(
  pairs: readonly SiblingPair[],
  homes: ReadonlyMap<string, string | null>,
  assessments: readonly AssessedPair[],
  planOptions: ReadonlyMap<string, string | null>,
): PairStatus[] {
  const latest = new Map<string, AssessedPair>()
  for (const a of [...assessments].sort((x, y) => (x.assessedOn < y.assessedOn ? -1 : 1))) {
    latest.set(key(a.childId, a.siblingChildId), a)
  }
  return pairs.map(pair => {
    const a = homes.get(pair.childId) ?? null
    const b = homes.get(pair.siblingChildId) ?? null
    const livesTogether = a === null || b === null ? null : a === b
    const assessment = latest.get(key(pair.childId, pair.siblingChildId)) ?? null
    const warnings: SiblingWarning[] = []
    if (livesTogether === false && assessment === null) {
      warnings.push('apart-without-assessment')
    }
    if (livesTogether === false && assessment !== null && (assessment.contactPlan ?? '').trim() === '') {
      warnings.push('apart-without-contact-plan')
    }
    const optionA = planOptions.get(pair.childId) ?? null
    const optionB = planOptions.get(pair.siblingChildId) ?? null
    if (optionA !== null && optionB !== null && optionA !== optionB && (assessment?.reasons ?? '').trim() === '') {
      warnings.push('plans-diverge-without-reason')
    }
    return { ...pair, livesTogether, assessment, warnings }
  })
}

/**
 * Groups children joined by sibling links into sibling groups (connected components).
 * @param pairs - the links
 * @returns the groups, each sorted, largest first
 */
export function siblingGroups(pairs: readonly SiblingPair[]): string[][] {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== undefined && parent.get(root) !== root) {
      root = parent.get(root)!
    }
    parent.set(x, root)
    return root
  }
  for (const p of pairs) {
    for (const id of [p.childId, p.siblingChildId]) {
      if (!parent.has(id)) {
        parent.set(id, id)
      }
    }
    const ra = find(p.childId)
    const rb = find(p.siblingChildId)
    if (ra !== rb) {
      parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
    }
  }
  const groups = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const root = find(id)
    groups.set(root, [...(groups.get(root) ?? []), id])
  }
  return [...groups.values()].map(g => g.sort()).sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1))
}
