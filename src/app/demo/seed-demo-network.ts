/**
 * The demo's networks (issue 7): every relationship gets a closeness and a side of the family, and every relative a
 * culture, religion and language, so each child's cultural genogram has something to show; the children of the demo
 * social worker (and some others) get a family network meeting, a viability assessment of a grandparent, family time
 * with their mother (sessions, one cancelled), life story work, and now and then an SGO notice or a suspension;
 * about half of the sibling groups living apart get a Together-or-Apart assessment, so the manager's list shows the
 * rest. Deterministic: the same seed builds the same data.
 */
import { setChangeReason, type Database, type Tx } from '../../db/client.ts'
import { insertNetworkRows, setGenogramFacts } from '../../db/repositories/network-repository.ts'
import type { Closeness, SideOfFamily } from '../../domain/children/codes.ts'
import type { NetworkKind } from '../../domain/network/network-inputs.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { DemoChild } from './generate-demo-authority.ts'
import { seededRandom, type Random } from './random.ts'

const CULTURES: readonly (readonly [string, string, string])[] = [
  ['White British', 'No religion', 'English'],
  ['White British', 'Church of England', 'English'],
  ['Irish', 'Roman Catholic', 'English'],
  ['Polish', 'Roman Catholic', 'Polish and English'],
  ['British Pakistani', 'Muslim', 'Urdu and English'],
  ['Black Caribbean', 'Pentecostal Christian', 'English'],
  ['Romany Gypsy', 'Christian', 'English and Romani'],
  ['British Indian', 'Sikh', 'Punjabi and English'],
]

const SIDE: Partial<Record<string, SideOfFamily>> = {
  mother: 'maternal',
  father: 'paternal',
  grandparent: 'maternal',
  aunt: 'maternal',
  'foster-carer': 'none',
}

const CLOSENESS_BY_RELATIONSHIP: Partial<Record<string, readonly Closeness[]>> = {
  mother: ['close', 'conflicted', 'some-contact'],
  father: ['distant', 'some-contact', 'no-contact'],
  grandparent: ['very-close', 'close'],
  aunt: ['close', 'some-contact', 'distant'],
  'foster-carer': ['very-close', 'close'],
}

interface SeedInput {
  readonly authorityId: string
  readonly systemUserId: string
  readonly featuredWorkerId: string
  readonly children: readonly DemoChild[]
  readonly seed: number
  readonly today: CalendarDay
}

async function enrichRelationships(tx: Tx, random: Random, children: readonly DemoChild[]): Promise<void> {
  const seen = new Set<string>()
  const relationships: { id: string; closeness: string; sideOfFamily: string | null }[] = []
  const persons: { id: string; culture: string; religion: string; language: string }[] = []
  for (const child of children) {
    const culture = random.pick(CULTURES)
    for (const relationship of child.record.relationships) {
      const choices = CLOSENESS_BY_RELATIONSHIP[relationship.relationship]
      relationships.push({
        id: relationship.id,
        closeness: choices ? random.pick(choices) : 'some-contact',
        sideOfFamily: SIDE[relationship.relationship] ?? null,
      })
      if (!seen.has(relationship.personId) && relationship.relationship !== 'foster-carer') {
        seen.add(relationship.personId)
        persons.push({ id: relationship.personId, culture: culture[0], religion: culture[1], language: culture[2] })
      }
    }
  }
  await setGenogramFacts(tx, relationships, persons)
}

/**
 * Seeds the demo children's networks.
 * @param db - the database
 * @param input - the authority, its children and the demo worker
 */
