import { describe, expect, it } from 'vitest'
import type { Actor } from './decision-event.ts'
import { editDraftPlan, startPlanVersion, type PermanencePlan, type PlanStatus } from './permanence-plan.ts'
import {
  declinePlanRatification,
  endorsePlan,
  ratifyPlan,
  recordOptionChangeConsideredAtReview,
  recordOptionChangeNotPracticable,
  recordPermanenceAchieved,
  recordPlanConsideredAtPpm,
  returnPlanToDraft,
  sendPlanToManager,
} from './plan-lifecycle.ts'
import type { PlanContent } from './plan-schemas.ts'
import {
  CHILD_ID,
  LIFECYCLE_DATES,
  adm,
  codes,
  d,
  iro,
  meetingRef,
  newVersionOf,
  option,
  planIn,
  socialWorker,
  teamManager,
  unwrap,
} from './testing/fixtures.ts'

const TODAY = LIFECYCLE_DATES.today
const PPM = meetingRef('ppm-9', 'permanence-planning-meeting', d('2026-01-05'))
const REVIEW = meetingRef('rev-9', 'statutory-review', d('2026-01-20'))
const NO_RULE = { rule: null, bankHolidays: [] }

type Command = (plan: PermanencePlan, actor: Actor) => { ok: boolean; errors?: readonly { code: string }[] }

const COMMANDS: Readonly<Record<string, { run: Command; allowedIn: readonly PlanStatus[]; actor: Actor }>> = {
  'edit the draft': {
    run: (plan, actor) => editDraftPlan(plan, { strengths: 'More.' }, actor, TODAY),
    allowedIn: ['draft'],
    actor: socialWorker,
  },
  'send to the team manager': {
    run: (plan, actor) =>
      sendPlanToManager(plan, { ppmOn: d('2026-01-26'), ppmMeetingId: null }, actor, TODAY, NO_RULE),
    allowedIn: ['draft'],
    actor: socialWorker,
  },
  'record considered at the PPM': {
    run: (plan, actor) => recordPlanConsideredAtPpm(plan, { meetingId: PPM.id }, actor, TODAY, { meeting: PPM }),
    allowedIn: ['sent-to-manager'],
    actor: teamManager,
  },
  'return to draft': {
    run: (plan, actor) => returnPlanToDraft(plan, { reasons: 'Add the sibling assessment.' }, actor, TODAY),
    allowedIn: ['sent-to-manager', 'considered-at-ppm'],
    actor: teamManager,
  },
  endorse: {
    run: (plan, actor) => endorsePlan(plan, { reasons: 'Agreed.' }, actor, TODAY, { previous: null, siblingPlans: [] }),
    allowedIn: ['considered-at-ppm'],
    actor: teamManager,
  },
  ratify: {
    run: (plan, actor) =>
      ratifyPlan(plan, { reviewMeetingId: REVIEW.id, reasons: 'Agreed.' }, actor, TODAY, { review: REVIEW }),
    allowedIn: ['endorsed'],
    actor: iro,
  },
  'start a new version': {
    run: (plan, actor) => startPlanVersion(plan, { changeReason: 'Review.' }, actor, TODAY),
    allowedIn: ['endorsed', 'ratified'],
    actor: socialWorker,
  },
  'record permanence achieved': {
    run: (plan, actor) =>
      recordPermanenceAchieved(
        plan,
        { achievedOn: d('2026-01-21'), route: 'special-guardianship', reasons: '' },
        actor,
        TODAY,
      ),
    allowedIn: ['endorsed', 'ratified'],
    actor: socialWorker,
  },
}

const superseded: PermanencePlan = {
  ...planIn('ratified'),
  status: 'superseded',
  supersession: { on: TODAY, byVersion: 2 },
}
const PLANS: Readonly<Record<PlanStatus, PermanencePlan>> = {
  draft: planIn('draft'),
  'sent-to-manager': planIn('sent-to-manager'),
  'considered-at-ppm': planIn('considered-at-ppm'),
  endorsed: planIn('endorsed'),
  ratified: planIn('ratified'),
  superseded,
}

