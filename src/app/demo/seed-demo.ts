/**
 * The demo: a fictional county ("Northshire", about 400 children by default) and a small second authority
 * ("Southvale") that proves authorities are kept apart, with one demo account per role in each. Deterministic: the
 * same seed and date build the same data. Demo accounts exist only in demo mode (security: no shared passwords in a
 * real deployment).
 */
import { setChangeReason, type Database } from '../../db/client.ts'
import { insertCareRecords } from '../../db/repositories/care-record-repository.ts'
import { findAuthorityByCode } from '../../db/repositories/admin-repository.ts'
import { ROLE_LABELS, type Role } from '../../domain/access/policies.ts'
import type { Person } from '../../domain/children/care-record.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { provisionAuthority, provisionUser } from '../admin/provision-authority.ts'
import { refreshTimescales } from '../timescales/refresh-timescales.ts'
import { analyseDatabase } from '../../db/maintenance.ts'
import { demoReturnDetails, storeDemoReturnDetails, withReturnColumns } from '../returns/demo-return-details.ts'
import { generateDemoChildren } from './generate-demo-authority.ts'
import { seedDemoNetwork } from './seed-demo-network.ts'
import { demoPlanningSettings, seedDemoPlanning } from './seed-demo-planning.ts'
import { seedDemoAudits } from './seed-demo-audits.ts'
import { seededRandom } from './random.ts'

/** The password of every demo account (shown in the README; demo mode only). */
export const DEMO_PASSWORD = 'permanence-demo'

export interface DemoAccount {
  readonly authority: string
  readonly role: Role
  readonly email: string
  readonly name: string
}

export interface DemoSummary {
  readonly authorities: readonly { code: string; name: string; children: number }[]
  readonly accounts: readonly DemoAccount[]
}

const DEMO_ROLE_EMAIL: Record<Role, string> = {
  'social-worker': 'social.worker',
  'team-manager': 'team.manager',
  iro: 'iro',
  'agency-decision-maker': 'decision.maker',
  'panel-member': 'panel.member',
  'qa-auditor': 'qa.auditor',
  'performance-analyst': 'performance.analyst',
  administrator: 'administrator',
}

const WORKER_NAMES = [
  'Ash Example',
  'Bo Placeholder',
  'Cam Sample',
  'Dee Specimen',
  'Eli Fictional',
  'Fen Madeup',
  'Gus Dummy',
  'Hal Notreal',
  'Ira Pretend',
  'Jo Invented',
  'Kay Imaginary',
  'Lee Mockup',
  'Mo Dummy',
  'Nat Makebelieve',
] as const

interface AuthoritySpec {
  readonly code: string
  readonly name: string
  readonly policyPack: string
  readonly caseNumberPrefix: string
  readonly children: number
  readonly teams: readonly string[]
}

