/**
 * Reading the planning forms: nested field names (`options[2][ruledOutOn][day]`), GOV.UK date inputs (day, month,
 * year), checkboxes and "add another" rows; and turning every error — from the form, the input schema or the domain
 * rules — into the GOV.UK error summary and field messages, linked to the field by its id (house style §3.3).
 *
 * Every answer is kept when a form comes back with errors (WCAG 2.2 3.3.7): templates render from the raw form values,
 * which a stored record is first turned into ({@link toFormDate}).
 */
import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { ConflictError, RuleViolationError, StaleVersionError } from '../../app/shared/errors.ts'
import { formatMessage } from '../../domain/plans/plan-messages.ts'
import { parseCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { DomainError } from '../../domain/shared/result.ts'
import { fieldErrorsFromZod, type FieldLabel } from '../../domain/shared/input.ts'
import { messageFor } from '../../http/error-messages.ts'

/** A nested form value: text, a list, or a group of fields. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

/** One error for the summary and its field. */
export interface PageError {
  readonly text: string
  readonly href: string
}

/**
 * The form post as a nested object: `a[0][b]` becomes `{ a: [{ b }] }`; a repeated name (checkboxes) a list.
 * @param request - the request (url-encoded body)
 * @returns the nested values
 */
export function nestedForm(request: FastifyRequest): FormObject {
  const body = (request.body ?? {}) as Record<string, unknown>
  const root: FormObject = {}
  for (const [key, raw] of Object.entries(body)) {
    if (key === '_csrf') {
      continue
    }
    // GOV.UK date inputs name their boxes `<prefix>-day`, `-month`, `-year`: read them as `<prefix>[day]`.
    const named = key.replace(/\]-(day|month|year)$/, '][$1]').replace(/^([^[\]]+)-(day|month|year)$/, '$1[$2]')
    const segments = named.replace(/\]/g, '').split('[')
    const isList = segments.at(-1) === ''
    const path = isList ? segments.slice(0, -1) : segments
    const value: FormValue = Array.isArray(raw)
      ? raw.map(item => String(item))
      : isList
        ? [String(raw)]
        : typeof raw === 'string'
          ? raw
          : String(raw)
    let node: { [key: string]: FormValue } | FormValue[] = root
    path.forEach((segment, index) => {
      const last = index === path.length - 1
      const container = node as Record<string, FormValue>
      if (last) {
        container[segment] = value
        return
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]!)
      container[segment] ??= nextIsIndex ? [] : {}
      node = container[segment] as FormObject
    })
  }
  return root
}

/** Text from a form value ('' when absent or not text). */
export function text(value: FormValue | undefined): string {
  return typeof value === 'string' ? value : ''
}