describe('the plan lifecycle: which command is allowed at which stage', () => {
  const cases = Object.entries(COMMANDS).flatMap(([name, command]) =>
    (Object.keys(PLANS) as PlanStatus[]).map(status => [name, status, command.allowedIn.includes(status)] as const),
  )
  it.each(cases)('%s when %s: allowed = %s', (name, status, allowed) => {
    const command = COMMANDS[name]!
    const result = command.run(PLANS[status], command.actor)
    if (allowed) {
      expect(result.errors ?? []).toEqual([])
    } else {
      expect(result.errors?.map(error => error.code)).toEqual(['transition-not-allowed'])
    }
  })
})

describe('the plan lifecycle: who may do what', () => {
  it.each([
    ['an IRO cannot send a plan to the team manager', 'send to the team manager', iro, 'draft'],
    [
      'a social worker cannot record the PPM ([DOR] "Team manager chairs the PPM")',
      'record considered at the PPM',
      socialWorker,
      'sent-to-manager',
    ],
    ['a social worker cannot endorse a plan', 'endorse', socialWorker, 'considered-at-ppm'],
    ['an IRO cannot endorse a plan', 'endorse', iro, 'considered-at-ppm'],
    ['a team manager cannot ratify a plan (the IRO does, at a review)', 'ratify', teamManager, 'endorsed'],
    [
      'a social worker cannot take back a plan the PPM has considered',
      'return to draft',
      socialWorker,
      'considered-at-ppm',
    ],
    ['an agency decision maker cannot edit a plan', 'edit the draft', adm, 'draft'],
  ] as const)('%s', (_name, commandName, actor, status) => {
    expect(COMMANDS[commandName]!.run(PLANS[status], actor).errors?.map(error => error.code)).toEqual([
      'role-not-permitted',
    ])
  })

  it('the social worker may withdraw a plan they sent', () => {
    expect(COMMANDS['return to draft']!.run(PLANS['sent-to-manager'], socialWorker).ok).toBe(true)
  })
})

