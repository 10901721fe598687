/**
 * Building blocks for input schemas (zod) and the conversion of zod's issues into field errors that name the field
 * and what is wrong, in GOV.UK error-message style (house style §6.4; design system "error message" guidance).
 * Adapters (API, web forms, CLI) parse every input with these before anything reaches a use case.
 */
import { z } from 'zod'
import { parseCalendarDay, type CalendarDay } from './calendar-day.ts'

/** A field error as the API returns it: `{ path, code, message }`. */
export interface FieldError {
  readonly path: string
  readonly code: string
  readonly message: string
}

/** A date-only value: a real date written `YYYY-MM-DD`. */
export const daySchema = z
  .string({ error: issue => (issue.input === undefined || issue.input === null ? 'required' : 'invalid-date') })
  .refine(value => parseCalendarDay(value) !== undefined, { params: { code: 'invalid-date' } })
  .transform(value => value as CalendarDay)

/**
 * Text, trimmed, required, at most `max` characters.
 * @param max - the most characters allowed
 * @returns the schema
 */
export function textSchema(max: number) {
  return z
    .string({ error: 'required' })
    .transform(value => value.trim())
    .pipe(z.string().min(1, { error: 'required' }).max(max, { error: 'too-long' }))
}

/**
 * Optional text: blank becomes null.
 * @param max - the most characters allowed
 * @returns the schema
 */
export function optionalTextSchema(max: number) {
  return z
    .string({ error: 'invalid-type' })
    .nullish()
    .transform(value => {
      const trimmed = value?.trim() ?? ''
      return trimmed === '' ? null : trimmed
    })
    .pipe(z.string().max(max, { error: 'too-long' }).nullable())
}

/** An optional date: blank or null becomes null. */
export const optionalDaySchema = z
  .union([z.literal(''), daySchema])
  .nullish()
  .transform(value => (value === '' || value === undefined || value === null ? null : value))

/**
 * One of a fixed set of values.
 * @param values - the allowed values
 * @returns the schema
 */
export function choiceSchema<T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values, {
    error: issue => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid-option'),
  })
}

/** A UUID reference. */
export const idSchema = z.uuid({ error: 'invalid-id' })

/** A reason for a change or a void: required, 3 to 500 characters. */
export const reasonSchema = z
  .string({ error: 'required' })
  .transform(value => value.trim())
  .pipe(z.string().min(3, { error: 'too-short' }).max(500, { error: 'too-long' }))

/** How a field is named in messages, and whether it is chosen (select/radios) or typed. */
export interface FieldLabel {
  /** Noun phrase used after "Enter" / "Select", e.g. "the child's date of birth". */
  readonly noun: string
  /** Capitalised name used at the start of a sentence, e.g. "Date of birth". */
  readonly name: string
  readonly isChoice?: boolean
}

const CODE_BY_ZOD: Record<string, string> = {
  invalid_type: 'invalid-type',
  too_small: 'too-short',
  too_big: 'too-long',
  invalid_value: 'invalid-option',
  invalid_format: 'invalid-format',
  unrecognized_keys: 'unknown-field',
  invalid_union: 'invalid-type',
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') {
    const params = (issue as { params?: { code?: string } }).params
    return params?.code ?? 'invalid'
  }
  if (issue.message && /^[a-z-]+$/.test(issue.message) && issue.message.length < 40) {
    return issue.message
  }
  // A number out of range is not "too long": it is too small or too large.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && 'origin' in issue && issue.origin === 'number') {
    return issue.code === 'too_small' ? 'too-small' : 'too-large'
  }
  return CODE_BY_ZOD[issue.code] ?? 'invalid'
}

function sentenceFor(code: string, label: FieldLabel, issue: z.core.$ZodIssue): string {
  switch (code) {
    case 'required':
      return label.isChoice ? `Select ${label.noun}` : `Enter ${label.noun}`
    case 'invalid-date':
      return `${label.name} must be a real date, written as day, month and year`
    case 'too-long': {
      const max = 'maximum' in issue ? Number(issue.maximum) : undefined
      return max === undefined ? `${label.name} is too long` : `${label.name} must be ${max} characters or fewer`
    }
    case 'too-short': {
      const min = 'minimum' in issue ? Number(issue.minimum) : undefined
      return min === undefined ? `${label.name} is too short` : `${label.name} must be at least ${min} characters`
    }
    case 'not-whole-number':
      return `${label.name} must be a whole number`
    case 'too-small':
      return `${label.name} must be ${'minimum' in issue ? Number(issue.minimum) : 0} or more`
    case 'too-large':
      return `${label.name} must be ${'maximum' in issue ? Number(issue.maximum) : 0} or fewer`
    case 'invalid-option':
      return `Select ${label.noun} from the list`
    case 'invalid-id':
      return `Select ${label.noun} from the list`
    case 'unknown-field':
      return `${label.name} is not a field that can be set here`
    case 'invalid-type':
      return `${label.name} must be ${expectedOf(issue)}`
    default:
      return `Check ${label.noun}`
  }
}

function expectedOf(issue: z.core.$ZodIssue): string {
  const expected = 'expected' in issue ? String(issue.expected) : ''
  switch (expected) {
    case 'boolean':
      return 'yes or no (true or false)'
    case 'number':
    case 'int':
      return 'a number'
    case 'array':
      return 'a list'
    case 'object':
      return 'an object'
    default:
      return 'text'
  }
}

function humanise(key: string): FieldLabel {
  const words = key
    .replace(/On$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return { noun: `the ${words}`, name: words.charAt(0).toUpperCase() + words.slice(1) }
}

/**
 * Converts zod issues into field errors, one per issue, each naming the field and the problem.
 * @param error - the zod error
 * @param labels - how fields are named, by dotted path or by last key; unknown fields are humanised
 * @returns the field errors
 */
export function fieldErrorsFromZod(error: z.ZodError, labels: Readonly<Record<string, FieldLabel>> = {}): FieldError[] {
  return error.issues.flatMap(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => {
        const path = [...issue.path, key].join('.')
        return { path, code: 'unknown-field', message: `${key} is not a field that can be set here` }
      })
    }
    const path = issue.path.map(String).join('.')
    const lastKey = [...issue.path].reverse().find(p => typeof p === 'string') ?? 'value'
    const label = labels[path] ?? labels[lastKey] ?? humanise(lastKey)
    const code = codeOf(issue)
    return [{ path, code, message: sentenceFor(code, label, issue) }]
  })
}

/**
 * Parses input with a schema, returning either the typed value or field errors.
 * @param schema - the zod schema
 * @param input - the raw input
 * @param labels - field labels for messages
 * @returns the parsed value or the errors
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Readonly<Record<string, FieldLabel>> = {},
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  const parsed = schema.safeParse(input)
  if (parsed.success) {
    return { ok: true, value: parsed.data }
  }
  return { ok: false, errors: fieldErrorsFromZod(parsed.error, labels) }
}
