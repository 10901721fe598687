/**
 * The HTTP server: one Fastify instance serving the JSON API under /api/v1 (bearer tokens), its OpenAPI document,
 * a health check, and the server-rendered web interface (session cookies). Security headers, authentication and the
 * route declarations apply to everything (house style example 1: an ordered list of set-up steps).
 */
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { randomUUID } from 'node:crypto'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import { apiErrorResponse, registerApiRoutes, type ApiRoute } from './api-route.ts'
import { registerAuthentication, sessionCookie } from './middleware/authentication.ts'
import { registerSecurityHeaders } from './middleware/security-headers.ts'
import type { RegisteredRoute } from './route-security.ts'

export interface ServerOptions {
  readonly deps: AppDependencies
  readonly apiRoutes: readonly ApiRoute<never, never, never>[]
  /** Registers the web interface (src/web), given the cookie settings. */
  readonly registerWeb?: (app: FastifyInstance, cookie: ReturnType<typeof sessionCookie>) => Promise<void>
  readonly isCookieSecure: boolean
  readonly requireSecondFactor: boolean
  /** Demo mode: demo accounts may sign in and use their API tokens only then (security SEC-04). */
  readonly isDemo?: boolean
  readonly logLevel?: string
  readonly version?: string
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[]
    /** Set by the web interface: renders its "page not found" page. */
    renderWebNotFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply
  }
}

/**
 * Builds the server (not yet listening).
 * @param options - dependencies, routes and settings
 * @returns the Fastify instance
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  })
  app.decorate('registeredRoutes', [] as RegisteredRoute[])
  app.addHook('onRoute', route => {
    const security = route.config?.security
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!security && !methods.every(m => m === 'HEAD')) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no security (policy and audit)`)
    }
    for (const method of methods) {
      app.registeredRoutes.push({ method, url: route.url, security })
    }
  })
  // Inputs are parsed by each route's own zod schema inside its audited operation (so bad input is audited too);
  // the schemas given to Fastify are for the OpenAPI document only.
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }))
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data))

  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Permanence Planner API',
        description:
          'Care records, timescales and permanence plans for children in care. Authenticate with a bearer token from `permanence tokens create`.',
        version: options.version ?? '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })

  registerSecurityHeaders(app)
  const cookie = sessionCookie(options.isCookieSecure)
  registerAuthentication(app, options.deps, {
    cookie,
    requireSecondFactor: options.requireSecondFactor,
    isDemo: options.isDemo === true,
  })

  app.get(
    '/health',
    { config: { security: { auth: 'none', policy: 'public', audit: null } }, schema: { hide: true } },
    async () => {
      await options.deps.db.query('SELECT 1')
      return { status: 'ok', database: options.deps.db.kind }
    },
  )
  app.get(
    '/api/openapi.json',
    { config: { security: { auth: 'none', policy: 'public', audit: null } }, schema: { hide: true } },
    (_request, reply) => reply.send(app.swagger()),
  )

  registerApiRoutes(app, options.deps, options.apiRoutes)
  if (options.registerWeb) {
    await options.registerWeb(app, cookie)
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ errors: [{ path: '', code: 'not-found', message: 'Not found' }] })
    }
    return app.renderWebNotFound
      ? app.renderWebNotFound(request, reply)
      : reply.code(404).type('text/plain').send('Page not found')
  })
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode
    if (status !== undefined && status >= 400 && status < 500) {
      const code = status === 415 ? 'unsupported-media-type' : status === 413 ? 'too-large' : 'bad-request'
      return reply.code(status).send({ errors: [{ path: '', code, message: (error as Error).message }] })
    }
    request.log.error({ err: error }, 'Unhandled error')
    const { body } = apiErrorResponse(error)
    return reply.code(500).send(body)
  })
  return app
}