describe('a plan from draft to ratified, with a decision event at each step (security §3.2)', () => {
  it('records who, role, when, reasons and the version each decision was based on', () => {
    const dates = LIFECYCLE_DATES
    const sent = unwrap(
      sendPlanToManager(planIn('draft'), { ppmOn: dates.ppm, ppmMeetingId: 'ppm-1' }, socialWorker, dates.sent, {
        rule: { days: 3, unit: 'calendar-days' },
        bankHolidays: [],
      }),
    )
    expect(sent.plan.status).toBe('sent-to-manager')
    expect(sent.plan.submission).toMatchObject({
      sentOn: dates.sent,
      ppmOn: dates.ppm,
      latestOn: '2026-01-02',
      isLate: false,
    })
    expect(sent.event).toMatchObject({
      kind: 'plan-sent-to-manager',
      decidedBy: socialWorker,
      subject: { type: 'plan', version: 1 },
    })

    const considered = unwrap(
      recordPlanConsideredAtPpm(sent.plan, { meetingId: 'ppm-1' }, teamManager, dates.ppm, {
        meeting: meetingRef('ppm-1', 'permanence-planning-meeting', dates.ppm),
      }),
    )
    expect(considered.plan.consideredAtPpm).toEqual({ meetingId: 'ppm-1', heldOn: dates.ppm, recordedBy: teamManager })

    const endorsed = unwrap(
      endorsePlan(considered.plan, { reasons: ' Twin tracking. ' }, teamManager, dates.endorsed, {
        previous: null,
        siblingPlans: [],
      }),
    )
    expect(endorsed.plan.endorsement).toEqual({ on: dates.endorsed, by: teamManager, reasons: 'Twin tracking.' })
    expect(endorsed.superseded).toBeNull()
    expect(endorsed.event).toMatchObject({
      kind: 'plan-endorsed',
      reasons: 'Twin tracking.',
      childIds: [CHILD_ID],
      details: { primaryOptionType: 'special-guardianship', optionChangedFrom: null },
    })

    const ratified = unwrap(
      ratifyPlan(endorsed.plan, { reviewMeetingId: 'rev-2', reasons: 'Meets her needs.' }, iro, dates.today, {
        review: meetingRef('rev-2', 'statutory-review', dates.review),
      }),
    )
    expect(ratified.plan.status).toBe('ratified')
    // The decision is dated the day of the review; it is recorded today.
    expect(ratified.event).toMatchObject({
      kind: 'plan-ratified',
      decidedOn: dates.review,
      recordedOn: dates.today,
      decidedBy: iro,
    })
  })

  it('a plan sent on the day of the PPM is flagged late, not refused ([DOR] Golden Rules; rules.md PP-03)', () => {
    const result = unwrap(
      sendPlanToManager(
        planIn('draft'),
        { ppmOn: d('2026-01-05'), ppmMeetingId: null },
        socialWorker,
        d('2026-01-05'),
        {
          rule: { days: 3, unit: 'working-days' },
          bankHolidays: [d('2026-01-01')],
        },
      ),
    )
    expect(result.plan.submission).toMatchObject({ latestOn: '2025-12-30', isLate: true, daysLate: 6 })
    expect(result.event.details).toMatchObject({ isLate: true })
  })

  it('returning a plan to draft clears the submission, and the event keeps the reason', () => {
    const result = unwrap(returnPlanToDraft(planIn('considered-at-ppm'), { reasons: 'Add views.' }, teamManager, TODAY))
    expect(result.plan).toMatchObject({ status: 'draft', submission: null, consideredAtPpm: null })
    expect(result.event).toMatchObject({
      kind: 'plan-returned-to-draft',
      reasons: 'Add views.',
      details: { from: 'considered-at-ppm' },
    })
  })

  it('the IRO can decline to ratify, with reasons; the plan stays endorsed', () => {
    const endorsed = planIn('endorsed')
    const result = unwrap(
      declinePlanRatification(endorsed, { reviewMeetingId: REVIEW.id, reasons: 'No sibling assessment.' }, iro, TODAY, {
        review: REVIEW,
      }),
    )
    expect(result.plan).toBe(endorsed)
    expect(result.event).toMatchObject({ kind: 'plan-ratification-declined', reasons: 'No sibling assessment.' })
  })
})

