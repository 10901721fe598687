/**
 * The earliest day a child's care record may be destroyed (security REL-03, D5), from the facts it depends on.
 *
 * Sources: the Care Planning, Placement and Case Review (England) Regulations 2010 reg 50 — a looked-after child's
 * case record is kept until the 75th anniversary of their birth or, if the child dies before 18, for 15 years
 * beginning with the date of death; the Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations
 * 2005 — an adoption case record is kept for 100 years from the adoption order. The record is kept until the latest
 * of the periods that apply.
 *
 * Where a rule is ambiguous the date resolves later (security REL-03): an anniversary of 29 February falls on
 * 1 March in a common year, but a child born on 29 February counts as 18 on 28 February, so that fewer deaths fall
 * "before 18" and the shorter 15-year period applies to fewer records.
 *
 * The database keeps the same rule in `app_earliest_destruction_on` (0030_security.sql); an integration test
 * proves that the two agree (docs/adr/0044-retention-enforced-in-the-database.md).
 */
import { nthBirthday, type CalendarDay } from '../shared/calendar-day.ts'

/** The facts the retention date depends on. */
export interface RetentionFacts {
  readonly dateOfBirthOn: CalendarDay
  readonly dateOfDeathOn: CalendarDay | null
  /** Days on which adoption orders (not voided) were made for the child. */
  readonly adoptionOrdersMadeOn: readonly CalendarDay[]
}

export type RetentionBasis = 'seventy-fifth-birthday' | 'fifteen-years-after-death' | 'hundred-years-after-adoption'

/** One statutory minimum that applies to a record. */
export interface RetentionMinimum {
  readonly basis: RetentionBasis
  readonly keepUntil: CalendarDay
}

/**
 * A day some whole years later, with 29 February moving to 1 March in a common year (the later reading).
 * @param day - the starting day
 * @param years - how many years later
 * @returns the anniversary
 */
export function anniversaryLater(day: CalendarDay, years: number): CalendarDay {
  return nthBirthday(day, years, '03-01')
}

/**
 * Whether a child died before their 18th birthday (a 29 February birth counts as 18 on 28 February in a common year,
 * the reading under which the longer retention applies).
 * @param facts - date of birth and of death
 * @returns true when the death came before the 18th birthday
 */
export function diedBeforeEighteen(facts: Pick<RetentionFacts, 'dateOfBirthOn' | 'dateOfDeathOn'>): boolean {
  return facts.dateOfDeathOn !== null && facts.dateOfDeathOn < nthBirthday(facts.dateOfBirthOn, 18, '02-28')
}

/**
 * Every statutory minimum that applies to a child's record.
 * @param facts - the facts the rules depend on
 * @returns the minimums, at least one
 */
export function retentionMinimums(facts: RetentionFacts): RetentionMinimum[] {
  const minimums: RetentionMinimum[] = []
  // CPPCR 2010 reg 50(2): 75th birthday, or 15 years beginning with the death of a child who died before 18.
  if (facts.dateOfDeathOn !== null && diedBeforeEighteen(facts)) {
    minimums.push({ basis: 'fifteen-years-after-death', keepUntil: anniversaryLater(facts.dateOfDeathOn, 15) })
  } else {
    minimums.push({ basis: 'seventy-fifth-birthday', keepUntil: anniversaryLater(facts.dateOfBirthOn, 75) })
  }
  // Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005: 100 years from the order.
  for (const madeOn of facts.adoptionOrdersMadeOn) {
    minimums.push({ basis: 'hundred-years-after-adoption', keepUntil: anniversaryLater(madeOn, 100) })
  }
  return minimums
}

/**
 * The earliest day the record may be destroyed: the latest of the statutory minimums that apply.
 * @param facts - the facts the rules depend on
 * @returns the day and the rule that set it
 */
export function earliestDestruction(facts: RetentionFacts): RetentionMinimum {
  return retentionMinimums(facts).reduce((latest, next) => (next.keepUntil > latest.keepUntil ? next : latest))
}
