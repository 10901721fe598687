/**
 * Printing a child's document from the command line, as a named user: the same use cases, authorisation and audit
 * (an export of the child's record) as the web and the API, with "cli" as the client address.
 */
import { findSignInCandidate, loadUser } from '../../db/repositories/auth-repository.ts'
import { actorFromUser } from '../auth/actor-from-user.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { runOperation } from '../shared/run-operation.ts'
import type { DocumentFile, DocumentFormat } from './document-file.ts'
import { exportMinutesDocument } from './export-minutes-document.ts'
import { exportPlanDocument } from './export-plan-document.ts'

/** What to print. */
export type PrintRequest =
  | { readonly document: 'plan'; readonly childId: string; readonly planVersion?: number }
  | { readonly document: 'minutes'; readonly meetingId: string; readonly childId: string | null }

export class UnknownOperatorError extends Error {
  override readonly name = 'UnknownOperatorError'
}

/**
 * Prints a plan or a meeting's minutes for a user.
 * @param deps - the application's dependencies
 * @param email - the user printing it (their access decides; the print is audited as theirs)
 * @param request - the document
 * @param format - PDF or DOCX
 * @returns the file
 * @throws UnknownOperatorError when there is no active user with that email
 */
export async function printDocument(
  deps: AppDependencies,
  email: string,
  request: PrintRequest,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const candidate = await findSignInCandidate(deps.db, email)
  const user =
    candidate && candidate.isActive
      ? await deps.db.withAuthority({ authorityId: candidate.authorityId, userId: candidate.userId }, tx =>
          loadUser(tx, candidate.userId),
        )
      : undefined
  const actor = user ? actorFromUser(user) : undefined
  if (!actor) {
    throw new UnknownOperatorError(
      `there is no active user who can see children's records with the email address ${email}`,
    )
  }
  return runOperation(
    deps,
    {
      actor,
      policy: 'child:view',
      auditAction: request.document === 'plan' ? 'PERMANENCE_PLAN_EXPORTED' : 'MINUTES_EXPORTED',
      clientAddress: 'cli',
      method: 'CLI',
      route: `permanence documents ${request.document}`,
    },
    op =>
      request.document === 'plan'
        ? exportPlanDocument(op, request.childId, format, request.planVersion)
        : exportMinutesDocument(op, request.childId, request.meetingId, format),
  )
}
