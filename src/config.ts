/**
 * Settings from the environment, read once and checked. Outside demo mode, settings that protect children's data
 * must be given explicitly; start-up fails with a message naming what is missing (HMPPS config.ts style).
 */
import { resolve } from 'node:path'

export interface OidcSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly redirectUri: string
  /** The authority whose users this provider signs in. */
  readonly authorityCode: string
}

export interface Config {
  readonly port: number
  readonly host: string
  /** A postgres:// URL, or undefined for the embedded database. */
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  /** Demo mode: a synthetic demo authority, demo accounts, no second factor. */
  readonly isDemo: boolean
  /** Whether cookies carry the Secure flag and the __Host- prefix (on unless explicitly off for plain-HTTP testing). */
  readonly isCookieSecure: boolean
  readonly requireSecondFactor: boolean
  readonly oidc: OidcSettings | undefined
  readonly publicUrl: string
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback
  }
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`)
  }
  return port
}

/**
 * Reads the configuration.
 * @param env - the environment
 * @param overrides - values set by the command line
 * @returns the configuration
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const isDemo = overrides.isDemo ?? env.PERMANENCE_DEMO === '1'
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined)
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL')
  }
  const port = overrides.port ?? parsePort(env.PORT, 3000)
  const host = overrides.host ?? env.HOST ?? '127.0.0.1'
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET ?? '',
          redirectUri: env.OIDC_REDIRECT_URI ?? `http://localhost:${port}/sign-in/oidc/callback`,
          authorityCode: env.OIDC_AUTHORITY ?? '',
        }
      : undefined
  const config: Config = {
    port,
    host,
    databaseUrl,
    dataDir: resolve(overrides.dataDir ?? env.PERMANENCE_DATA_DIR ?? '.data'),
    isDemo,
    isCookieSecure: overrides.isCookieSecure ?? env.PERMANENCE_INSECURE_COOKIES !== '1',
    requireSecondFactor: overrides.requireSecondFactor ?? !isDemo,
    oidc,
    publicUrl: overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`,
    ...overrides,
  }
  if (!config.isDemo && env.NODE_ENV === 'production' && config.databaseUrl === undefined) {
    throw new Error('In production, set DATABASE_URL: the embedded database is for demonstration and development')
  }
  return config
}
