/**
 * How a JSON API route is declared and run: its policy and audit event, its zod schemas (which also generate the
 * OpenAPI document), whether it needs the version being changed (`If-Match`), and a handler that calls one use case.
 * Every request — success, refusal or bad input — runs through {@link runOperation}, so each writes exactly one audit
 * event (security AUD-01).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import {
  AppError,
  AuditUnavailableError,
  BreakGlassRequiredError,
  InputError,
  RuleViolationError,
  StaleVersionError,
  VersionRequiredError,
  ConflictError,
} from '../app/shared/errors.ts'
import { runOperation, type Operation, type PolicyKey } from '../app/shared/run-operation.ts'
import { parseInput, type FieldLabel } from '../domain/shared/input.ts'
import { messageFor } from './error-messages.ts'

export interface ApiInput<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  /** The version from If-Match, when the route needs one. */
  readonly version: number
}

export interface ApiResult {
  readonly status?: number
  readonly body: unknown
  /** Sets `ETag: W/"<version>"`. */
  readonly version?: number
  readonly location?: string
  /** A file rather than JSON (e.g. a CSV table): its media type, and the name to save it under. */
  readonly file?: { readonly contentType: string; readonly name: string }
  /** Extra headers, e.g. Content-Type and Content-Disposition for a downloaded document. */
  readonly headers?: Readonly<Record<string, string>>
}

export interface ApiRoute<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  readonly url: string
  readonly summary: string
  readonly tags: readonly string[]
  readonly policy: PolicyKey
  readonly audit: string
  readonly params?: z.ZodType<P>
  readonly query?: z.ZodType<Q>
  readonly body?: z.ZodType<B>
  /** Documentation of the success response. */
  readonly response?: z.ZodType
  readonly labels?: Readonly<Record<string, FieldLabel>>
  readonly needsVersion?: boolean
  readonly handle: (op: Operation, input: ApiInput<P, Q, B>) => Promise<ApiResult>
}

/**
 * Declares an API route (a helper for type inference).
 * @param route - the route
 * @returns the same route
 */
export function apiRoute<P, Q, B>(route: ApiRoute<P, Q, B>): ApiRoute<P, Q, B> {
  return route
}

const IF_MATCH = /^(?:W\/)?"(\d+)"$/

function versionFrom(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match']
  if (typeof header !== 'string') {
    return undefined
  }
  const match = IF_MATCH.exec(header.trim())
  return match ? Number(match[1]) : Number.NaN
}

/**
 * The error body for a failure: `{ errors: [{ path, code, message }] }`.
 * @param error - what was thrown
 * @returns status and body
 */
export function apiErrorResponse(error: unknown): {
  status: number
  body: { errors: { path: string; code: string; message: string }[] }
} {
  if (error instanceof InputError) {
    return { status: 400, body: { errors: [...error.errors] } }
  }
  if (error instanceof RuleViolationError || error instanceof ConflictError) {
    return {
      status: error.status,
      body: {
        errors: error.errors.map(e => ({
          path: e.path.join('.'),
          code: e.code,
          message: typeof e.params?.message === 'string' ? e.params.message : messageFor(e.code),
        })),
      },
    }
  }
  if (error instanceof StaleVersionError) {
    return {
      status: 412,
      body: {
        errors: [
          {
            path: '',
            code: 'stale-version',
            message: `Someone else has changed this record (it is now version ${error.currentVersion}). Reload it and make your change again.`,
          },
        ],
      },
    }
  }
  if (error instanceof VersionRequiredError) {
    return {
      status: 428,
      body: {
        errors: [{ path: '', code: 'version-required', message: 'Send If-Match with the version you are changing' }],
      },
    }
  }
  if (error instanceof BreakGlassRequiredError) {
    return {
      status: 403,
      body: {
        errors: [
          {
            path: '',
            code: 'break-glass-required',
            message: 'This record is restricted. Send X-Break-Glass-Reason saying why you need to open it',
          },
        ],
      },
    }
  }
  if (error instanceof AppError) {
    const code = error.status === 404 ? 'not-found' : error.status === 403 ? 'forbidden' : 'refused'
    const message =
      error.status === 404 ? 'Not found' : error.status === 403 ? 'You do not have access to this' : error.message
    return { status: error.status, body: { errors: [{ path: '', code, message }] } }
  }
  if (error instanceof AuditUnavailableError) {
    return {
      status: 503,
      body: {
        errors: [
          {
            path: '',
            code: 'audit-unavailable',
            message: 'The service cannot record this access now, so it was not carried out. Try again later.',
          },
        ],
      },
    }
  }
  return {
    status: 500,
    body: { errors: [{ path: '', code: 'internal-error', message: 'Something went wrong. Try again later.' }] },
  }
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : null
}