export async function seedDemoNetwork(db: Database, input: SeedInput): Promise<void> {
  const random = seededRandom(input.seed)
  const context = { authorityId: input.authorityId, userId: input.systemUserId, now: new Date() }
  const { today } = input
  await db.withAuthority({ authorityId: input.authorityId, userId: input.systemUserId }, async tx => {
    await setChangeReason(tx, 'Demo data')
    await enrichRelationships(tx, random, input.children)
    const pending = new Map<NetworkKind, ({ id: string; childId: string } & Record<string, unknown>)[]>()
    const add = (kind: NetworkKind, childId: string, values: Record<string, unknown>, id = random.uuid()) => {
      pending.set(kind, [...(pending.get(kind) ?? []), { ...values, id, childId }])
    }
    for (const child of input.children) {
      const record = child.record
      const childId = record.child.id
      const inCare = record.periodsOfCare.some(p => p.endedOn === null)
      if (!inCare) {
        continue
      }
      const isFeatured = record.child.allocatedWorkerId === input.featuredWorkerId
      if (!isFeatured && !random.chance(0.25)) {
        continue
      }
      const relative = (name: string) => record.relationships.find(r => r.relationship === name)?.personId ?? null
      const mother = relative('mother')
      const grandparent = relative('grandparent')
      const aunt = relative('aunt')
      const start = record.periodsOfCare.find(p => p.endedOn === null)!.startedOn
      const meetingOn = addCalendarDays(start, random.int(10, 40))
      if (meetingOn < today && grandparent && aunt && mother) {
        add('family-meetings', childId, {
          kind: random.chance(0.5) ? 'family-group-conference' : 'family-network-meeting',
          heldOn: meetingOn,
          attendeePersonIds: [mother, grandparent, aunt],
          otherAttendees: 'Independent family group conference coordinator; the child’s social worker',
          offers: [
            { personId: grandparent, kind: 'full-time-care', details: 'Offers a home if the child cannot return home' },
            { personId: aunt, kind: 'family-time', details: 'Will supervise family time at weekends' },
          ],
          familyPlan: 'The family will support the child to keep in touch and the grandparent will be assessed.',
        })
        add('kinship-assessments', childId, {
          personId: grandparent,
          kind: 'viability',
          startedOn: addCalendarDays(meetingOn, 3),
          dueOn: addCalendarDays(meetingOn, 31),
          completedOn: addCalendarDays(meetingOn, 28) < today ? addCalendarDays(meetingOn, 28) : null,
          outcome: addCalendarDays(meetingOn, 28) < today ? (random.chance(0.6) ? 'positive' : 'negative') : null,
          untilReviewOutcome: false,
          summary: 'Viability assessment following the family network meeting.',
        })
        if (random.chance(0.3) && addCalendarDays(meetingOn, 60) < today) {
          add('sgo-notices', childId, { personId: grandparent, givenOn: addCalendarDays(meetingOn, 60) })
        }
      }
      if (mother) {
        const planStart = addCalendarDays(start, 7)
        const planId = random.uuid()
        add(
          'family-time-plans',
          childId,
          {
            personId: mother,
            siblingChildId: null,
            mode: 'direct',
            sessionsPerPeriod: random.pick([1, 2]),
            period: 'week',
            durationMinutes: random.pick([60, 90, 120]),
            venue: 'Northshire Family Centre',
            supervision: random.pick(['supervised', 'supported']),
            transport: 'Foster carer brings the child; mother travels by bus',
            purpose: 'To keep the child’s relationship with their mother while the plan is decided',
            workingAgreement: 'Arrive on time, sober; no discussion of court proceedings with the child.',
            workingAgreementOn: planStart,
            section34OrderOn: null,
            startedOn: planStart,
            endedOn: null,
          },
          planId,
        )
        for (let week = 1; week <= 8; week += 1) {
          const on = addCalendarDays(today, -7 * week - random.int(0, 2))
          if (on <= planStart) {
            break
          }
          const roll = random.next()
          add('family-time-sessions', childId, {
            planId,
            occurredOn: on,
            outcome: roll < 0.7 ? 'attended' : roll < 0.9 ? 'cancelled' : 'did-not-attend',
            cancelledBy: roll >= 0.7 && roll < 0.9 ? random.pick(['parent', 'carer', 'local-authority']) : null,
            childExperience:
              roll < 0.7
                ? random.pick([
                    'Happy to see mum; played games',
                    'Quiet at first, then settled',
                    'Upset at the end of the session',
                  ])
                : null,
          })
        }
        if (isFeatured && random.chance(0.3)) {
          add('family-time-suspensions', childId, {
            planId,
            suspendedOn: addCalendarDays(today, -random.int(2, 12)),
            resumedOn: null,
            reason: 'Concerns about what was said to the child during the last session',
            notifiedOn: null,
            legalAdviceOn: null,
            section34OrderOn: null,
          })
        }
      }
      add('life-story-work', childId, {
        kind: random.pick(['life-story-book', 'words-and-pictures', 'later-life-letter']),
        owner: 'Child’s social worker',
        dueOn: addCalendarDays(today, random.int(-30, 90)),
        status: random.pick(['not-started', 'in-progress']),
        completedOn: null,
        notes: null,
      })
    }
    // About half of the sibling groups living apart have a Together-or-Apart assessment.
    const byId = new Map(input.children.map(c => [c.record.child.id, c]))
    const done = new Set<string>()
    for (const child of input.children) {
      for (const link of child.record.siblings) {
        const key = [child.record.child.id, link.siblingChildId].sort().join('/')
        if (done.has(key)) {
          continue
        }
        done.add(key)
        const other = byId.get(link.siblingChildId)
        const carerOf = (c: DemoChild) => c.record.placements.find(p => p.endedOn === null)?.carerPersonId ?? null
        if (!other || carerOf(child) === null || carerOf(child) === carerOf(other) || !random.chance(0.5)) {
          continue
        }
        add('sibling-assessments', child.record.child.id, {
          childIds: [child.record.child.id, link.siblingChildId],
          assessedOn: addCalendarDays(today, -random.int(20, 200)),
          pairs: [
            {
              childId: child.record.child.id,
              siblingChildId: link.siblingChildId,
              outcome: 'apart',
              reasons:
                'Their needs are best met in separate homes for now; to be reviewed at the next child in care review.',
              contactPlan: 'Fortnightly family time together, and video calls in between.',
            },
          ],
        })
      }
    }
    // Plans before their sessions and suspensions (foreign keys).
    for (const kind of [
      'family-meetings',
      'kinship-assessments',
      'sgo-notices',
      'family-time-plans',
      'family-time-sessions',
      'family-time-suspensions',
      'life-story-work',
      'sibling-assessments',
    ] as const) {
      await insertNetworkRows(tx, context, kind, pending.get(kind) ?? [])
    }
  })
}
