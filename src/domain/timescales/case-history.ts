/**
 * The case-history contract: what the timescale engine needs to know about one child, as JSON.
 *
 * This is the input of `permanence timescales --case FILE` and `POST /api/v1/timescales/evaluate`, documented field
 * by field in docs/case-history.md and published as JSON Schema in schemas/case-history.schema.json (generated from
 * this zod schema; a unit test keeps the two equal). The contract may grow, but only by optional fields: the example
 * in issue 3 must always parse as written.
 *
 * Conventions: dates are ISO `YYYY-MM-DD` civil dates and must be real dates; `end` and `to` are exclusive ("first
 * day away"), `null` meaning still open; legal statuses and placement types are SSDA903 codes
 * (national-returns.md §1.4; src/domain/children/codes.ts). Objects are strict: an unknown key is refused, because
 * a misspelt optional field silently ignored would give a wrong due date.
 */
import { z } from 'zod'
import { LEGAL_STATUSES, PLACEMENT_TYPES, RELATIONSHIP_VALUES } from '../children/codes.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { type DomainError, type Result, domainError, fail, ok } from '../shared/result.ts'

const DATE_MESSAGE = 'Enter a real date in the form YYYY-MM-DD'

/** A real civil date, `YYYY-MM-DD` (2025-02-30 is refused). */
export const CalendarDaySchema = z.iso
  .date({ error: DATE_MESSAGE })
  .transform(value => value as CalendarDay)
  .meta({ id: 'CalendarDay', description: 'A real civil date, YYYY-MM-DD (no time, no time zone).' })

const OpenDay = CalendarDaySchema.nullable()

const LEGAL_STATUS_CODES = Object.values(LEGAL_STATUSES).map(s => s.code) as [string, ...string[]]
const PLACEMENT_CODES = Object.values(PLACEMENT_TYPES).map(p => p.code) as [string, ...string[]]

/** SSDA903 legal-status codes (LS). */
export const LegalStatusCodeSchema = z
  .enum(LEGAL_STATUS_CODES, { error: `Enter an SSDA903 legal status code (${LEGAL_STATUS_CODES.join(', ')})` })
  .meta({ id: 'LegalStatusCode', description: 'SSDA903 legal status (LS), e.g. C1, C2, V2, E1.' })

/** SSDA903 placement-type codes (PLACE). */
export const PlacementTypeCodeSchema = z
  .enum(PLACEMENT_CODES, { error: `Enter an SSDA903 placement type code (${PLACEMENT_CODES.join(', ')})` })
  .meta({ id: 'PlacementTypeCode', description: 'SSDA903 placement type (PLACE), e.g. U4, A6, P1, K2.' })

/** Permanence options across the three authorities' vocabularies (rules.md §3). */
export const PERMANENCE_OPTIONS = [
  'reunification',
  'remain-at-home',
  'kinship-care',
  'child-arrangements-order',
  'special-guardianship-order',
  'adoption',
  'early-permanence',
  'long-term-fostering',
  'staying-put',
  'residential-care',
  'options-being-explored',
] as const

/** How permanence was achieved (the event that stops recurring permanence planning meetings). */
export const PERMANENCE_ROUTES = [
  'reunification',
  'child-arrangements-order',
  'special-guardianship-order',
  'adoption',
  'long-term-fostering',
  'staying-put',
  'other',
] as const

const Extension = z.strictObject({
  grantedOn: CalendarDaySchema.describe('Day the extension was granted.'),
  weeks: z.int().positive().describe('Length of the extension in weeks (s.32(8): at most 8).'),
})

const DatedEvent = z.strictObject({ date: CalendarDaySchema })

