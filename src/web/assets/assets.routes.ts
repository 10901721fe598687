import { readFile } from 'node:fs/promises'
import { extname, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { stylesheet } from './build-assets.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Public files, by URL, from the design systems and our own assets folder. Nothing else is served. */
const FILES: Record<string, string> = {
  'js/govuk-frontend.min.js': 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js',
  'js/moj-frontend.min.js': 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js',
  'js/app.mjs': 'src/web/assets/app.mjs',
  'images/favicon.svg': 'src/web/assets/favicon.svg',
}
const DIRECTORIES: Record<string, string> = {
  'images/': 'node_modules/govuk-frontend/dist/govuk/assets/images/',
  'moj/images/': 'node_modules/@ministryofjustice/frontend/moj/assets/images/',
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.css': 'text/css; charset=utf-8',
}

function resolveAsset(path: string): string | undefined {
  if (FILES[path]) {
    return `${ROOT}${FILES[path]}`
  }
  for (const [prefix, dir] of Object.entries(DIRECTORIES)) {
    if (path.startsWith(prefix)) {
      const rest = normalize(path.slice(prefix.length))
      if (rest.startsWith('..') || rest.includes('/')) {
        return undefined
      }
      return `${ROOT}${dir}${rest}`
    }
  }
  return undefined
}

/**
 * Serves the stylesheet, scripts and images.
 * @param app - the server
 */
export function registerAssetRoutes(app: FastifyInstance): void {
  const security = { auth: 'none' as const, policy: 'public' as const, audit: null }
  app.get('/assets/app.css', { config: { security }, schema: { hide: true } }, async (_request, reply) => {
    const { css } = await stylesheet()
    return reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(css)
  })
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { security }, schema: { hide: true } },
    async (request, reply) => {
      const file = resolveAsset(request.params['*'])
      if (!file) {
        return reply.code(404).type('text/plain').send('Not found')
      }
      try {
        const body = await readFile(file)
        return reply
          .type(TYPES[extname(file)] ?? 'application/octet-stream')
          .header('Cache-Control', 'public, max-age=3600')
          .send(body)
      } catch {
        return reply.code(404).type('text/plain').send('Not found')
      }
    },
  )
}
