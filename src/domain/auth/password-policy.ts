/**
 * What makes a password acceptable (security SEC-04; ASVS 5.0 6.2): at least 12 characters, at most 128, any
 * characters at all (no composition rules, no expiry), and not one that attackers try first — a common or breached
 * password from the deny-list, such a password with a few digits or symbols added, one character repeated, a simple
 * run ("abcdefghijkl", "123456789012"), or the user's own email address or name.
 *
 * Length is counted in Unicode code points after NFKC normalisation, so a passphrase in any script counts as typed.
 * The deny-list is data (src/app/auth/data/common-passwords.txt), passed in: the domain reads no files.
 */

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

export type PasswordProblem =
  'password-too-short' | 'password-too-long' | 'password-common' | 'password-repetitive' | 'password-contains-account'

export const PASSWORD_MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  'password-too-short': `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
  'password-too-long': `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  'password-common': 'Choose a password that is harder to guess: this one is on a list of common or breached passwords',
  'password-repetitive': 'Choose a password that is harder to guess: avoid repeated characters and simple runs',
  'password-contains-account': 'Choose a password that does not contain your email address or name',
}

/** Who the password is for, to refuse passwords made from their own details. */
export interface PasswordContext {
  readonly email?: string | null
  readonly displayName?: string | null
}

/**
 * Normalises a password the way it is checked and counted (NFKC).
 * @param password - as typed
 * @returns the normalised form
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC')
}

function isRun(text: string): boolean {
  const codes = [...text].map(c => c.codePointAt(0)!)
  if (codes.length < 2) {
    return true
  }
  const step = codes[1]! - codes[0]!
  return Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step)
}

/**
 * Checks a new password against the policy.
 * @param password - the new password, as typed
 * @param denyList - common and breached passwords, lower case
 * @param context - the account's email address and name
 * @returns the problems found, none when the password is acceptable
 */
export function checkPassword(
  password: string,
  denyList: ReadonlySet<string>,
  context: PasswordContext = {},
): PasswordProblem[] {
  const normalised = normalisePassword(password)
  const length = [...normalised].length
  if (length < PASSWORD_MIN_LENGTH) {
    return ['password-too-short']
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return ['password-too-long']
  }
  const lower = normalised.toLowerCase()
  const problems: PasswordProblem[] = []
  // A listed password with up to four digits or symbols added at either end is no stronger than the listed one.
  const core = lower.replace(/^[\d\W_]{1,4}/u, '').replace(/[\d\W_]{1,4}$/u, '')
  if (denyList.has(lower) || denyList.has(core) || denyList.has(lower.replace(/\s+/g, ''))) {
    problems.push('password-common')
  }
  if (isRun(lower) || new Set(lower).size <= 2) {
    problems.push('password-repetitive')
  }
  const personal = [
    context.email?.toLowerCase(),
    context.email?.toLowerCase().split('@')[0],
    ...(context.displayName ?? '').toLowerCase().split(/\s+/),
  ].filter((part): part is string => part !== undefined && part.length >= 4)
  if (personal.some(part => lower.includes(part))) {
    problems.push('password-contains-account')
  }
  return problems
}