/** One child's history, as the engine reads it. */
export const CaseHistorySchema = z
  .strictObject({
    child: z.strictObject({
      dateOfBirth: CalendarDaySchema,
      isDisabled: z.boolean().optional().describe('Disabled child (private fostering runs to 18, not 16).'),
      hasMarriedOrFormedCivilPartnership: z.boolean().optional(),
    }),
    asOf: CalendarDaySchema.optional().describe('Evaluate as at this day; events after it are ignored.'),
    periodsOfCare: z.array(
      z.strictObject({
        start: CalendarDaySchema.describe('Day the child became looked after.'),
        end: OpenDay.describe('First day no longer looked after; null while looked after.'),
        legalStatus: LegalStatusCodeSchema.describe('Legal status at the start of the period.'),
        legalStatusChanges: z
          .array(z.strictObject({ on: CalendarDaySchema, legalStatus: LegalStatusCodeSchema }))
          .optional()
          .describe('Later changes of legal status within the period.'),
      }),
    ),
    placements: z.array(
      z.strictObject({
        start: CalendarDaySchema,
        end: OpenDay,
        placementType: PlacementTypeCodeSchema,
        carerId: z.string().min(1).nullable().optional().describe('The carer, usually an id in `people`.'),
        intendedUntil18: z.boolean().optional().describe('Placement intended to last until the child is 18.'),
        placementPlanOn: OpenDay.optional().describe('Day the placement plan was agreed (CP-03).'),
        isWithParentBeforeAssessment: z
          .boolean()
          .optional()
          .describe('Placed with a parent before the reg 19 assessment is complete (VIS-03).'),
        connectedPersonApproval: z
          .strictObject({
            temporaryApprovalOn: CalendarDaySchema.describe('Start of reg 24 temporary approval (CON-01).'),
            extensions: z.array(Extension).optional().describe('Reg 25 extensions (CON-02).'),
            untilReviewOutcome: z.boolean().optional().describe('Extended to the outcome of an IRM review.'),
            fullApprovalOn: OpenDay.optional().describe('Day approved as a foster carer after assessment.'),
          })
          .optional(),
      }),
    ),
    reviews: z.array(
      z.strictObject({
        date: CalendarDaySchema,
        broughtForward: z.boolean().optional().describe('Held early under CPPCR reg 33(3) (REV-04).'),
        broughtForwardReason: z
          .enum(['iro-request', 'regulation-30', 'remand-ending', 'ceasing-accommodation', 'other'])
          .optional(),
        stayingPutConsidered: z.boolean().optional().describe('The review considered Staying Put (REV-05).'),
      }),
    ),
    visits: z.array(DatedEvent).optional().describe('Statutory social-worker visits to the child.'),
    carePlans: z.array(DatedEvent).optional().describe('Days a care plan was completed (CP-01).'),
    permanenceMeetings: z.array(
      z.strictObject({
        date: CalendarDaySchema,
        nextBookedOn: OpenDay.optional().describe('Next PPM booked before this one closed (PP-07).'),
      }),
    ),
    permanencePlans: z.array(
      z.strictObject({
        sentToManagerOn: OpenDay,
        meetingOn: OpenDay,
        endorsedOn: OpenDay,
        ratifiedAtReviewOn: OpenDay,
        option: z.enum(PERMANENCE_OPTIONS),
        notReasonablyPracticableToReviewFirst: z
          .boolean()
          .optional()
          .describe('A change of option could not reasonably wait for a review (CPPCR reg 32(2); PP-08).'),
      }),
    ),
    proceedings: z.array(
      z.strictObject({
        issuedOn: CalendarDaySchema,
        extensions: z.array(Extension),
        finalCarePlanFilingOn: OpenDay,
        concludedOn: OpenDay,
      }),
    ),
    adoption: z
      .strictObject({
        shouldBePlacedDecisionOn: OpenDay.optional(),
        placementOrderOn: OpenDay.optional(),
        consentToPlacementOn: OpenDay.optional().describe('Authority to place by parental consent (ACA s.19).'),
        matchedOn: OpenDay.optional(),
        placedForAdoptionOn: OpenDay.optional(),
        disruptedOn: OpenDay.optional().describe('The adoptive placement ended before an order.'),
        adoptionOrderOn: OpenDay.optional(),
        adoptersPersonIds: z.array(z.string().min(1)).optional(),
        adoptedByFosterCarers: z.boolean().optional().describe('Adopters were the child’s foster carers (A10).'),
      })
      .nullable()
      .optional(),
    healthAssessments: z.array(z.strictObject({ date: CalendarDaySchema, kind: z.enum(['initial', 'review']) })),
    personalEducationPlans: z.array(DatedEvent).optional().describe('Days a PEP was completed (EDU-01).'),
    contactSuspensions: z.array(
      z.strictObject({
        start: CalendarDaySchema,
        end: OpenDay.describe('First day contact resumed; null while suspended.'),
        courtOrderOn: OpenDay.optional().describe('Day a s.34(4) order authorised refusal.'),
      }),
    ),
    people: z.array(
      z.strictObject({
        id: z.string().min(1),
        relationship: z.enum(RELATIONSHIP_VALUES),
        isLocalAuthorityFosterParent: z.boolean(),
        holdsParentalResponsibility: z.boolean(),
        dateOfBirth: CalendarDaySchema.optional(),
        isGuardian: z.boolean().optional(),
        isSpecialGuardian: z.boolean().optional(),
        isNamedInLivesWithOrder: z.boolean().optional().describe('Named in a "lives with" CAO for the child.'),
        isMarriedToOrCivilPartnerOfParent: z.boolean().optional(),
        wasLocalAuthorityFosterParentUntil: OpenDay.optional().describe('Last day as the child’s LA foster parent.'),
      }),
    ),
    livingHistory: z.array(
      z.strictObject({
        personId: z.string().min(1),
        from: CalendarDaySchema,
        to: OpenDay.describe('First day away (exclusive); null if the child still lives there.'),
      }),
    ),
    sgoNotices: z
      .array(z.strictObject({ personId: z.string().min(1), givenOn: CalendarDaySchema }))
      .optional()
      .describe('Written notice to the local authority of an intended SGO application (CA89 s.14A(7)).'),
    adoptionNotices: z
      .array(z.strictObject({ personId: z.string().min(1), givenOn: CalendarDaySchema }))
      .optional()
      .describe('Notice of intention to adopt in a non-agency case (ACA s.44).'),
    privateFostering: z
      .array(
        z.strictObject({
          carerId: z.string().min(1),
          arrangementStartedOn: CalendarDaySchema,
          notifiedOn: CalendarDaySchema.describe('Day the local authority became aware.'),
          endedOn: OpenDay.optional(),
          intendedDays: z.int().positive().optional(),
          visits: z.array(DatedEvent).optional(),
        }),
      )
      .optional(),
    childAndFamilyAssessments: z
      .array(z.strictObject({ completedOn: CalendarDaySchema }))
      .optional()
      .describe('Completed child and family assessments (PP-10).'),
    policyEvents: z
      .array(
        z.strictObject({
          kind: z.enum(['legal-gateway', 'permanence-panel', 'pre-birth-assessment']),
          date: CalendarDaySchema,
          bookedOn: OpenDay.optional(),
        }),
      )
      .optional()
      .describe('Local meetings that trigger a permanence planning meeting (Tameside PP-06).'),
    stayingPutDiscussions: z.array(DatedEvent).optional().describe('Staying Put discussed with child and carer.'),
    longTermFostering: z
      .strictObject({ matchedOn: OpenDay.optional(), designatedOn: OpenDay.optional(), carerId: z.string().optional() })
      .nullable()
      .optional(),
    careLeaverNeedsAssessments: z
      .array(z.strictObject({ completedOn: CalendarDaySchema }))
      .optional()
      .describe('Needs assessments of an eligible child (CL-01).'),
    permanenceAchieved: z
      .strictObject({ on: CalendarDaySchema, route: z.enum(PERMANENCE_ROUTES) })
      .nullable()
      .optional(),
  })
  .superRefine((history, ctx) => {
    const ends = (
      items: readonly { start?: string; from?: string; end?: string | null; to?: string | null }[],
      key: string,
    ): void => {
      items.forEach((item, index) => {
        const start = item.start ?? item.from
        const end = item.end ?? item.to
        if (start !== undefined && end !== undefined && end !== null && end <= start) {
          ctx.addIssue({
            code: 'custom',
            message: 'The end must be after the start (end is the first day away)',
            path: [key, index, item.end === undefined ? 'to' : 'end'],
          })
        }
      })
    }
    ends(history.periodsOfCare, 'periodsOfCare')
    ends(history.placements, 'placements')
    ends(history.contactSuspensions, 'contactSuspensions')
    ends(history.livingHistory, 'livingHistory')
    const periods = [...history.periodsOfCare].map((p, index) => ({ ...p, index }))
    periods.sort((a, b) => (a.start < b.start ? -1 : 1))
    for (let i = 1; i < periods.length; i++) {
      const previous = periods[i - 1]
      const current = periods[i]
      if (previous !== undefined && current !== undefined && (previous.end === null || previous.end > current.start)) {
        ctx.addIssue({
          code: 'custom',
          message: 'Periods of care must not overlap',
          path: ['periodsOfCare', current.index, 'start'],
        })
      }
    }
    const personIds = new Set(history.people.map(p => p.id))
    const checkPerson = (id: string, path: (string | number)[]): void => {
      if (!personIds.has(id)) {
        ctx.addIssue({ code: 'custom', message: `No person with id "${id}" in people`, path })
      }
    }
    history.livingHistory.forEach((spell, i) => checkPerson(spell.personId, ['livingHistory', i, 'personId']))
    history.sgoNotices?.forEach((n, i) => checkPerson(n.personId, ['sgoNotices', i, 'personId']))
    history.adoptionNotices?.forEach((n, i) => checkPerson(n.personId, ['adoptionNotices', i, 'personId']))
    history.privateFostering?.forEach((a, i) => checkPerson(a.carerId, ['privateFostering', i, 'carerId']))
    const seen = new Set<string>()
    history.people.forEach((p, i) => {
      if (seen.has(p.id)) {
        ctx.addIssue({ code: 'custom', message: `Person id "${p.id}" is used twice`, path: ['people', i, 'id'] })
      }
      seen.add(p.id)
    })
  })
  .meta({
    id: 'CaseHistory',
    title: 'Permanence Planner case history',
    description: 'One child’s history for the timescale engine (docs/case-history.md).',
  })

