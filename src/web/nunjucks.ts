/**
 * Nunjucks, configured for GOV.UK Frontend and MoJ Frontend templates and our own. Autoescaping is on and user text
 * is never passed to a macro's `html` option (house style §3.4 XSS note): templates only print.
 */
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import { formatCalendarDay, parseCalendarDay } from '../domain/shared/calendar-day.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

let environment: nunjucks.Environment | undefined

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

/**
 * The shared Nunjucks environment.
 * @returns the environment
 */
export function nunjucksEnvironment(): nunjucks.Environment {
  if (environment) {
    return environment
  }
  environment = nunjucks.configure(
    [`${ROOT}src/web`, `${ROOT}node_modules/govuk-frontend/dist`, `${ROOT}node_modules/@ministryofjustice/frontend`],
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  )
  environment.addFilter('day', (value: unknown) => {
    if (typeof value !== 'string') {
      return ''
    }
    const day = parseCalendarDay(value)
    return day ? formatCalendarDay(day) : value
  })
  environment.addFilter('dateTime', (value: unknown) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined
    return date && !Number.isNaN(date.getTime()) ? DATE_TIME.format(date).replace(' at ', ', ') : ''
  })
  return environment
}

/**
 * Renders a template.
 * @param template - path under src/web
 * @param context - the values it prints
 * @returns the HTML
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return nunjucksEnvironment().render(template, context)
}
