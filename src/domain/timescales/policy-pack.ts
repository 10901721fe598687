/**
 * Policy packs: every period the engine uses, as data, per authority and effective-dated (rules.md §3; T19).
 *
 * A pack is plain JSON. The national pack defines every rule; a local pack `extends` it and may change only the
 * locally set rules (the permanence-planning rules PP-*, REV-05 Staying Put timing, LTF-03) and the due-soon window.
 * Statutory periods and the leap-day birthday convention are national: a local pack that tries to change them is
 * refused. A local pack may add `actions` to any rule (e.g. Dorset: update the QARO before suspending contact).
 *
 * Versions: each version applies from its `effectiveFrom`; a version replaces whole rule settings (not single
 * fields), so each rule's setting can be read on its own. Rules are evaluated with the version in force on their
 * trigger date (rules.md §5 T19). A rule may also carry `inForceFrom`: triggers before it are not-applicable (CPPCR
 * from 1 April 2011; the 26-week limit for applications issued from 22 April 2014).
 *
 * Every period has an explicit unit. Where the source gives a number without a unit, the pack states the reading it
 * takes, sets `unitConfirmed: false` and quotes the source, so the UI can say "a setting your authority must
 * confirm" (rules.md §5 T6; docs/adr/0013-unconfirmed-local-units.md).
 */
import { z } from 'zod'
import { type CalendarDay } from '../shared/calendar-day.ts'
import { dayNumberOf } from '../deadlines/day-format.ts'
import { type DomainError, type Result, domainError, fail, ok } from '../shared/result.ts'
import { PERIOD_UNITS } from '../deadlines/period.ts'
import { CalendarDaySchema, LegalStatusCodeSchema } from './case-history.ts'
import type { RuleId } from './rule-ids.ts'

/** A period with an explicit unit, as written in a pack. */
export const PolicyPeriodSchema = z.strictObject({
  n: z.int().positive(),
  unit: z.enum(PERIOD_UNITS),
  countTriggerDay: z.boolean().optional().describe('"Beginning with": the trigger day is day 1.'),
  unitConfirmed: z.boolean().optional().describe('false when the source gives no unit and this is our reading.'),
  quote: z.string().optional().describe('The source wording, when the reading needs confirming.'),
})

/** A period in a pack. */
export type PolicyPeriod = z.infer<typeof PolicyPeriodSchema>

const base = {
  enabled: z.boolean(),
  source: z.string().min(1).describe('Citation shown with every item, e.g. "CPPCR 2010 reg 33(1)".'),
  inForceFrom: CalendarDaySchema.optional().describe('Triggers before this day are not-applicable.'),
  quote: z.string().optional(),
  readingConfirmed: z.boolean().optional().describe('false when the authority must confirm how we read its text.'),
  note: z.string().optional(),
}

function rule<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...base, ...shape })
}

const simple = rule({ period: PolicyPeriodSchema })

