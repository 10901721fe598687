/**
 * The `permanence` command line. Each command is a thin adapter over src/app; `--help` on any command says how to
 * use it. Exit codes: 0 success, 1 failure, 2 bad input or usage.
 */
import { Command, CommanderError } from 'commander'
import { backupCommand, restoreCommand } from './commands/backup.ts'
import { demoCommand } from './commands/demo.ts'
import { documentsCommand } from './commands/documents.ts'
import { migrateCommand } from './commands/migrate.ts'
import { retentionCommand } from './commands/retention.ts'
import { serveCommand, startCommand } from './commands/serve.ts'
import { tokensCommand } from './commands/tokens.ts'
import { timescalesCommand } from './commands/timescales.ts'
import { timescalesRefreshCommand } from './commands/timescales-refresh.ts'
import { calendarCommand } from './commands/calendar.ts'
import { importCommand } from './commands/import-ssda903.ts'
import { returnsCommand } from './commands/returns.ts'
import { reportCliError } from './cli-context.ts'

/**
 * Builds the program with every command.
 * @returns the program
 */
export function buildProgram(): Command {
  const program = new Command('permanence')
    .description('Permanence Planner: care records, timescales and permanence plans for children in care')
    .showHelpAfterError()
  program.addCommand(startCommand())
  program.addCommand(serveCommand())
  program.addCommand(migrateCommand())
  program.addCommand(demoCommand())
  program.addCommand(tokensCommand())
  program.addCommand(timescalesCommand().addCommand(timescalesRefreshCommand()))
  program.addCommand(calendarCommand())
  program.addCommand(backupCommand())
  program.addCommand(restoreCommand())
  program.addCommand(retentionCommand())
  program.addCommand(importCommand())
  program.addCommand(returnsCommand())
  program.addCommand(documentsCommand())
  const exitOverride = (command: Command): void => {
    command.exitOverride()
    command.commands.forEach(exitOverride)
  }
  exitOverride(program)
  return program
}

/**
 * Runs the command line.
 * @param argv - process.argv
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2
      return
    }
    reportCliError(error)
  }
}
