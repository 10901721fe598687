import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../app/shared/errors.ts'
import { idSchema } from '../../domain/shared/input.ts'

/** What to say when someone else saved the plan first (security REL-02). */
export const STALE_PLAN =
  'Someone else has changed this plan since you opened it, so your changes were not saved. Your answers are below: open the plan again to see the other changes, then make yours.'

/** What to say when someone else saved the meeting first. */
export const STALE_MEETING =
  'Someone else has changed this meeting since you opened it, so your changes were not saved. Your answers are below: open the meeting again to see the other changes, then make yours.'

/**
 * An id in the address, or not found.
 * @param request - the request
 * @param name - the parameter
 * @returns the id
 */
export function idParam(request: FastifyRequest, name: string): string {
  const parsed = idSchema.safeParse((request.params as Record<string, unknown>)[name])
  if (!parsed.success) {
    throw new NotFoundError('Record')
  }
  return parsed.data
}

/**
 * The child in the address, or not found.
 * @param request - the request
 * @returns the child's id
 */
export function childIdOf(request: FastifyRequest): string {
  return idParam(request, 'childId')
}
