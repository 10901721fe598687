/**
 * Choosing the children of an audit round by rule: a random sample (with a seed, so the same rule gives the same
 * children and anyone can check the draw), a sample stratified by team or by legal status (each group's share of
 * the sample in proportion to its share of the children, largest remainders first), or named children. Then auditors
 * are given the children in turn, and a share of the cases is chosen for moderation by a second auditor.
 */
import { seededSequence } from '../shared/seeded-sequence.ts'

export type SampleRule =
  | { readonly kind: 'random'; readonly size: number; readonly seed: number }
  | {
      readonly kind: 'stratified'
      readonly by: 'team' | 'legal-status'
      readonly size: number
      readonly seed: number
    }
  | { readonly kind: 'named'; readonly childIds: readonly string[] }

export const SAMPLE_RULE_KINDS = ['random', 'stratified', 'named'] as const
export const STRATA = ['team', 'legal-status'] as const

/** A child who could be sampled: looked after today, with their team and current legal status. */
export interface SampleCandidate {
  readonly childId: string
  readonly teamId: string | null
  readonly legalStatus: string | null
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

function byId(a: SampleCandidate, b: SampleCandidate): number {
  return a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0
}

/**
 * How many of a sample each group gets: in proportion to its size, rounded down, the rest to the largest remainders
 * (ties to the larger group, then the group's name), never more than the group holds.
 * @param groups - group name to size
 * @param size - the sample size (at most the total)
 * @returns group name to how many are drawn from it
 */
export function allocateProportionally(groups: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...groups.values()].reduce((sum, n) => sum + n, 0)
  const target = Math.min(size, total)
  const allocation = new Map<string, number>()
  if (total === 0) {
    return allocation
  }
  const remainders: { key: string; remainder: number; groupSize: number }[] = []
  let given = 0
  for (const [key, groupSize] of groups) {
    const exact = (groupSize * target) / total
    const whole = Math.floor(exact)
    allocation.set(key, whole)
    given += whole
    remainders.push({ key, remainder: exact - whole, groupSize })
  }
  remainders.sort(
    (a, b) => b.remainder - a.remainder || b.groupSize - a.groupSize || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  for (const entry of remainders) {
    if (given >= target) {
      break
    }
    if (allocation.get(entry.key)! < entry.groupSize) {
      allocation.set(entry.key, allocation.get(entry.key)! + 1)
      given += 1
    }
  }
  return allocation
}

/**
 * Draws the sample.
 * @param rule - the rule
 * @param candidates - the children who could be chosen (order does not matter: they are sorted by id first)
 * @returns the chosen child ids, in the order drawn (named children in the order named, unknown ones left out)
 */
export function drawSample(rule: SampleRule, candidates: readonly SampleCandidate[]): string[] {
  const sorted = [...candidates].sort(byId)
  switch (rule.kind) {
    case 'named': {
      const known = new Set(sorted.map(c => c.childId))
      return [...new Set(rule.childIds)].filter(id => known.has(id))
    }
    case 'random':
      return shuffled(sorted, seededSequence(rule.seed))
        .slice(0, rule.size)
        .map(c => c.childId)
    case 'stratified': {
      const next = seededSequence(rule.seed)
      const keyOf = (c: SampleCandidate) => (rule.by === 'team' ? c.teamId : c.legalStatus) ?? 'not recorded'
      const groups = new Map<string, SampleCandidate[]>()
      for (const candidate of sorted) {
        const key = keyOf(candidate)
        groups.set(key, [...(groups.get(key) ?? []), candidate])
      }
      const sizes = new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.length]))
      const allocation = allocateProportionally(sizes, rule.size)
      return [...sizes.keys()].flatMap(key =>
        shuffled(groups.get(key)!, next)
          .slice(0, allocation.get(key) ?? 0)
          .map(c => c.childId),
      )
    }
  }
}

/** Who audits a case and who (if anyone) moderates it. */
export interface CaseAllocation {
  readonly childId: string
  readonly auditorId: string
  readonly moderatorId: string | null
}

/**
 * Gives the sampled children to auditors in turn, and chooses a share of the cases for moderation by a different
 * auditor (the next one in the list). The cases moderated are spread through the sample: every k-th case, from a
 * seeded start.
 * @param childIds - the sample, in order
 * @param auditorIds - the auditors (at least one; two or more for moderation)
 * @param moderationPercent - the share of cases to moderate, 0 to 100 (rounded up to whole cases)
 * @param seed - the seed for where moderation starts
 * @returns one allocation per child
 */
export function allocateCases(
  childIds: readonly string[],
  auditorIds: readonly string[],
  moderationPercent: number,
  seed: number,
): CaseAllocation[] {
  if (auditorIds.length === 0) {
    return []
  }
  const toModerate =
    auditorIds.length < 2 ? 0 : Math.min(childIds.length, Math.ceil((childIds.length * moderationPercent) / 100))
  const moderated = new Set<number>()
  if (toModerate > 0) {
    const start = Math.floor(seededSequence(seed)() * childIds.length)
    for (let i = 0; i < toModerate; i += 1) {
      moderated.add((start + Math.floor((i * childIds.length) / toModerate)) % childIds.length)
    }
  }
  return childIds.map((childId, index) => {
    const auditorIndex = index % auditorIds.length
    return {
      childId,
      auditorId: auditorIds[auditorIndex]!,
      moderatorId: moderated.has(index) ? auditorIds[(auditorIndex + 1) % auditorIds.length]! : null,
    }
  })
}
