import { Command } from 'commander'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { loadConfig } from '../../config.ts'
import { openCliContext } from '../cli-context.ts'

/**
 * `permanence tokens create --user EMAIL`: issues an API token.
 * @returns the command
 */
export function tokensCommand(): Command {
  const tokens = new Command('tokens').description('Manage API tokens')
  tokens
    .command('create')
    .description('Issue an API bearer token for a user and print it (shown once; only its hash is kept)')
    .requiredOption('--user <email>', "the user's email address")
    .option('--name <name>', 'what the token is for', 'API client')
    .action(async (options: { user: string; name: string }) => {
      const config = loadConfig()
      const context = await openCliContext(config, 'permanence tokens create')
      try {
        const token = await createApiToken(context.deps, options.user, options.name)
        if (!token) {
          console.error(`permanence: there is no active user with the email address ${options.user}`)
          process.exitCode = 2
          return
        }
        console.log(token)
      } finally {
        await context.close()
      }
    })
  return tokens
}