/**
 * Registers API routes on the server.
 * @param app - the server
 * @param deps - the application's dependencies
 * @param routes - the routes
 */
export function registerApiRoutes(
  app: FastifyInstance,
  deps: AppDependencies,
  routes: readonly ApiRoute<never, never, never>[],
): void {
  for (const route of routes as unknown as readonly ApiRoute[]) {
    app.route({
      method: route.method,
      url: route.url,
      config: { security: { auth: 'token', policy: route.policy, audit: route.audit } },
      schema: {
        summary: route.summary,
        tags: [...route.tags],
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
        ...(route.response ? { response: { [route.method === 'POST' ? 201 : 200]: route.response } } : {}),
      },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const actor = request.actor
        if (!actor) {
          return reply.code(401).send({ errors: [{ path: '', code: 'unauthenticated', message: 'Sign in first' }] })
        }
        try {
          const result = await runOperation(
            deps,
            {
              actor,
              policy: route.policy,
              auditAction: route.audit,
              purpose: header(request, 'x-purpose'),
              breakGlassReason: header(request, 'x-break-glass-reason'),
              clientAddress: request.ip,
              requestId: request.id,
              method: request.method,
              route: route.url,
            },
            async op => {
              const errors = []
              const params = route.params
                ? parseInput(route.params, request.params, route.labels)
                : { ok: true as const, value: request.params }
              const query = route.query
                ? parseInput(route.query, request.query ?? {}, route.labels)
                : { ok: true as const, value: request.query }
              const body = route.body
                ? parseInput(route.body, request.body ?? {}, route.labels)
                : { ok: true as const, value: undefined }
              for (const parsed of [params, query, body]) {
                if (!parsed.ok) {
                  errors.push(...parsed.errors)
                }
              }
              if (errors.length > 0 || !params.ok || !query.ok || !body.ok) {
                throw new InputError(errors)
              }
              let version = 0
              if (route.needsVersion) {
                const found = versionFrom(request)
                if (found === undefined) {
                  throw new VersionRequiredError()
                }
                if (Number.isNaN(found)) {
                  throw new InputError([
                    {
                      path: 'If-Match',
                      code: 'invalid-format',
                      message: 'If-Match must be the version in quotes, like W/"3"',
                    },
                  ])
                }
                version = found
              }
              return route.handle(op, { params: params.value, query: query.value, body: body.value, version })
            },
          )
          if (result.version !== undefined) {
            reply.header('ETag', `W/"${result.version}"`)
          }
          if (result.location) {
            reply.header('Location', result.location)
          }
          if (result.file) {
            reply
              .type(result.file.contentType)
              .header('Content-Disposition', `attachment; filename="${result.file.name}"`)
          }
          for (const [name, value] of Object.entries(result.headers ?? {})) {
            reply.header(name, value)
          }
          return reply.code(result.status ?? 200).send(result.body)
        } catch (error) {
          const { status, body } = apiErrorResponse(error)
          if (status >= 500) {
            request.log.error({ err: error }, 'API request failed')
          }
          return reply.code(status).send(body)
        }
      },
    })
  }
}
