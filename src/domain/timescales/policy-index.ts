/**
 * Lookups worked out once per policy pack, not per child: for every version and every rule, the answer `inForce`
 * gives when the rule is enabled (the setting) or disabled (its reason, with the pack's note), the rule's
 * `inForceFrom` as a day number, and the citation and actions every item of that rule carries. The engine asks
 * these questions about thirty times per child, so the answers are objects built here once and shared (they are
 * read-only), instead of new objects and strings per question.
 *
 * The index is kept in a WeakMap beside the pack, so a pack the service drops takes its index with it, and packs
 * stay plain data (nothing is added to them).
 */
import { longDay, dayNumberOf } from '../deadlines/day-format.ts'
import type { TimescaleItem } from './item.ts'
import type { PolicyPack, PolicyVersion, RuleSettings } from './policy-pack.ts'
import { RULE_TITLES, type RuleId } from './rule-ids.ts'
import { capitalisedSentence } from './sentence.ts'

/** The setting of one rule in the policy in force on a trigger date, or why the rule does not apply. */
export type InForce<K extends RuleId> =
  | { readonly ok: true; readonly policy: PolicyVersion; readonly setting: RuleSettings[K] }
  | { readonly ok: false; readonly policy: PolicyVersion; readonly reason: string }

/** What a version says about one rule, worked out once. */
export interface RuleEntry<K extends RuleId> {
  /** The answer for a trigger on or after `inForceFrom` (or any trigger when the rule has none). */
  readonly result: InForce<K>
  /** The rule's own `inForceFrom`, as a day number; null when it has none. */
  readonly inForceFrom: number | null
  /** The rule's citation, shown on every item. */
  readonly source: string
  readonly title: string
  /** Local actions the version attaches to the rule. */
  readonly actions: readonly string[]
  /** When the version disables the rule: the reason (as in `result`) and the explanation of its item. */
  readonly disabledReason: string | undefined
  readonly disabledExplanation: string
  /**
   * Not-applicable items of this rule already built, by reason (item.ts `notApplicableItem`): a few slots, reused in
   * turn. Such an item depends on nothing but the version, the rule and the reason, so every child who gets one
   * shares the same read-only object.
   */
  readonly sharedNotApplicable: SharedItems
}

/** A few items by reason, in fixed slots (see {@link RuleEntry.sharedNotApplicable}). */
export interface SharedItems {
  readonly reasons: (string | undefined)[]
  readonly items: (TimescaleItem | undefined)[]
  /** The slot the next new reason takes. */
  next: number
}

/** Every rule of one version. */
export interface VersionIndex {
  readonly version: PolicyVersion
  readonly rules: { readonly [K in RuleId]: RuleEntry<K> }
}

/** A pack's versions, indexed. */
export interface PolicyIndex {
  readonly pack: PolicyPack
  readonly versions: readonly VersionIndex[]
  /** `effectiveFromDayNumber` of each version, in order. */
  readonly starts: readonly number[]
}

const NO_ACTIONS: readonly string[] = []
const indexes = new WeakMap<PolicyPack, PolicyIndex>()
const byVersion = new WeakMap<PolicyVersion, VersionIndex>()

function indexVersion(pack: PolicyPack, version: PolicyVersion): VersionIndex {
  const rules: Partial<Record<RuleId, RuleEntry<RuleId>>> = {}
  for (const rule of Object.keys(RULE_TITLES) as RuleId[]) {
    const setting = version.rules[rule]
    let result: InForce<RuleId>
    if (setting.enabled) {
      result = { ok: true, policy: version, setting }
    } else {
      const note = setting.note === undefined ? '' : `; ${setting.note.replace(/\.$/, '')}`
      result = {
        ok: false,
        policy: version,
        reason: `${pack.name} sets no timescale for this (${setting.source})${note}`,
      }
    }
    rules[rule] = {
      result,
      inForceFrom: setting.inForceFrom === undefined ? null : dayNumberOf(setting.inForceFrom),
      source: setting.source,
      title: RULE_TITLES[rule],
      actions: version.actions[rule] ?? NO_ACTIONS,
      disabledReason: result.ok ? undefined : result.reason,
      disabledExplanation: result.ok ? '' : capitalisedSentence(result.reason),
      sharedNotApplicable: { reasons: [], items: [], next: 0 },
    }
  }
  // Object.fromEntries builds an object with fast properties; one built by assigning forty keys in a loop falls back
  // to a dictionary, and every lookup of a rule (several per item) would then be a hash-table probe.
  const index = { version, rules: Object.fromEntries(Object.entries(rules)) as VersionIndex['rules'] }
  byVersion.set(version, index)
  return index
}

/**
 * The index of a pack, built on first use.
 * @param pack - the resolved pack
 * @returns its index
 */
export function policyIndex(pack: PolicyPack): PolicyIndex {
  let index = indexes.get(pack)
  if (index === undefined) {
    index = {
      pack,
      versions: pack.versions.map(v => byVersion.get(v) ?? indexVersion(pack, v)),
      starts: pack.versions.map(v => v.effectiveFromDayNumber),
    }
    indexes.set(pack, index)
  }
  return index
}

/**
 * The indexed version in force on a day (the first version for days before it, as `policyAt`).
 * @param index - the pack's index
 * @param day - the day, as a day number
 * @returns the version's index
 */
export function versionAt(index: PolicyIndex, day: number): VersionIndex {
  const versions = index.versions
  if (versions.length === 1) {
    return versions[0] as VersionIndex
  }
  let low = 0
  let high = versions.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if ((index.starts[mid] as number) <= day) {
      low = mid
    } else {
      high = mid - 1
    }
  }
  return versions[low] as VersionIndex
}

/**
 * The index of one version (for items built with a version in hand).
 * @param pack - the pack the version belongs to
 * @param version - the version
 * @returns its index
 */
export function versionIndex(pack: PolicyPack, version: PolicyVersion): VersionIndex {
  return byVersion.get(version) ?? indexVersion(pack, version)
}

/**
 * Looks up a rule's setting as at its trigger date (rules.md §5 T19): the pack version in force that day, and the
 * rule's own `inForceFrom` (e.g. the 26-week limit applies to applications issued from 22 April 2014).
 * @param index - the pack's index
 * @param rule - the rule
 * @param trigger - the trigger day
 * @returns the setting, or the reason it does not apply
 */
export function ruleInForce<K extends RuleId>(index: PolicyIndex, rule: K, trigger: number): InForce<K> {
  const rules = versionAt(index, trigger).rules as unknown as Readonly<Record<RuleId, RuleEntry<K>>>
  const entry = rules[rule]
  const result = entry.result
  if (result.ok && entry.inForceFrom !== null && trigger < entry.inForceFrom) {
    return {
      ok: false,
      policy: result.policy,
      reason: `The rule (${entry.source}) applies from ${longDay(entry.inForceFrom)}; the trigger was on ${longDay(trigger)}`,
    }
  }
  return result
}