/** A group of fields from a form value (empty when absent). */
export function group(value: FormValue | undefined): FormObject {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/** A list of strings from a form value (checkboxes). */
export function list(value: FormValue | undefined): string[] {
  if (typeof value === 'string') {
    return value === '' ? [] : [value]
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : []
}

/** The rows of an "add another" list, in index order (gaps dropped). */
export function rows(value: FormValue | undefined): FormObject[] {
  if (Array.isArray(value)) {
    return value.filter((item): item is FormObject => typeof item === 'object' && !Array.isArray(item))
  }
  // Rows posted as `a[3][x]` with no `a[0]` arrive as a sparse list; an object keyed by numbers is read in order.
  const object = group(value)
  return Object.keys(object)
    .filter(key => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map(key => group(object[key]))
}

/** A date as the GOV.UK date input shows it. */
export type FormDate = { day: string; month: string; year: string }

/**
 * A stored date as the three boxes of a date input.
 * @param day - the date, or null
 * @returns the boxes
 */
export function toFormDate(day: string | null | undefined): FormDate {
  if (!day) {
    return { day: '', month: '', year: '' }
  }
  const [year, month, date] = day.split('-')
  return { day: String(Number(date)), month: String(Number(month)), year: year ?? '' }
}

/** What reading a date input found: a day, nothing, or a problem with its message. */
export type DateReading = { ok: true; value: CalendarDay | null } | { ok: false; message: string }

/**
 * Reads a GOV.UK date input (house style §3.3, design system "dates" pattern).
 * @param value - the posted `{ day, month, year }`
 * @param label - the date's name in a sentence, e.g. "the date the option was ruled out"
 * @returns the day, null when all three boxes are empty, or the message
 */
export function readDate(value: FormValue | undefined, label: string): DateReading {
  const parts = group(value)
  const day = text(parts.day).trim()
  const month = text(parts.month).trim()
  const year = text(parts.year).trim()
  if (day === '' && month === '' && year === '') {
    return { ok: true, value: null }
  }
  const missing = [day === '' ? 'day' : null, month === '' ? 'month' : null, year === '' ? 'year' : null].filter(
    (part): part is string => part !== null,
  )
  if (missing.length > 0) {
    return { ok: false, message: `${capitalise(label)} must include a ${missing.join(' and ')}` }
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${capitalise(label)} must be a real date, for example 27 3 2026` }
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const parsed = parseCalendarDay(iso)
  return parsed ? { ok: true, value: parsed } : { ok: false, message: `${capitalise(label)} must be a real date` }
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The id of the field a path names: `['content', 'options', 2, 'ruledOutOn']` → `options-2-ruledOutOn`.
 * @param path - the path, from a schema or a domain rule
 * @returns the id (the date input's day box for a date)
 */
export function fieldId(path: readonly (string | number)[]): string {
  const parts = path.map(String).filter(part => part !== 'content' && part !== '')
  const id = parts.join('-').replace(/\./g, '-') || 'main-content'
  return /On$/.test(parts.at(-1) ?? '') ? `${id}-day` : id
}

/** Collects errors in the order found, one per field (the first message for a field wins). */
export class ErrorList {
  readonly #errors: PageError[] = []

  /**
   * Adds an error against a field.
   * @param id - the field's id (its date input's day box for a date)
   * @param message - what to do
   */
  add(id: string, message: string): void {
    const href = `#${this.#fields === null || this.#fields.has(id) ? id : 'main-content'}`
    if (!this.#errors.some(error => error.href === href && (error.text === message || href !== '#main-content'))) {
      this.#errors.push({ text: message, href })
    }
  }

  /**
   * Limits the fields errors can point at (a short form shows only some of the plan): an error about any other field
   * points at the page's main content instead of a link to nowhere.
   * @param ids - the ids of the fields on the page
   * @returns this list
   */
  onlyFields(ids: readonly string[]): this {
    this.#fields = new Set(ids)
    return this
  }

  #fields: Set<string> | null = null

  /**
   * Names the fields in the rules' messages about dates: "The date must be today or in the past" becomes "Date of
   * the session must be today or in the past" for a field the labels name (GOV.UK: say which date is wrong).
   * @param labels - the form's field labels, by the last part of a field's path
   * @returns this list
   */
  withLabels(labels: Readonly<Record<string, FieldLabel>>): this {
    this.#labels = labels
    return this
  }

  #labels: Readonly<Record<string, FieldLabel>> = {}

  /** Adds each domain error against the field its path names. */
  addDomainErrors(errors: readonly DomainError[], pathPrefix: readonly (string | number)[] = []): void {
    for (const error of errors) {
      const message = formatMessage(messageFor(error.code), error.params)
      const field = error.path.at(-1)
      const name =
        typeof field === 'string' && Object.hasOwn(this.#labels, field) ? this.#labels[field]?.name : undefined
      this.add(
        fieldId([...pathPrefix, ...error.path]),
        name === undefined ? message : message.replace(/^The (end )?date /, `${name} `),
      )
    }
  }

  /** Adds the issues of a failed schema parse against their fields. */
  addSchemaErrors(error: z.ZodError, labels: Readonly<Record<string, FieldLabel>> = {}): void {
    for (const issue of fieldErrorsFromZod(error, labels)) {
      this.add(fieldId(issue.path.split('.')), issue.message)
    }
  }

  get isEmpty(): boolean {
    return this.#errors.length === 0
  }

  /** The errors for the summary. */
  get all(): readonly PageError[] {
    return this.#errors
  }

  /** The errors by field id, as GOV.UK components take them (`errorMessage: { text }`). */
  get byField(): Record<string, { text: string }> {
    const fields: Record<string, { text: string }> = {}
    for (const error of this.#errors) {
      fields[error.href.slice(1)] ??= { text: error.text }
    }
    return fields
  }
}

/**
 * Turns a refusal from a use case into form errors, or rethrows what is not a refusal (not found, forbidden …).
 * @param error - what the use case threw
 * @param errors - where to add them
 * @param staleMessage - what to say when someone else changed the record first
 * @param pathPrefix - a prefix for the domain errors' paths
 * @returns the audit outcome of the refusal
 */
export function collectRefusal(
  error: unknown,
  errors: ErrorList,
  staleMessage: string,
  pathPrefix: readonly (string | number)[] = [],
): 'invalid' | 'conflict' {
  if (error instanceof RuleViolationError) {
    errors.addDomainErrors(error.errors, pathPrefix)
    return 'invalid'
  }
  if (error instanceof StaleVersionError) {
    errors.add('main-content', staleMessage)
    return 'conflict'
  }
  if (error instanceof ConflictError) {
    errors.addDomainErrors(error.errors, pathPrefix)
    return 'conflict'
  }
  throw error
}

/**
 * The hidden version field of a form, as a number (NaN when missing or not a number, which any row version refuses).
 * @param form - the form
 * @param name - the field
 * @returns the version
 */
export function formVersion(form: FormObject, name = 'rowVersion'): number {
  const value = text(form[name])
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
}

/**
 * Which button submitted the form (`_action`), for "add another" and "remove" buttons that re-render without saving.
 * @param form - the form
 * @returns the action, or '' for the main button
 */
export function formAction(form: FormObject): string {
  return text(form._action)
}