describe('the plan lifecycle: refusals with their codes', () => {
  it.each<[string, () => ReturnType<typeof codes>, string[]]>([
    [
      'endorsing a plan without a contingency',
      () => {
        const plan = planIn('considered-at-ppm')
        const content: PlanContent = {
          ...plan.content,
          options: plan.content.options.filter(o => o.status !== 'contingency'),
        }
        return codes(
          endorsePlan({ ...plan, content }, { reasons: 'OK' }, teamManager, TODAY, {
            previous: null,
            siblingPlans: [],
          }),
        )
      },
      ['no-contingency'],
    ],
    [
      'endorsing without reasons',
      () =>
        codes(
          endorsePlan(planIn('considered-at-ppm'), { reasons: ' ' }, teamManager, TODAY, {
            previous: null,
            siblingPlans: [],
          }),
        ),
      ['reasons-required'],
    ],
    [
      'ratifying without reasons',
      () =>
        codes(
          ratifyPlan(planIn('endorsed'), { reviewMeetingId: REVIEW.id, reasons: '' }, iro, TODAY, { review: REVIEW }),
        ),
      ['reasons-required'],
    ],
    [
      'returning to draft without reasons',
      () => codes(returnPlanToDraft(planIn('sent-to-manager'), { reasons: '' }, teamManager, TODAY)),
      ['reasons-required'],
    ],
    [
      'recording a statutory review as the PPM',
      () =>
        codes(
          recordPlanConsideredAtPpm(planIn('sent-to-manager'), { meetingId: REVIEW.id }, teamManager, TODAY, {
            meeting: REVIEW,
          }),
        ),
      ['meeting-not-a-ppm'],
    ],
    [
      'recording a PPM about another child',
      () =>
        codes(
          recordPlanConsideredAtPpm(planIn('sent-to-manager'), { meetingId: 'x' }, teamManager, TODAY, {
            meeting: meetingRef('x', 'permanence-planning-meeting', d('2026-01-05'), ['someone-else']),
          }),
        ),
      ['meeting-not-about-this-child'],
    ],
    [
      'recording a PPM that has not happened yet',
      () =>
        codes(
          recordPlanConsideredAtPpm(planIn('sent-to-manager'), { meetingId: 'x' }, teamManager, TODAY, {
            meeting: meetingRef('x', 'permanence-planning-meeting', d('2026-02-01')),
          }),
        ),
      ['meeting-in-future'],
    ],
    [
      'ratifying at a PPM rather than a review',
      () =>
        codes(
          ratifyPlan(planIn('endorsed'), { reviewMeetingId: 'p', reasons: 'OK' }, iro, TODAY, {
            review: meetingRef('p', 'permanence-planning-meeting', d('2026-01-20')),
          }),
        ),
      ['meeting-not-a-statutory-review'],
    ],
    [
      'ratifying at a review held before the plan was endorsed',
      () =>
        codes(
          ratifyPlan(planIn('endorsed'), { reviewMeetingId: 'r', reasons: 'OK' }, iro, TODAY, {
            review: meetingRef('r', 'statutory-review', d('2026-01-02')),
          }),
        ),
      ['review-before-endorsement'],
    ],
    [
      'sending for a PPM before the plan was started',
      () =>
        codes(
          sendPlanToManager(
            planIn('draft'),
            { ppmOn: d('2025-11-01'), ppmMeetingId: null },
            socialWorker,
            TODAY,
            NO_RULE,
          ),
        ),
      ['ppm-before-plan-started'],
    ],
    [
      'starting a new version without a reason',
      () => codes(startPlanVersion(planIn('ratified'), { changeReason: '' }, socialWorker, TODAY)),
      ['reasons-required'],
    ],
  ])('%s is refused', (_name, run, expected) => {
    expect(run()).toEqual(expected)
  })
})

/** Drives a draft new version through sent → considered. */
function toConsidered(draft: PermanencePlan, today = d('2026-02-10')): PermanencePlan {
  const sent = unwrap(sendPlanToManager(draft, { ppmOn: today, ppmMeetingId: null }, socialWorker, today, NO_RULE)).plan
  return unwrap(
    recordPlanConsideredAtPpm(sent, { meetingId: 'ppm-2' }, teamManager, today, {
      meeting: meetingRef('ppm-2', 'permanence-planning-meeting', today),
    }),
  ).plan
}

const CHANGE_TO_LTF = (content: PlanContent): Partial<PlanContent> => ({
  options: [
    option({
      ...content.options[0]!,
      isPrimary: false,
      status: 'ruled-out',
      ruledOutOn: d('2026-02-01'),
      ruledOutReason: 'Gran withdrew.',
    }),
    content.options[1]!,
    option({ ...content.options[2]!, isPrimary: true, status: 'being-explored' }),
    content.options[3]!,
    option({ id: 'opt-res', type: 'residential-care', status: 'contingency', viabilityEvidence: 'Place identified.' }),
  ],
})

