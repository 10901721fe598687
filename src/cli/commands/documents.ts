import { writeFile } from 'node:fs/promises'
import { Command, InvalidArgumentError, Option } from 'commander'
import { printDocument, UnknownOperatorError, type PrintRequest } from '../../app/documents/print-document.ts'
import type { DocumentFormat } from '../../app/documents/document-file.ts'
import { AppError } from '../../app/shared/errors.ts'
import { loadConfig } from '../../config.ts'
import { idSchema } from '../../domain/shared/input.ts'
import { openCliContext } from '../cli-context.ts'
import { wholeNumber } from './demo.ts'

function uuid(name: string) {
  return (value: string): string => {
    if (!idSchema.safeParse(value).success) {
      throw new InvalidArgumentError(`${name} must be an id like 3f2b8c1e-9d4a-4c7e-8b1a-2f6d5e4c3b2a`)
    }
    return value
  }
}

const FORMAT = new Option('--format <format>', 'pdf or docx').choices(['pdf', 'docx']).default('pdf')
const USER = new Option('--user <email>', 'who is printing it: their access applies and the print is audited as theirs')
  .env('PERMANENCE_USER')
  .makeOptionMandatory()

async function print(request: PrintRequest, options: { format: DocumentFormat; out: string; user: string }) {
  const config = loadConfig()
  const context = await openCliContext(config, 'permanence documents')
  try {
    const file = await printDocument(context.deps, options.user, request, options.format)
    await writeFile(options.out, file.body)
    console.log(`Wrote ${options.out} (${file.body.length} bytes).`)
  } catch (error) {
    if (error instanceof UnknownOperatorError) {
      console.error(`permanence: ${error.message}`)
      process.exitCode = 2
      return
    }
    if (error instanceof AppError && (error.status === 404 || error.status === 422)) {
      // Not found and "not yours" read the same (security SEC-01).
      console.error(
        error.status === 404
          ? 'permanence: no such child or meeting that you can see'
          : `permanence: there is nothing to print yet (${error.message})`,
      )
      process.exitCode = 2
      return
    }
    throw error
  } finally {
    await context.close()
  }
}

/**
 * `permanence documents plan|minutes`: prints a child's permanence plan or a meeting's minutes to a file.
 * @returns the command
 */
export function documentsCommand(): Command {
  const documents = new Command('documents').description(
    "Print a child's permanence plan or a meeting's minutes as PDF or DOCX, headed with the authority's name",
  )
  documents
    .command('plan')
    .description('Print the permanence plan (the version in force unless --version is given)')
    .requiredOption('--child <id>', "the child's id", uuid('--child'))
    .requiredOption('--out <file>', 'where to write it')
    .option('--version <n>', 'a version other than the one in force', wholeNumber('--version', 1, 100000))
    .addOption(FORMAT)
    .addOption(USER)
    .action(async (options: { child: string; out: string; version?: number; format: DocumentFormat; user: string }) =>
      print({ document: 'plan', childId: options.child, planVersion: options.version }, options),
    )
  documents
    .command('minutes')
    .description("Print a meeting's minutes")
    .requiredOption('--meeting <id>', "the meeting's id", uuid('--meeting'))
    .option('--child <id>', 'the child, for a sibling group’s meeting (default: the first child)', uuid('--child'))
    .requiredOption('--out <file>', 'where to write it')
    .addOption(FORMAT)
    .addOption(USER)
    .action(async (options: { meeting: string; child?: string; out: string; format: DocumentFormat; user: string }) =>
      print({ document: 'minutes', meetingId: options.meeting, childId: options.child ?? null }, options),
    )
  // Usage errors in a subcommand exit with code 2 through main(), like the top-level commands'.
  for (const command of documents.commands) {
    command.exitOverride()
  }
  return documents
}
