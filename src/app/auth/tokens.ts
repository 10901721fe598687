import { createHash, randomBytes } from 'node:crypto'

/**
 * A new random secret token (session cookie or API token), 256 bits, base64url.
 * @returns the token
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The hash stored in place of a token, so a database leak does not leak live credentials.
 * @param token - the token
 * @returns hex sha-256
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