/** A parsed case history (dates are CalendarDay). */
export type CaseHistory = z.infer<typeof CaseHistorySchema>

/** The JSON form a case history is written in (dates as plain strings). */
export type CaseHistoryInput = z.input<typeof CaseHistorySchema>

/**
 * Checks and parses a decoded JSON case history.
 * @param json - the decoded JSON
 * @returns the case history, or every problem, each with its field path and a message
 */
export function parseCaseHistory(json: unknown): Result<CaseHistory, DomainError> {
  const result = CaseHistorySchema.safeParse(json)
  if (result.success) {
    return ok(result.data)
  }
  return fail(
    ...result.error.issues.map(issue =>
      domainError(
        issue.code,
        issue.path.map(p => (typeof p === 'symbol' ? String(p) : p)),
        {
          message: issue.message,
        },
      ),
    ),
  )
}

/**
 * Writes a field path the way people read it: `placements[0].start`.
 * @param path - the path segments
 * @returns the dotted path, or `(root)` for the whole document
 */
export function formatFieldPath(path: readonly (string | number)[]): string {
  if (path.length === 0) {
    return '(root)'
  }
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`,
    '',
  )
}

/**
 * The JSON Schema for the case history (draft 2020-12), as committed in schemas/case-history.schema.json.
 * @returns the schema object
 */
export function caseHistoryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CaseHistorySchema, { io: 'input', target: 'draft-2020-12' })
}