async function seedAuthority(
  db: Database,
  spec: AuthoritySpec,
  seed: number,
  today: CalendarDay,
): Promise<DemoAccount[]> {
  const random = seededRandom(seed)
  const provisioned = await provisionAuthority(db, {
    code: spec.code,
    name: spec.name,
    policyPack: spec.policyPack,
    isDemo: true,
    services: [
      { name: "Children's Social Care", teams: spec.teams },
      { name: 'Fostering and Adoption', teams: [`${spec.name} Adoption and Permanence Team`] },
      { name: 'Quality Assurance', teams: [`${spec.name} Independent Reviewing Service`] },
    ],
  })
  const domain = `${spec.code}.example`
  const teamIds = spec.teams.map(name => provisioned.teamIds.get(name)!)
  const childrenService = provisioned.serviceIds.get("Children's Social Care")!
  const qaService = provisioned.serviceIds.get('Quality Assurance')!
  const adoptionService = provisioned.serviceIds.get('Fostering and Adoption')!
  const iroTeam = provisioned.teamIds.get(`${spec.name} Independent Reviewing Service`)!
  const accounts: DemoAccount[] = []
  const demoUser = async (role: Role, teamId: string | null, serviceId: string | null): Promise<string> => {
    const email = `${DEMO_ROLE_EMAIL[role]}@${domain}`
    const name = `${ROLE_LABELS[role]} (demo)`
    accounts.push({ authority: spec.name, role, email, name })
    return provisionUser(db, provisioned.authorityId, {
      email,
      displayName: name,
      role,
      teamId,
      serviceId,
      password: DEMO_PASSWORD,
      isDemo: true,
    })
  }
  const featuredWorkerId = await demoUser('social-worker', teamIds[0]!, null)
  await demoUser('team-manager', teamIds[0]!, null)
  const demoIro = await demoUser('iro', iroTeam, null)
  await demoUser('agency-decision-maker', null, adoptionService)
  await demoUser('panel-member', null, adoptionService)
  const qaLead = await demoUser('qa-auditor', null, qaService)
  // A second quality-assurance auditor, who audits and moderates in the demo's audit rounds (issue 9).
  const secondAuditorEmail = `second.auditor@${domain}`
  accounts.push({
    authority: spec.name,
    role: 'qa-auditor',
    email: secondAuditorEmail,
    name: 'Second quality assurance auditor (demo)',
  })
  const secondAuditor = await provisionUser(db, provisioned.authorityId, {
    email: secondAuditorEmail,
    displayName: 'Second quality assurance auditor (demo)',
    role: 'qa-auditor',
    teamId: null,
    serviceId: qaService,
    password: DEMO_PASSWORD,
    isDemo: true,
  })
  await demoUser('performance-analyst', null, childrenService)
  await demoUser('administrator', null, null)
  const systemUserId = await provisionUser(db, provisioned.authorityId, {
    email: `system@${domain}`,
    displayName: 'Permanence Planner (system)',
    role: 'system',
    teamId: null,
    serviceId: null,
    password: null,
    isDemo: true,
  })
  const workers: { id: string; teamId: string }[] = [{ id: featuredWorkerId, teamId: teamIds[0]! }]
  let nameIndex = 0
  for (const teamId of teamIds) {
    const count = Math.max(2, Math.round(spec.children / teamIds.length / 16))
    for (let i = 0; i < count; i += 1) {
      const name = `${WORKER_NAMES[nameIndex % WORKER_NAMES.length]}${nameIndex >= WORKER_NAMES.length ? ` ${Math.floor(nameIndex / WORKER_NAMES.length) + 1}` : ''}`
      nameIndex += 1
      const id = await provisionUser(db, provisioned.authorityId, {
        email: `worker${nameIndex}@${domain}`,
        displayName: name,
        role: 'social-worker',
        teamId,
        serviceId: null,
        password: DEMO_PASSWORD,
        isDemo: true,
      })
      workers.push({ id, teamId })
    }
  }
  const iroIds = [demoIro]
  for (let i = 0; i < Math.max(1, Math.round(spec.children / 70)); i += 1) {
    iroIds.push(
      await provisionUser(db, provisioned.authorityId, {
        email: `iro${i + 2}@${domain}`,
        displayName: `Reviewing Officer ${i + 2} (demo)`,
        role: 'iro',
        teamId: iroTeam,
        serviceId: null,
        password: DEMO_PASSWORD,
        isDemo: true,
      }),
    )
  }
  const children = generateDemoChildren(random, {
    children: spec.children,
    today,
    staff: { teamIds, workers, iroIds, featuredWorkerId },
    caseNumberPrefix: spec.caseNumberPrefix,
  })
  const people = new Map<string, Person>()
  for (const child of children) {
    for (const person of child.newPeople) {
      people.set(person.id, person)
    }
  }
  await db.withAuthority({ authorityId: provisioned.authorityId, userId: systemUserId }, async tx => {
    await setChangeReason(tx, 'Demo data')
    const context = { authorityId: provisioned.authorityId, userId: systemUserId, now: new Date() }
    // What the SSDA903 return needs beyond the care record (issue 8), so the demo's return validates.
    const returnDetails = children.map(demoReturnDetails)
    await insertCareRecords(
      tx,
      context,
      children.map((c, i) => withReturnColumns(c.record, returnDetails[i]!)),
      [...people.values()],
    )
    await storeDemoReturnDetails(
      tx,
      context,
      children.map((c, i) => ({ record: c.record, returnDetails: returnDetails[i]! })),
      workers.map(w => w.id),
    )
  })
  // Plans, meetings and decisions at every stage (issue 4).
  await seedDemoPlanning(db, {
    authorityId: provisioned.authorityId,
    systemUserId,
    children,
    featuredWorkerId,
    demoIroId: demoIro,
    settings: demoPlanningSettings(spec.code),
    seed: seed + 1,
    today,
  })
  // Families, family time, sibling assessments and life story work (issue 7).
  await seedDemoNetwork(db, {
    authorityId: provisioned.authorityId,
    systemUserId,
    featuredWorkerId,
    children,
    seed: seed + 2,
    today,
  })
  // Case-file audits: a closed autumn round and an open spring round that compares with it (issue 9).
  await seedDemoAudits(db, {
    authorityId: provisioned.authorityId,
    systemUserId,
    leadId: qaLead,
    secondAuditorId: secondAuditor,
    seed: seed + 2,
    today,
  })
  // Due dates last, so they are worked out from the plans, meetings and networks too.
  await refreshTimescales(db, today, provisioned.authorityId)
  return accounts
}

