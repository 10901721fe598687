/**
 * The demo's case-file audits (issue 9): a closed round on permanence from the autumn, with grades near those of the
 * 2019 learning brief ("18% of Decision Making was judged to be Good"), moderated, and an open round this spring,
 * part audited, that compares with it, so the learning brief, its charts and the dashboard have something to show,
 * and a quality-assurance lead can start a new round. Deterministic: the same seed gives the same grades.
 */
import { AUDIT_DOMAINS, type AuditDomain, type AuditGrade } from '../../domain/audits/audit-domains.ts'
import type {
  AuditCase,
  AuditJudgements,
  AuditRound,
  ModerationJudgement,
  ModerationJudgements,
} from '../../domain/audits/audit-round.ts'
import { allocateCases, drawSample, type SampleCandidate, type SampleRule } from '../../domain/audits/audit-sample.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Random } from './random.ts'

/** The share judged good or better in the autumn round, by domain (close to the 2019 brief's figures). */
const AUTUMN_SHARE: Readonly<Record<AuditDomain, number>> = {
  assessment: 0.36,
  plans: 0.48,
  'decision-making': 0.18,
  reviews: 0.54,
  'family-solutions-and-participation': 0.63,
  'options-considered': 0.4,
  siblings: 0.45,
  stability: 0.5,
  'outcomes-for-the-child': 0.18,
  permanence: 0.18,
}

/** Evidence the demo auditors write: strengths where the grade is good or better, else the gap they saw. */
const EVIDENCE: Readonly<Record<AuditDomain, { good: readonly string[]; weak: readonly string[] }>> = {
  assessment: {
    good: [
      'The assessment tells the child’s story and weighs risk against strengths.',
      'A clear analysis of parental capacity to change within the child’s timescale.',
    ],
    weak: ['The assessment describes events but does not analyse their impact on the child.'],
  },
  plans: {
    good: ['The permanence plan was in place by the second review with a viable contingency.'],
    weak: ['The plan has no viable contingency and its timescales are vague.'],
  },
  'decision-making': {
    good: ['Decisions were swift and clear, and the legal route was considered early.'],
    weak: ['Decisions drifted between meetings; the legal route was not considered.'],
  },
  reviews: {
    good: [
      'Reviews keep the child at the centre and challenge the plan.',
      'The IRO challenged drift and delay at each review.',
    ],
    weak: ['Reviews repeat the plan without challenging drift and delay.'],
  },
  'family-solutions-and-participation': {
    good: [
      'The family network was explored early through a family group conference.',
      'The child’s views were recorded in words and pictures.',
    ],
    weak: ['The family network was explored late, after the child became looked after.'],
  },
  'options-considered': {
    good: ['A balance sheet of the options was produced and reflected upon.'],
    weak: ['Only one option was considered; no balance sheet of the options.'],
  },
  siblings: {
    good: ['A together or apart assessment informed the plan for the brothers and sisters.'],
    weak: ['Brothers and sisters live apart without a together or apart assessment.'],
  },
  stability: {
    good: ['Life story work has started and placement support is in place.'],
    weak: ['No life story work yet, and two placement moves this year.'],
  },
  'outcomes-for-the-child': {
    good: ['The child is settled, attending school and has continuity of relationships.'],
    weak: ['The child’s progress is not recorded against the plan’s outcomes.'],
  },
  permanence: {
    good: ['The child has security, stability and a strong sense of belonging.'],
    weak: ['Permanence is not yet secured legally or emotionally for the child.'],
  },
}

const IMPROVEMENT: Readonly<Record<AuditDomain, string>> = {
  assessment: 'Analyse the impact of the child’s experiences and the parents’ capacity to change.',
  plans: 'Record a viable contingency with evidence that it is viable.',
  'decision-making': 'Record the reasons for each decision and consider the legal route early.',
  reviews: 'Use each review to challenge drift and delay.',
  'family-solutions-and-participation': 'Explore the family network early through a family group conference.',
  'options-considered': 'Produce a balance sheet of the options and reflect on it at each meeting.',
  siblings: 'Complete a together or apart assessment before permanence arrangements are made.',
  stability: 'Start life story work and record placement support.',
  'outcomes-for-the-child': 'Record progress against the plan’s outcomes for the child.',
  permanence: 'Secure permanence within the child’s timescale.',
}

function gradeFor(random: Random, share: number): AuditGrade {
  if (random.chance(share)) {
    return random.chance(0.2) ? 'outstanding' : 'good'
  }
  return random.chance(0.7) ? 'requires-improvement' : 'inadequate'
}

function auditFor(random: Random, uplift: number): AuditJudgements {
  return Object.fromEntries(
    AUDIT_DOMAINS.map(domain => {
      const grade = gradeFor(random, Math.min(0.95, AUTUMN_SHARE[domain] + uplift))
      const isGood = grade === 'outstanding' || grade === 'good'
      return [
        domain,
        {
          grade,
          evidence: random.pick(isGood ? EVIDENCE[domain].good : EVIDENCE[domain].weak),
          improvement: grade === 'outstanding' ? '' : IMPROVEMENT[domain],
        },
      ]
    }),
  )
}