/** Settings of every rule, keyed by rules.md ID. */
export const RuleSettingsSchema = z.strictObject({
  'CP-01': simple,
  'CP-03': simple,
  'REV-01': simple,
  'REV-02': simple,
  'REV-03': simple,
  'REV-04': rule({}),
  'REV-05': rule({
    age: z.int().positive(),
    fosterCareOnly: z.boolean(),
    targetBeforeBirthday: z.boolean().describe('Tameside: discuss "ideally before 16".'),
  }),
  'VIS-01': rule({
    first: PolicyPeriodSchema,
    firstYearInterval: PolicyPeriodSchema,
    laterInterval: PolicyPeriodSchema,
    laterIntervalIfIntendedUntil18: PolicyPeriodSchema,
  }),
  'VIS-03': rule({ untilFirstReview: PolicyPeriodSchema, afterFirstReview: PolicyPeriodSchema }),
  'VIS-04': rule({ untilFirstReview: PolicyPeriodSchema, afterFirstReview: PolicyPeriodSchema }),
  'VIS-05': rule({ first: PolicyPeriodSchema, interval: PolicyPeriodSchema }),
  'HLT-01': rule({
    period: PolicyPeriodSchema,
    alsoBeforeFirstReview: z.boolean(),
    priorAssessmentWindow: PolicyPeriodSchema,
  }),
  'HLT-02': rule({ under5Interval: PolicyPeriodSchema, from5Interval: PolicyPeriodSchema }),
  'EDU-01': rule({
    period: PolicyPeriodSchema,
    alsoBeforeFirstReview: z.boolean(),
    fromAge: z.int().nonnegative(),
    untilAge: z.int().positive(),
  }),
  'KIT-01': rule({ period: PolicyPeriodSchema, legalStatuses: z.array(LegalStatusCodeSchema).min(1) }),
  'PRC-01': simple,
  'PRC-02': rule({ maxExtension: PolicyPeriodSchema }),
  'ADO-01': rule({ first: PolicyPeriodSchema, interval: PolicyPeriodSchema }),
  'ADO-02': rule({ first: PolicyPeriodSchema, second: PolicyPeriodSchema, interval: PolicyPeriodSchema }),
  'ADO-03': rule({ first: PolicyPeriodSchema, untilFirstReview: PolicyPeriodSchema }),
  'ADO-08': rule({ a1Days: z.int().positive(), a2Days: z.int().positive() }),
  'CL-01': simple,
  'CON-01': simple,
  'CON-02': rule({ maxExtension: PolicyPeriodSchema }),
  'PF-03': simple,
  'PF-04': rule({ firstYearInterval: PolicyPeriodSchema, laterInterval: PolicyPeriodSchema }),
  'PP-01': rule({
    relation: z.enum(['before', 'onOrBefore']).describe('Plan due strictly before, or on or before, the 2nd review.'),
    evidence: z
      .array(z.enum(['endorsedOn', 'ratifiedAtReviewOn']))
      .min(1)
      .describe('Which plan dates count as the plan being in place.'),
    requiresPermanenceMeeting: z.boolean().describe('Dorset: a PPM must also be held before the 2nd review.'),
    optionsSufficeInProceedings: z
      .boolean()
      .describe('Tameside: in proceedings, presenting the options being explored is enough.'),
    restartPerPeriodOfCare: z.boolean().describe('A new period of care restarts the clock (rules.md §7 Q7).'),
  }),
  'PP-02': rule({ period: PolicyPeriodSchema.nullable() }),
  'PP-03': rule({ period: PolicyPeriodSchema.nullable() }),
  'PP-04': rule({
    every: PolicyPeriodSchema.nullable(),
    betweenEachStatutoryReview: z.boolean(),
    anchoring: z.enum(['chained', 'anchored']).describe('From the actual last meeting, or from the first.'),
    stopWhen: z.enum(['permanenceAchieved', 'matched']),
  }),
  'PP-05': rule({ interval: PolicyPeriodSchema.nullable() }),
  'PP-06': rule({
    beforeLegalGateway: z.boolean(),
    beforePermanencePanel: z.boolean(),
    preBirth: z.boolean(),
    beforeFinalCarePlan: PolicyPeriodSchema.nullable(),
    lookBack: PolicyPeriodSchema.describe('How long before an event a meeting still counts as "prior to" it.'),
    immediatelyAfter: PolicyPeriodSchema.describe('How soon after an event a meeting counts as "immediately after".'),
    onNonWorkingDay: z.enum(['keep', 'rollBack']).describe('A meeting due on a non-working day: keep, or roll back.'),
  }),
  'PP-07': rule({}),
  'PP-08': rule({}),
  'PP-09': rule({ thresholdGbp: z.number().nonnegative().nullable(), comparison: z.enum(['greaterThan', 'atLeast']) }),
  'PP-10': rule({ interval: PolicyPeriodSchema.nullable() }),
  'LTF-03': rule({}),
})

/** Settings of every rule. */
export type RuleSettings = z.infer<typeof RuleSettingsSchema>

/** Pack-wide settings. */
export const PackSettingsSchema = z.strictObject({
  leapDayBirthdaysOn: z
    .enum(['02-28', '03-01'])
    .describe('Where a 29 February birthday falls in a common year (national; rules.md §6 D7).'),
  dueSoon: PolicyPeriodSchema.describe('How long before its due date an item counts as due soon.'),
})