describe('new versions and supersession (docs/adr/0020)', () => {
  const v1 = planIn('ratified')

  it('endorsing version 2 supersedes version 1, with an event for each', () => {
    const v2 = toConsidered(newVersionOf(v1, { strengths: 'Settled at school.' }, d('2026-02-01')))
    const result = unwrap(
      endorsePlan(v2, { reasons: 'Reviewed.' }, teamManager, d('2026-02-10'), { previous: v1, siblingPlans: [] }),
    )
    expect(result.plan).toMatchObject({ version: 2, status: 'endorsed', basedOnVersion: 1 })
    expect(result.superseded?.plan).toMatchObject({
      version: 1,
      status: 'superseded',
      supersession: { on: '2026-02-10', byVersion: 2 },
    })
    expect(result.superseded?.event).toMatchObject({
      kind: 'plan-superseded',
      subject: { version: 1 },
      details: { byVersion: 2 },
    })
  })

  it('endorsing version 2 needs the version in force', () => {
    const v2 = toConsidered(newVersionOf(v1, {}, d('2026-02-01')))
    expect(
      codes(endorsePlan(v2, { reasons: 'OK' }, teamManager, d('2026-02-10'), { previous: null, siblingPlans: [] })),
    ).toEqual(['previous-version-required'])
    expect(
      codes(
        endorsePlan(v2, { reasons: 'OK' }, teamManager, d('2026-02-10'), { previous: superseded, siblingPlans: [] }),
      ),
    ).toEqual(['previous-version-not-current'])
  })
})

describe('PP-08: a change of permanence option is considered at a review before it takes effect (CPPCR 2010 reg 32(2); docs/adr/0021)', () => {
  const v1 = planIn('ratified')
  const changed = toConsidered(newVersionOf(v1, CHANGE_TO_LTF(v1.content), d('2026-02-01')))
  const review = meetingRef('rev-3', 'statutory-review', d('2026-02-05'))

  it('endorsing a change of option not considered at a review is refused', () => {
    expect(
      codes(endorsePlan(changed, { reasons: 'OK' }, teamManager, d('2026-02-10'), { previous: v1, siblingPlans: [] })),
    ).toEqual(['option-change-not-considered-at-review'])
  })

  it('once the IRO records the review considered it, the change can be endorsed, and the events keep the before and after', () => {
    const considered = unwrap(
      recordOptionChangeConsideredAtReview(
        changed,
        { reviewMeetingId: 'rev-3', reasons: 'Gran withdrew; LTF agreed.' },
        iro,
        d('2026-02-06'),
        { review },
      ),
    )
    expect(considered.event).toMatchObject({
      kind: 'option-change-considered-at-review',
      decidedOn: '2026-02-05',
      details: { fromOptionType: 'special-guardianship', toOptionType: 'long-term-fostering' },
    })
    const endorsed = unwrap(
      endorsePlan(considered.plan, { reasons: 'OK' }, teamManager, d('2026-02-10'), { previous: v1, siblingPlans: [] }),
    )
    expect(endorsed.event.details).toMatchObject({
      optionChangedFrom: 'special-guardianship',
      primaryOptionType: 'long-term-fostering',
    })
  })

  it('the team manager may record that a review first was not reasonably practicable, with reasons', () => {
    const recorded = unwrap(
      recordOptionChangeNotPracticable(
        changed,
        { reasons: 'Placement ended in an emergency.' },
        teamManager,
        d('2026-02-06'),
      ),
    )
    expect(recorded.plan.optionChange?.notReasonablyPracticable?.reasons).toBe('Placement ended in an emergency.')
    expect(
      codes(
        endorsePlan(recorded.plan, { reasons: 'OK' }, teamManager, d('2026-02-10'), { previous: v1, siblingPlans: [] }),
      ),
    ).toEqual([])
  })

  it.each<[string, () => ReturnType<typeof codes>, string[]]>([
    [
      'there is no change to consider when the primary type is unchanged',
      () =>
        codes(
          recordOptionChangeNotPracticable(
            toConsidered(newVersionOf(v1, {}, d('2026-02-01'))),
            { reasons: 'x' },
            teamManager,
            d('2026-02-06'),
          ),
        ),
      ['no-option-change-to-consider'],
    ],
    [
      'a social worker cannot record the review’s consideration',
      () =>
        codes(
          recordOptionChangeConsideredAtReview(
            changed,
            { reviewMeetingId: 'rev-3', reasons: 'x' },
            socialWorker,
            d('2026-02-06'),
            { review },
          ),
        ),
      ['role-not-permitted'],
    ],
    [
      'a PPM is not a statutory review',
      () =>
        codes(
          recordOptionChangeConsideredAtReview(changed, { reviewMeetingId: 'p', reasons: 'x' }, iro, d('2026-02-06'), {
            review: meetingRef('p', 'permanence-planning-meeting', d('2026-02-05')),
          }),
        ),
      ['meeting-not-a-statutory-review'],
    ],
    [
      'the reasons are required',
      () => codes(recordOptionChangeNotPracticable(changed, { reasons: '' }, teamManager, d('2026-02-06'))),
      ['reasons-required'],
    ],
  ])('%s', (_name, run, expected) => {
    expect(run()).toEqual(expected)
  })

  it('evidence about one change is dropped when the draft changes the primary option again', () => {
    const draft = newVersionOf(v1, CHANGE_TO_LTF(v1.content), d('2026-02-01'))
    const evidenced = unwrap(
      recordOptionChangeNotPracticable(draft, { reasons: 'Emergency.' }, teamManager, d('2026-02-02')),
    ).plan
    const reverted = unwrap(editDraftPlan(evidenced, { options: v1.content.options }, socialWorker, d('2026-02-03')))
    expect(reverted.optionChange).toBeNull()
    const same = unwrap(editDraftPlan(evidenced, { strengths: 'More.' }, socialWorker, d('2026-02-03')))
    expect(same.optionChange).toEqual(evidenced.optionChange)
  })
})