/**
 * Builds the demo authorities, unless they already exist.
 * @param db - the database
 * @param options - how many children, the seed, and the date the data is as of
 * @param options.children - about how many children in Northshire
 * @param options.seed - the random seed
 * @param options.today - the date the histories run up to
 * @returns what was built (or found)
 */
export async function seedDemo(
  db: Database,
  options: { children: number; seed: number; today: CalendarDay },
): Promise<DemoSummary> {
  const specs: AuthoritySpec[] = [
    {
      code: 'northshire',
      name: 'Northshire',
      policyPack: 'national',
      caseNumberPrefix: 'NS',
      children: options.children,
      teams: ['Permanence Team East', 'Permanence Team West', 'Children in Care Team North'],
    },
    {
      code: 'southvale',
      name: 'Southvale',
      policyPack: 'national',
      caseNumberPrefix: 'SV',
      children: Math.max(10, Math.round(options.children / 10)),
      teams: ['Southvale Children in Care Team'],
    },
  ]
  const accounts: DemoAccount[] = []
  const authorities: { code: string; name: string; children: number }[] = []
  for (const [index, spec] of specs.entries()) {
    if (await findAuthorityByCode(db, spec.code)) {
      throw new Error(`The ${spec.name} demo authority already exists in this database`)
    }
    accounts.push(...(await seedAuthority(db, spec, options.seed + index * 7919, options.today)))
    authorities.push({ code: spec.code, name: spec.name, children: spec.children })
  }
  // The planner's statistics for the tables just filled: PGlite has no autovacuum, so without this every table
  // keeps the statistics of its empty start and the pages' queries read the wrong index (docs/performance.md).
  await analyseDatabase(db)
  return { authorities, accounts }
}

/**
 * The demo accounts of the standard demo authorities (for start-up messages when the data already exists).
 * @returns the accounts
 */
export function demoAccounts(): DemoAccount[] {
  return (['northshire', 'southvale'] as const).flatMap(code => [
    ...(Object.keys(DEMO_ROLE_EMAIL) as Role[]).map(role => ({
      authority: code === 'northshire' ? 'Northshire' : 'Southvale',
      role,
      email: `${DEMO_ROLE_EMAIL[role]}@${code}.example`,
      name: `${ROLE_LABELS[role]} (demo)`,
    })),
    {
      authority: code === 'northshire' ? 'Northshire' : 'Southvale',
      role: 'qa-auditor' as const,
      email: `second.auditor@${code}.example`,
      name: 'Second quality assurance auditor (demo)',
    },
  ])
}