/** Pack-wide settings. */
export type PackSettings = z.infer<typeof PackSettingsSchema>

const RuleIdSchema = z.enum(Object.keys(RuleSettingsSchema.shape) as [RuleId, ...RuleId[]])

const PolicyVersionSchema = z.strictObject({
  effectiveFrom: CalendarDaySchema,
  effectiveFromConfirmed: z.boolean().optional(),
  label: z.string().min(1),
  source: z.string().min(1).describe('The document this version follows.'),
  settings: PackSettingsSchema.partial().optional(),
  rules: RuleSettingsSchema.partial().optional(),
  actions: z.partialRecord(RuleIdSchema, z.array(z.string().min(1))).optional(),
})

/** A policy pack as written in JSON. */
export const PolicyPackSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    extends: z.string().optional(),
    description: z.string().optional(),
    versions: z.array(PolicyVersionSchema).min(1),
  })
  .superRefine((pack, ctx) => {
    for (let i = 1; i < pack.versions.length; i++) {
      const previous = pack.versions[i - 1]
      const current = pack.versions[i]
      if (previous !== undefined && current !== undefined && current.effectiveFrom <= previous.effectiveFrom) {
        ctx.addIssue({
          code: 'custom',
          message: 'Versions must be in order of effectiveFrom, with no two on the same day',
          path: ['versions', i, 'effectiveFrom'],
        })
      }
    }
    if (pack.extends !== undefined) {
      pack.versions.forEach((version, i) => {
        for (const key of Object.keys(version.rules ?? {})) {
          if (!LOCALLY_SET_RULES.has(key as RuleId)) {
            ctx.addIssue({
              code: 'custom',
              message: `${key} is set nationally (by law or national guidance); a local pack cannot change it`,
              path: ['versions', i, 'rules', key],
            })
          }
        }
        if (version.settings?.leapDayBirthdaysOn !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'The leap-day birthday convention is a national setting (rules.md §6 D7)',
            path: ['versions', i, 'settings', 'leapDayBirthdaysOn'],
          })
        }
      })
    }
  })

/** A policy pack as written in JSON. */
export type PolicyPackDefinition = z.infer<typeof PolicyPackSchema>

/** Rules a local pack may set. */
export const LOCALLY_SET_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'PP-01',
  'PP-02',
  'PP-03',
  'PP-04',
  'PP-05',
  'PP-06',
  'PP-07',
  'PP-09',
  'PP-10',
  'REV-05',
  'LTF-03',
])

/** The complete policy in force from one day. */
export interface PolicyVersion {
  /** e.g. `tameside@2011-04-01+national@2011-04-01`; stored with every item. */
  readonly key: string
  readonly effectiveFrom: CalendarDay
  readonly effectiveFromDayNumber: number
  readonly rules: RuleSettings
  readonly settings: PackSettings
  readonly actions: Partial<Record<RuleId, readonly string[]>>
}

/** A parsed, resolved policy pack. */
export interface PolicyPack {
  readonly id: string
  readonly name: string
  readonly extends: string | null
  /** Resolved versions, in order of effectiveFrom (local and national changes merged). */
  readonly versions: readonly PolicyVersion[]
  /** The pack as written, after validation. */
  readonly definition: PolicyPackDefinition
}

/**
 * The version of a pack in force on a day (the first version for days before it: rules carry `inForceFrom` for
 * that case).
 * @param pack - the resolved pack
 * @param day - the day, as a day number
 * @returns the version
 */
export function policyAt(pack: PolicyPack, day: number): PolicyVersion {
  const versions = pack.versions
  let low = 0
  let high = versions.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if ((versions[mid]?.effectiveFromDayNumber ?? 0) <= day) {
      low = mid
    } else {
      high = mid - 1
    }
  }
  return versions[low] as PolicyVersion
}

interface Layer {
  readonly id: string
  readonly effectiveFrom: CalendarDay
  readonly rules: Partial<RuleSettings>
  readonly settings: Partial<PackSettings>
  readonly actions: Partial<Record<RuleId, readonly string[]>>
}

function layersOf(definition: PolicyPackDefinition): Layer[] {
  return definition.versions.map(v => ({
    id: definition.id,
    effectiveFrom: v.effectiveFrom,
    rules: v.rules ?? {},
    settings: v.settings ?? {},
    actions: v.actions ?? {},
  }))
}

