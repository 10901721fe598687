import { Command } from 'commander'
import { destroyChildRecord } from '../../app/retention/destroy-child-record.ts'
import { listRecordsDue } from '../../app/retention/list-records-due.ts'
import { setChildLegalHold } from '../../app/retention/set-legal-hold.ts'
import { systemClock } from '../../app/shared/system-clock.ts'
import { loadConfig } from '../../config.ts'
import { openCliContext, type CliContext } from '../cli-context.ts'

async function withContext(purpose: string, work: (context: CliContext) => Promise<void>): Promise<void> {
  const context = await openCliContext(loadConfig(), purpose)
  try {
    await work(context)
  } finally {
    await context.close()
  }
}

function reasonOption(value: string): string {
  if (value.trim().length < 10) {
    throw new Error('--reason must say why, in at least 10 characters')
  }
  return value.trim()
}

/**
 * `permanence retention …`: the retention schedule (security D5, REL-03): list records whose earliest destruction
 * date has come, put or lift a legal hold, and destroy a record (refused by the database before its date or under a
 * hold; a tombstone and an audit event are kept).
 * @returns the command
 */
export function retentionCommand(): Command {
  const retention = new Command('retention').description(
    'The retention schedule: records due, legal holds, destruction',
  )
  retention
    .command('due')
    .description('List the children whose records have reached their earliest destruction date (ids and dates only)')
    .action(() =>
      withContext('permanence retention due', async ({ deps }) => {
        const due = await listRecordsDue(deps.db, systemClock.today())
        for (const record of due) {
          console.log(`${record.childId}  ${record.earliestDestructionOn}`)
        }
        console.log(`${due.length} record(s) due for appraisal`)
      }),
    )
  retention
    .command('hold')
    .description("Put a legal hold on a child's record (or lift it with --lift)")
    .requiredOption('--child <id>', "the child's id")
    .requiredOption('--reason <text>', 'why', reasonOption)
    .requiredOption('--operator <name>', 'who is doing this')
    .option('--lift', 'lift the hold instead')
    .action((options: { child: string; reason: string; operator: string; lift?: boolean }) =>
      withContext('permanence retention hold', async ({ deps }) => {
        await setChildLegalHold(deps.db, {
          childId: options.child,
          isHeld: !options.lift,
          reason: options.reason,
          operator: options.operator,
        })
        console.log(options.lift ? 'Legal hold lifted' : 'Legal hold set')
      }),
    )
  retention
    .command('destroy')
    .description("Destroy a child's record whose retention period has ended (keeps a tombstone and an audit event)")
    .requiredOption('--child <id>', "the child's id")
    .requiredOption('--reason <text>', 'the appraisal decision', reasonOption)
    .requiredOption('--operator <name>', 'who is doing this')
    .action((options: { child: string; reason: string; operator: string }) =>
      withContext('permanence retention destroy', async ({ deps }) => {
        const rows = await destroyChildRecord(deps.db, {
          childId: options.child,
          destroyedBy: options.operator,
          reason: options.reason,
        })
        console.log(`Destroyed ${Object.values(rows).reduce((a, b) => a + b, 0)} rows; the tombstone is kept`)
      }),
    )
  return retention
}
