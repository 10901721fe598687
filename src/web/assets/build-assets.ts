/**
 * The stylesheet, compiled from Sass once per process (and cached on disk between runs, keyed by the sources and the
 * design-system versions), so neither `npm start` nor the tests pay for it twice.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ASSETS = fileURLToPath(new URL('./', import.meta.url))

let compiled: Promise<{ css: string; hash: string }> | undefined

async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256')
  for (const file of (await readdir(ASSETS)).filter(f => f.endsWith('.scss')).sort()) {
    hash.update(file).update(await readFile(`${ASSETS}${file}`))
  }
  for (const pkg of ['govuk-frontend', '@ministryofjustice/frontend']) {
    hash.update(await readFile(`${ROOT}node_modules/${pkg}/package.json`))
  }
  return hash.digest('hex').slice(0, 16)
}

async function compile(): Promise<{ css: string; hash: string }> {
  const fingerprint = await sourceFingerprint()
  const cacheDir = `${ROOT}.cache/assets/`
  const cacheFile = `${cacheDir}app-${fingerprint}.css`
  try {
    return { css: await readFile(cacheFile, 'utf8'), hash: fingerprint }
  } catch {
    // not cached yet
  }
  const result = await sass.compileAsync(`${ASSETS}index.scss`, {
    importers: [new sass.NodePackageImporter(ROOT)],
    loadPaths: [ROOT],
    style: 'compressed',
    quietDeps: true,
    logger: sass.Logger.silent,
  })
  await mkdir(cacheDir, { recursive: true })
  await writeFile(cacheFile, result.css)
  return { css: result.css, hash: fingerprint }
}

/**
 * The compiled stylesheet and its fingerprint (for cache-busting URLs).
 * @returns the CSS and hash
 */
export function stylesheet(): Promise<{ css: string; hash: string }> {
  compiled ??= compile()
  return compiled
}
