/**
 * Time-based one-time passwords (RFC 6238) for the second factor (security SEC-04), with otplib: 6 digits, 30-second
 * steps, one step of clock drift either way, and no step accepted twice (replay). The secret is shown to the user
 * once, at enrolment, as text, as an otpauth:// URI and as a QR code; it is never logged.
 */
import { generateSecret, generateURI, verify } from 'otplib'
import qrEnc from 'pdfmake/js/qrEnc.js'

const ISSUER = 'Permanence Planner'

// The module is CommonJS with `exports.default`; under Node's ESM loader the default import is the exports object.
const qrEncoder = (qrEnc as unknown as { default?: typeof qrEnc }).default ?? qrEnc

/**
 * A new random secret (160 bits, base32).
 * @returns the secret
 */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 })
}

/**
 * The otpauth:// URI an authenticator app reads.
 * @param secret - the base32 secret
 * @param email - the account, as the label
 * @returns the URI
 */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret })
}

/**
 * Checks a code.
 * @param secret - the base32 secret
 * @param code - what the user typed
 * @param nowMs - the current time (the injected clock)
 * @param lastUsedStep - the last step accepted for this account, to refuse a replay
 * @returns the time step of the accepted code, or undefined
 */
export async function checkTotpCode(
  secret: string,
  code: string,
  nowMs: number,
  lastUsedStep: number | null,
): Promise<number | undefined> {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) {
    return undefined
  }
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: 30,
    ...(lastUsedStep === null ? {} : { afterTimeStep: lastUsedStep }),
  }).catch(() => ({ valid: false as const }))
  return result.valid && 'timeStep' in result ? result.timeStep : undefined
}

/**
 * Draws a QR code as an SVG image (dark modules on white, with the 4-module quiet zone the standard asks for).
 * @param text - what to encode
 * @returns the SVG markup (no user text in it, only the modules)
 */
export function qrCodeSvg(text: string): string {
  const fit = 1000
  const { _canvas: rects } = qrEncoder.measure({ qr: text, eccLevel: 'M', fit })
  const [background, ...modules] = rects
  const moduleSize = modules[0]?.w ?? 1
  const count = Math.round((background?.w ?? 0) / moduleSize)
  const size = count + 8
  const path = modules
    .map(rect => `M${Math.round(rect.x / moduleSize) + 4} ${Math.round(rect.y / moduleSize) + 4}h1v1h-1z`)
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 5}" height="${size * 5}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="QR code for your authenticator app">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  )
}
