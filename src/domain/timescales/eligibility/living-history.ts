/**
 * Who the child has lived with, as merged spells per person (rules.md §4 data model): the `livingHistory` list plus
 * every placement with that person as carer. A spell `[from, to)` means the child's home was with the person on every
 * night from `from` to the night before `to`; `to` is the first day away (exclusive), null while it continues.
 *
 * "Ended" for the CA89 s.10(10) three-month tail is the first day away (rules.md §5 T13; §7 Q3;
 * docs/adr/0016-living-history-predicates.md). Temporary absences are not modelled: a gap is a gap (§7 Q3).
 */
import { dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, lastOf } from '../context.ts'

/** A spell of living with one person, as day numbers; `to` null = continuing. */
export interface Spell {
  readonly from: number
  readonly to: number | null
}

/**
 * Spells by person, in order of first appearance (living history, then placements): two lists side by side, the
 * person ids and each one's merged, sorted spells. A child lives with a handful of people, so a scan finds one
 * ({@link spellsOf}) sooner than a Map would, and building the lists costs no hashing and no iterator objects.
 */
export interface SpellsByPerson {
  readonly personIds: readonly string[]
  readonly spells: readonly (readonly Spell[])[]
}

/**
 * Merged, sorted spells for every person the child has lived with (on or before the evaluation day).
 * @param ctx - the context
 * @returns spells by person
 */
export function spellsByPerson(ctx: EvaluationContext): SpellsByPerson {
  // Each person's list is sorted and merged (a merge may extend a spell: they are new objects made here).
  const personIds: string[] = []
  const spells: { from: number; to: number | null }[][] = []
  for (const spell of ctx.history.livingHistory) {
    addSpell(
      personIds,
      spells,
      ctx.asOf,
      spell.personId,
      dayNumberOf(spell.from),
      spell.to === null ? null : dayNumberOf(spell.to),
    )
  }
  for (const p of ctx.placements) {
    if (p.carerId !== null && !p.code.startsWith('T')) {
      addSpell(personIds, spells, ctx.asOf, p.carerId, p.start, p.end)
    }
  }
  for (let i = 0; i < spells.length; i++) {
    const list = spells[i] as { from: number; to: number | null }[]
    if (list.length > 1) {
      spells[i] = merge(list)
    }
  }
  return { personIds, spells }
}

/**
 * One person's spells.
 * @param byPerson - spells by person
 * @param personId - the person
 * @returns their spells, or undefined if the child has not lived with them
 */
export function spellsOf(byPerson: SpellsByPerson, personId: string): readonly Spell[] | undefined {
  const ids = byPerson.personIds
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === personId) {
      return byPerson.spells[i]
    }
  }
  return undefined
}

function merge(list: { from: number; to: number | null }[]): { from: number; to: number | null }[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1] as Spell).from > (list[i] as Spell).from) {
      list.sort(byFrom)
      break
    }
  }
  const out: { from: number; to: number | null }[] = []
  for (const s of list) {
    const last = lastOf(out)
    if (last !== undefined && (last.to === null || s.from <= last.to)) {
      last.to = last.to === null || s.to === null ? null : Math.max(last.to, s.to)
    } else {
      out.push(s)
    }
  }
  return out
}

function byFrom(a: Spell, b: Spell): number {
  return a.from - b.from
}

function addSpell(
  personIds: string[],
  spells: { from: number; to: number | null }[][],
  asOf: number,
  personId: string,
  from: number,
  to: number | null,
): void {
  if (from > asOf) {
    return
  }
  const spell = { from, to: to !== null && to > asOf ? null : to }
  for (let i = 0; i < personIds.length; i++) {
    if (personIds[i] === personId) {
      const list = spells[i] as { from: number; to: number | null }[]
      list.push(spell)
      return
    }
  }
  personIds.push(personId)
  spells.push([spell])
}

/**
 * Nights in `[a, b)` spent in the spells (a continuing spell runs on indefinitely: used for projections).
 * @param spells - merged spells
 * @param a - first night
 * @param b - first day after
 * @returns the number of nights
 */
export function nightsIn(spells: readonly Spell[], a: number, b: number): number {
  let total = 0
  for (const s of spells) {
    const from = Math.max(s.from, a)
    const to = Math.min(s.to ?? Infinity, b)
    if (to > from) {
      total += to - from
    }
  }
  return total
}

/**
 * Whether every night in `[a, b)` was spent in one spell.
 * @param spells - merged spells
 * @param a - first night
 * @param b - first day after
 * @returns true if continuous
 */
export function continuousOver(spells: readonly Spell[], a: number, b: number): boolean {
  return spells.some(s => s.from <= a && (s.to === null || s.to >= b))
}

/**
 * The spell the child is in on a day (living there that night), if any.
 * @param spells - merged spells
 * @param day - the day
 * @returns the spell
 */
export function spellOn(spells: readonly Spell[], day: number): Spell | undefined {
  return spells.find(s => s.from <= day && (s.to === null || s.to > day))
}

/**
 * When living with the person last ended before a day: the first day away, or the day itself while continuing.
 * @param spells - merged spells
 * @param day - the application day
 * @returns the day it ended, or null if never lived there before the day
 */
export function endedOn(spells: readonly Spell[], day: number): number | null {
  let ended: number | null = null
  for (const s of spells) {
    if (s.from >= day) {
      continue
    }
    const end = s.to === null || s.to > day ? day : s.to
    ended = ended === null ? end : Math.max(ended, end)
  }
  return ended
}
