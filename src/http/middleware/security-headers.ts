/**
 * Security headers on every response (security SEC-06, SEC-09; house style example 2). A fresh CSP nonce per request
 * lets our own inline-free scripts run while everything else is blocked. Records are never cached by browsers or
 * proxies: children's data must not linger on shared council computers.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyRequest {
    cspNonce: string
  }
}

/**
 * Adds the nonce and headers.
 * @param app - the server
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.decorateRequest('cspNonce', '')
  app.addHook('onRequest', (request, _reply, done) => {
    request.cspNonce = randomBytes(16).toString('base64')
    done()
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    const nonce = request.cspNonce
    reply.header(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
    )
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    reply.header('Cross-Origin-Resource-Policy', 'same-origin')
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    // Browsers ignore HSTS over plain HTTP, so it is harmless in development and always present behind TLS.
    reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    // The request's id, as kept in its audit event, so a support call or the audit harness can find it (AUD-01).
    reply.header('X-Request-Id', request.id)
    if (!request.url.startsWith('/assets/')) {
      reply.header('Cache-Control', 'no-store')
      reply.header('Pragma', 'no-cache')
    }
    done(null, payload)
  })
}
