/**
 * The dated events a demo child's timescales count — statutory visits, care and placement plans, health
 * assessments, PEPs — mostly on time, late for children whose journey is "drifting", so that the demo shows both.
 */
import type { CareEvent, CareEventKind, CareRecord } from '../../domain/children/care-record.ts'
import { addCalendarDays, addCalendarMonths, ageInYears, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Journey } from './generate-demo-authority.ts'
import type { Random } from './random.ts'

/**
 * Events for one child's record.
 * @param random - the seeded random source
 * @param record - the child's record (periods, placements)
 * @param journey - the child's journey (drifting children get late events)
 * @param today - the day the data is as of
 * @returns the events, in date order
 */
export function generateDemoEvents(
  random: Random,
  record: CareRecord,
  journey: Journey,
  today: CalendarDay,
): CareEvent[] {
  const isDrifting = journey === 'drifting'
  const events: CareEvent[] = []
  const add = (kind: CareEventKind, on: CalendarDay, placementId: string | null = null) => {
    if (on <= today && on >= record.child.dateOfBirthOn) {
      events.push({ id: random.uuid(), version: 1, kind, occurredOn: on, placementId, notes: null })
    }
  }
  for (const period of record.periodsOfCare) {
    const end = period.endedOn ?? addCalendarDays(today, 1)
    add('care-plan', addCalendarDays(period.startedOn, random.int(0, isDrifting ? 20 : 9)))
    let health = addCalendarDays(period.startedOn, random.int(10, isDrifting ? 60 : 27))
    add('health-assessment-initial', health)
    while (true) {
      const isUnderFive = ageInYears(record.child.dateOfBirthOn, health) < 5
      health = addCalendarDays(addCalendarMonths(health, isUnderFive ? 6 : 12), random.int(-20, isDrifting ? 60 : 5))
      if (health >= end) {
        break
      }
      add('health-assessment-review', health)
    }
    if (ageInYears(record.child.dateOfBirthOn, period.startedOn) >= 4) {
      let pep = addCalendarDays(period.startedOn, random.int(3, isDrifting ? 40 : 18))
      while (pep < end) {
        add('personal-education-plan', pep)
        pep = addCalendarDays(addCalendarMonths(pep, 4), random.int(-10, isDrifting ? 50 : 10))
      }
    }
  }
  // Eligible children (16 or over, looked after 13 weeks since 14) get their needs assessment (CL-01).
  const sixteenth = addCalendarMonths(record.child.dateOfBirthOn, 16 * 12)
  const openPeriod = record.periodsOfCare.find(p => p.endedOn === null)
  if (openPeriod && sixteenth <= today) {
    const from = openPeriod.startedOn > sixteenth ? addCalendarDays(openPeriod.startedOn, 91) : sixteenth
    add('care-leaver-needs-assessment', addCalendarDays(from, random.int(20, isDrifting ? 120 : 80)))
    add('staying-put-discussion', addCalendarDays(from, random.int(10, 60)))
  }
  for (const placement of record.placements) {
    const end = placement.endedOn ?? addCalendarDays(today, 1)
    add('placement-plan', addCalendarDays(placement.startedOn, random.int(0, isDrifting ? 12 : 4)), placement.id)
    let visit = addCalendarDays(placement.startedOn, random.int(1, isDrifting ? 12 : 6))
    while (visit < end) {
      add('statutory-visit', visit)
      const gap = placement.isIntendedUntilEighteen ? random.int(60, 88) : random.int(28, isDrifting ? 62 : 41)
      visit = addCalendarDays(visit, gap)
    }
  }
  return events.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0))
}

/**
 * Marks the first statutory review after the 16th birthday as having considered Staying Put (REV-05), as most
 * reviews do; drifting children's reviews do not.
 * @param record - the child's record
 * @param journey - the child's journey
 * @returns the reviews, marked
 */
export function markStayingPutReviews(record: CareRecord, journey: Journey): CareRecord['reviews'] {
  if (journey === 'drifting') {
    return record.reviews
  }
  const sixteenth = addCalendarMonths(record.child.dateOfBirthOn, 16 * 12)
  const first = record.reviews.find(r => r.heldOn >= sixteenth)
  return record.reviews.map(r => (r === first ? { ...r, consideredStayingPut: true } : r))
}
