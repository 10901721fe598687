/**
 * The deny-list of common and breached passwords (security SEC-04), read once from
 * src/app/auth/data/common-passwords.txt: the 49,233 most common passwords of the "10 million passwords" breach
 * corpus in frequency order, as shipped in the `passwords` dictionary of zxcvbn-ts (@zxcvbn-ts/language-common
 * 4.1.3, MIT licence: data/common-passwords.LICENSE.txt), lower-cased and de-duplicated. docs/security.md says how to
 * rebuild or extend it.
 */
import { readFileSync } from 'node:fs'
import { checkPassword, type PasswordContext, type PasswordProblem } from '../../domain/auth/password-policy.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'

const LIST_FILE = new URL('./data/common-passwords.txt', import.meta.url)

let cached: ReadonlySet<string> | undefined

/**
 * The deny-list, lower case.
 * @returns the set of refused passwords
 */
export function passwordDenyList(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .map(line => line.trim())
      .filter(line => line !== ''),
  )
  return cached
}

/**
 * Checks a new password against the policy.
 * @param password - the new password
 * @param context - the account's email and name
 * @returns the problems, none when acceptable
 */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  return checkPassword(password, passwordDenyList(), context)
}

/**
 * Refuses a password that breaks the policy.
 * @param password - the new password
 * @param context - the account's email and name
 * @param field - the field name to report the problem against
 * @throws RuleViolationError naming each problem
 */
export function assertAcceptablePassword(password: string, context: PasswordContext = {}, field = 'password'): void {
  const problems = passwordProblems(password, context)
  if (problems.length > 0) {
    throw new RuleViolationError(problems.map(code => domainError(code, [field])))
  }
}