function moderationFor(random: Random, audit: AuditJudgements): ModerationJudgements {
  return Object.fromEntries(
    AUDIT_DOMAINS.map((domain): [AuditDomain, ModerationJudgement] => {
      const grade = audit[domain]!.grade!
      if (random.chance(0.12)) {
        const changed: AuditGrade =
          grade === 'good'
            ? 'requires-improvement'
            : grade === 'requires-improvement'
              ? 'good'
              : grade === 'outstanding'
                ? 'good'
                : 'requires-improvement'
        return [
          domain,
          { outcome: 'changed', grade: changed, reason: 'The evidence in the file supports a different grade.' },
        ]
      }
      return [domain, { outcome: 'agreed', grade: null, reason: '' }]
    }),
  )
}

export interface DemoGrading {
  readonly auditCase: AuditCase
  readonly stage: 'audit' | 'moderation'
  readonly judgements: AuditJudgements | ModerationJudgements
  readonly recordedById: string
  readonly recordedOn: CalendarDay
}

export interface DemoAudits {
  readonly rounds: readonly { readonly round: AuditRound; readonly cases: readonly AuditCase[] }[]
  readonly gradings: readonly DemoGrading[]
}

/**
 * Builds the demo's audit rounds.
 * @param random - the seeded random source
 * @param input - the children a sample can be drawn from, the lead and a second auditor, today
 * @param input.candidates - children looked after today
 * @param input.leadId - the demo QA auditor, lead of both rounds
 * @param input.secondAuditorId - a second QA auditor, who audits and moderates
 * @param input.today - the day the demo is as of
 * @returns the rounds, their cases and the grades
 */
export function generateDemoAudits(
  random: Random,
  input: {
    readonly candidates: readonly SampleCandidate[]
    readonly leadId: string
    readonly secondAuditorId: string
    readonly today: CalendarDay
  },
): DemoAudits {
  const auditors = [input.leadId, input.secondAuditorId]
  const autumnRule: SampleRule = { kind: 'stratified', by: 'team', size: 11, seed: 2025 }
  const autumn: AuditRound = {
    id: random.uuid(),
    version: 1,
    title: 'Permanence audits, autumn',
    theme: 'Permanence',
    sampleRule: autumnRule,
    moderationPercent: 70,
    deadlineOn: addCalendarDays(input.today, -130),
    status: 'closed',
    leadId: input.leadId,
    previousRoundId: null,
    createdOn: addCalendarDays(input.today, -160),
    closedOn: addCalendarDays(input.today, -120),
    cancellation: null,
  }
  const springRule: SampleRule = { kind: 'random', size: 10, seed: 2026 }
  const spring: AuditRound = {
    ...autumn,
    id: random.uuid(),
    title: 'Permanence audits, spring',
    sampleRule: springRule,
    moderationPercent: 50,
    deadlineOn: addCalendarDays(input.today, 21),
    status: 'open',
    previousRoundId: autumn.id,
    createdOn: addCalendarDays(input.today, -14),
    closedOn: null,
  }
  const casesOf = (round: AuditRound, rule: SampleRule, seed: number): AuditCase[] =>
    allocateCases(drawSample(rule, input.candidates), auditors, round.moderationPercent, seed).map(a => ({
      id: random.uuid(),
      version: 1,
      roundId: round.id,
      ...a,
      withdrawal: null,
    }))
  const autumnCases = casesOf(autumn, autumnRule, 2025)
  const springCases = casesOf(spring, springRule, 2026)
  const gradings: DemoGrading[] = []
  const grade = (cases: readonly AuditCase[], share: number, uplift: number, on: CalendarDay) => {
    cases.forEach((auditCase, index) => {
      if (index >= Math.round(cases.length * share)) {
        return
      }
      const audit = auditFor(random, uplift)
      gradings.push({ auditCase, stage: 'audit', judgements: audit, recordedById: auditCase.auditorId, recordedOn: on })
      if (auditCase.moderatorId !== null) {
        gradings.push({
          auditCase,
          stage: 'moderation',
          judgements: moderationFor(random, audit),
          recordedById: auditCase.moderatorId,
          recordedOn: addCalendarDays(on, 3),
        })
      }
    })
  }
  grade(autumnCases, 1, 0, addCalendarDays(input.today, -135))
  // This spring: about half audited so far, practice a little better than in the autumn.
  grade(springCases, 0.5, 0.12, addCalendarDays(input.today, -5))
  return {
    rounds: [
      { round: autumn, cases: autumnCases },
      { round: spring, cases: springCases },
    ],
    gradings,
  }
}