describe('permanence achieved ends the cycle (rules.md PP-05)', () => {
  it('records the date and route, marks the primary option achieved, and carries into later versions', () => {
    const result = unwrap(
      recordPermanenceAchieved(
        planIn('ratified'),
        { achievedOn: d('2026-01-21'), route: 'special-guardianship', reasons: 'SGO made.' },
        socialWorker,
        TODAY,
      ),
    )
    expect(result.plan.permanenceAchieved).toMatchObject({
      on: '2026-01-21',
      route: 'special-guardianship',
      optionId: 'opt-sgo',
    })
    expect(result.plan.content.options.find(o => o.id === 'opt-sgo')?.status).toBe('achieved')
    expect(result.event).toMatchObject({
      kind: 'permanence-achieved',
      decidedOn: '2026-01-21',
      details: { route: 'special-guardianship' },
    })
    const next = unwrap(
      startPlanVersion(result.plan, { changeReason: 'Annual review.' }, socialWorker, d('2027-01-10')),
    ).plan
    expect(next.permanenceAchieved).toEqual(result.plan.permanenceAchieved)
    expect(
      codes(
        recordPermanenceAchieved(
          result.plan,
          { achievedOn: TODAY, route: 'special-guardianship', reasons: '' },
          socialWorker,
          TODAY,
        ),
      ),
    ).toEqual(['transition-not-allowed'])
  })

  it.each([
    ['by a route that is not the primary plan', 'adoption', '2026-01-21', ['achieved-route-not-primary']],
    ['on a date in the future', 'special-guardianship', '2026-03-01', ['date-in-future']],
  ] as const)('is refused %s', (_name, route, achievedOn, expected) => {
    expect(
      codes(
        recordPermanenceAchieved(
          planIn('ratified'),
          { achievedOn: d(achievedOn), route, reasons: '' },
          socialWorker,
          TODAY,
        ),
      ),
    ).toEqual(expected)
  })
})