function foldLayers(
  layers: readonly Layer[],
  upTo: CalendarDay,
): {
  rules: Partial<RuleSettings>
  settings: Partial<PackSettings>
  actions: Partial<Record<RuleId, readonly string[]>>
  key: string
} {
  let rules: Partial<RuleSettings> = {}
  let settings: Partial<PackSettings> = {}
  let actions: Partial<Record<RuleId, readonly string[]>> = {}
  let key = ''
  for (const layer of layers) {
    if (layer.effectiveFrom > upTo) {
      break
    }
    rules = { ...rules, ...layer.rules }
    settings = { ...settings, ...layer.settings }
    actions = { ...actions, ...layer.actions }
    key = `${layer.id}@${layer.effectiveFrom}`
  }
  return { rules, settings, actions, key }
}

/**
 * Resolves a validated pack definition against its base pack into complete versions.
 * @param definition - the validated definition
 * @param basePack - the pack it extends (required when `extends` is set)
 * @returns the resolved pack, or errors naming what is missing
 */
export function resolvePolicyPack(
  definition: PolicyPackDefinition,
  basePack: PolicyPack | undefined,
): Result<PolicyPack, DomainError> {
  const own = layersOf(definition)
  const baseDefinitions = basePack === undefined ? [] : layersOf(basePack.definition)
  const breakpoints = [...new Set([...own, ...baseDefinitions].map(l => l.effectiveFrom))].sort()
  const versions: PolicyVersion[] = []
  const errors: DomainError[] = []
  for (const day of breakpoints) {
    const baseFold = basePack === undefined ? undefined : foldLayers(baseDefinitions, day)
    const ownFold = foldLayers(own, day)
    const rules = { ...baseFold?.rules, ...ownFold.rules }
    const settings = { ...baseFold?.settings, ...ownFold.settings }
    const actions: Partial<Record<RuleId, readonly string[]>> = { ...baseFold?.actions }
    for (const [id, list] of Object.entries(ownFold.actions) as [RuleId, readonly string[]][]) {
      actions[id] = [...(actions[id] ?? []), ...list]
    }
    const completeRules = RuleSettingsSchema.safeParse(rules)
    const completeSettings = PackSettingsSchema.safeParse(settings)
    if (!completeRules.success || !completeSettings.success) {
      if (versions.length === 0 && basePack === undefined) {
        // The first version of a root pack must define everything.
        for (const issue of [...(completeRules.error?.issues ?? []), ...(completeSettings.error?.issues ?? [])]) {
          errors.push(
            domainError(
              'incomplete-pack',
              ['versions', 0, completeRules.success ? 'settings' : 'rules', ...issue.path.map(String)],
              {
                message: `Missing or incomplete: ${issue.message}`,
              },
            ),
          )
        }
        return fail(...errors)
      }
      continue
    }
    const keys = [ownFold.key, baseFold?.key].filter((k): k is string => k !== undefined && k !== '')
    versions.push({
      key: keys.join('+'),
      effectiveFrom: day,
      effectiveFromDayNumber: dayNumberOf(day),
      rules: completeRules.data,
      settings: completeSettings.data,
      actions,
    })
  }
  if (versions.length === 0) {
    return fail(domainError('incomplete-pack', ['versions'], { message: 'No version defines every rule' }))
  }
  return ok({
    id: definition.id,
    name: definition.name,
    extends: definition.extends ?? null,
    versions,
    definition,
  })
}

/**
 * Validates a pack's JSON against the schema (no resolution).
 * @param json - the decoded JSON
 * @returns the definition, or every problem with its path
 */
export function parsePolicyPackDefinition(json: unknown): Result<PolicyPackDefinition, DomainError> {
  const result = PolicyPackSchema.safeParse(json)
  if (result.success) {
    return ok(result.data)
  }
  return fail(
    ...result.error.issues.map(issue =>
      domainError(
        issue.code,
        issue.path.map(p => (typeof p === 'symbol' ? String(p) : p)),
        { message: issue.message },
      ),
    ),
  )
}
