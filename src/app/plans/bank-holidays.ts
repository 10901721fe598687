import type { Tx } from '../../db/client.ts'
import { addCalendarDays, isoWeekday, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { loadCalendar } from '../timescales/timescale-settings.ts'

/**
 * The bank holidays around a planning meeting, for the one planning rule that may count working days: a plan sent to
 * the team manager `n` working days before the PPM (rules.md PP-03, §5 T6; docs/adr/0024). Read from the timescale
 * engine's calendar (the built-in England and Wales table with any gov.uk files imported over it), so the plan and
 * the engine agree on what a working day is.
 * @param tx - the transaction
 * @param meetingOn - the day of the meeting
 * @returns the weekdays that are not working days in the 120 days before it (and the week after)
 */
export async function bankHolidaysAround(tx: Tx, meetingOn: CalendarDay): Promise<CalendarDay[]> {
  const calendar = await loadCalendar(tx)
  const holidays: CalendarDay[] = []
  for (let offset = -120; offset <= 7; offset += 1) {
    const day = addCalendarDays(meetingOn, offset)
    if (isoWeekday(day) <= 5 && !calendar.isWorkingDay(day)) {
      holidays.push(day)
    }
  }
  return holidays
}
