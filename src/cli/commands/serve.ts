import { Command } from 'commander'
import { listAuthorities } from '../../app/admin/list-authorities.ts'
import { seedDemo, demoAccounts, DEMO_PASSWORD } from '../../app/demo/seed-demo.ts'
import { systemClock } from '../../app/shared/system-clock.ts'
import { loadConfig, type Config } from '../../config.ts'
import { buildApplication } from '../../http/application.ts'
import { startBackgroundJobs } from '../../app/jobs/start-background-jobs.ts'
import { needsTimescaleRefresh } from '../../app/jobs/needs-timescale-refresh.ts'
import { openCliContext } from '../cli-context.ts'
import { wholeNumber } from './demo.ts'

/**
 * Runs the server until interrupted.
 * @param config - the configuration
 * @param options - whether to build the demo authorities into an empty database first
 * @param options.seedDemoIfEmpty - build Northshire and Southvale when there are no authorities yet
 */
export async function runServer(config: Config, options: { seedDemoIfEmpty: boolean }): Promise<void> {
  const context = await openCliContext(config, `permanence server on port ${config.port}`)
  const { deps } = context
  if (options.seedDemoIfEmpty && (await listAuthorities(deps.db)).length === 0) {
    console.log('Empty database: building the demo authorities Northshire and Southvale (synthetic data) …')
    const summary = await seedDemo(deps.db, { children: 400, seed: 2026, today: systemClock.today() })
    console.log(`Built ${summary.authorities.map(a => `${a.name} (${a.children} children)`).join(' and ')}.`)
  }
  const app = await buildApplication(deps, {
    isDemo: config.isDemo,
    isCookieSecure: config.isCookieSecure,
    requireSecondFactor: config.requireSecondFactor,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    oidc: () => config.oidc,
  })
  const jobs = await startBackgroundJobs(deps.db, deps.clock, message => app.log.warn(message))
  if (await needsTimescaleRefresh(deps.db, deps.clock.today())) {
    jobs.refreshNow().catch((error: unknown) => app.log.error({ err: error }, 'Timescale refresh failed'))
  }
  const shutdown = async () => {
    await app.close()
    await jobs.stop()
    await context.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`
  console.log(`\nPermanence Planner is running at ${url}`)
  console.log(
    `Database: ${deps.db.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${deps.db.location}` : deps.db.location}`,
  )
  if (config.isDemo) {
    console.log(`\nDemo mode. Sign in with any of these accounts; the password is "${DEMO_PASSWORD}":`)
    for (const account of demoAccounts()) {
      console.log(`  ${account.authority.padEnd(11)} ${account.role.padEnd(22)} ${account.email}`)
    }
  }
  console.log('\nPress Ctrl+C to stop.')
}

/**
 * `permanence serve`: runs the web interface and API.
 * @returns the command
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the web interface and API (PORT sets the port; DATABASE_URL selects a PostgreSQL server)')
    .option('--port <port>', 'port to listen on', wholeNumber('--port', 0, 65535))
    .option('--demo', 'demo mode: demo accounts, no second factor, build the demo authorities into an empty database')
    .action(async (options: { port?: number; demo?: boolean }) => {
      const config = loadConfig(process.env, {
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.demo ? { isDemo: true, requireSecondFactor: false } : {}),
      })
      await runServer(config, { seedDemoIfEmpty: config.isDemo })
    })
}

/**
 * `permanence start`: the one command a new user runs — demo mode on the embedded database.
 * @returns the command
 */
export function startCommand(): Command {
  return new Command('start')
    .description('Start in demo mode: migrate, build the demo authorities if the database is empty, and serve')
    .action(async () => {
      const config = loadConfig(process.env, { isDemo: true, requireSecondFactor: false })
      await runServer(config, { seedDemoIfEmpty: true })
    })
}
