/**
 * Helpers for the case-file audit tests: a second quality-assurance auditor, and audit forms filled in.
 */
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { provisionUser } from '../../app/admin/provision-authority.ts'
import { AUDIT_DOMAINS, type AuditGrade } from '../../domain/audits/audit-domains.ts'
import { TEST_PASSWORD, type TestApp, type TestUser } from './test-app.ts'

let counter = 0

/**
 * Adds a quality-assurance auditor to a test authority.
 * @param t - the test app
 * @param authority - which authority
 * @param name - a display name
 * @returns the user, with an API token
 */
export async function addAuditor(t: TestApp, authority: 'north' | 'south', name: string): Promise<TestUser> {
  counter += 1
  const email = `auditor${counter}.${authority}@example.test`
  const id = await provisionUser(t.db, t[authority].authorityId, {
    email,
    displayName: name,
    role: 'qa-auditor',
    teamId: null,
    serviceId: t[authority].serviceId,
    password: TEST_PASSWORD,
    isDemo: true,
  })
  const token = (await createApiToken(t.deps, email, 'tests'))!
  return { id, email, role: 'qa-auditor', token, password: TEST_PASSWORD }
}

/**
 * A complete audit form: every domain graded (by a function of the domain), with evidence and improvements.
 * @param gradeOf - the grade for each domain
 * @param evidence - evidence text for each domain
 * @returns the form's domains
 */
export function completeAuditForm(
  gradeOf: (domain: (typeof AUDIT_DOMAINS)[number], index: number) => AuditGrade,
  evidence = 'The child’s views were clearly recorded and the family network was explored early.',
) {
  return Object.fromEntries(
    AUDIT_DOMAINS.map((domain, index) => [
      domain,
      {
        grade: gradeOf(domain, index),
        evidence,
        improvement: 'A balance sheet of the options should be produced and reviewed at each meeting.',
      },
    ]),
  )
}
