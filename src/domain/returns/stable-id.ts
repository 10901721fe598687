/**
 * Deterministic identifiers for imported facts: a name-based UUID (RFC 9562 version 5, SHA-1) of the LA child ID
 * and the fact's dates, so importing the same returns twice yields the same ids and storage can be idempotent on
 * them (docs/adr/0034). SHA-1 is written out here because the domain may not import `node:crypto`; it names
 * things, it protects nothing.
 */

/** Our namespace UUID for SSDA903 imports (a random v4 UUID fixed once). */
export const SSDA903_IMPORT_NAMESPACE = '6f1d8a52-3c2e-4b7a-9f0e-5d4c3b2a1908'

// The import names every fact it creates (hundreds of thousands for a large authority), so the digest works in
// place: one message buffer and one schedule, reused, and words read without DataView.
const schedule = new Int32Array(80)
let message = new Uint8Array(128)

function digestWords(length: number): [number, number, number, number, number] {
  const paddedLength = (((length + 8) >> 6) + 1) << 6
  if (message.length < paddedLength) {
    message = new Uint8Array(paddedLength * 2)
  }
  const m = message
  m.fill(0, length, paddedLength)
  m[length] = 0x80
  const bitLength = length * 8
  const high = Math.floor(bitLength / 0x100000000)
  const low = bitLength >>> 0
  m[paddedLength - 8] = high >>> 24
  m[paddedLength - 7] = (high >>> 16) & 0xff
  m[paddedLength - 6] = (high >>> 8) & 0xff
  m[paddedLength - 5] = high & 0xff
  m[paddedLength - 4] = low >>> 24
  m[paddedLength - 3] = (low >>> 16) & 0xff
  m[paddedLength - 2] = (low >>> 8) & 0xff
  m[paddedLength - 1] = low & 0xff
  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  const w = schedule
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i += 1) {
      const j = offset + i * 4
      w[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!
    }
    for (let i = 16; i < 80; i += 1) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!
      w[i] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let i = 0; i < 80; i += 1) {
      let f: number
      if (i < 20) {
        f = ((b & c) | (~b & d)) + 0x5a827999
      } else if (i < 40) {
        f = (b ^ c ^ d) + 0x6ed9eba1
      } else if (i < 60) {
        f = ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
      } else {
        f = (b ^ c ^ d) + 0xca62c1d6
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + w[i]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  return [h0, h1, h2, h3, h4]
}

function wordsToBytes(words: readonly number[], count: number): Uint8Array {
  const bytes = new Uint8Array(count)
  for (let i = 0; i < count; i += 1) {
    bytes[i] = (words[i >> 2]! >>> (24 - (i % 4) * 8)) & 0xff
  }
  return bytes
}

/**
 * SHA-1 of some bytes (FIPS 180-4).
 * @param bytes - the message
 * @returns the 20-byte digest
 */
export function sha1(bytes: Uint8Array): Uint8Array {
  if (message.length < bytes.length + 72) {
    message = new Uint8Array((bytes.length + 72) * 2)
  }
  message.set(bytes)
  return wordsToBytes(digestWords(bytes.length), 20)
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '')
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 16; i += 1) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  }
  return bytes
}

const namespaceBytes = new Map<string, Uint8Array>()
const encoder = new TextEncoder()
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * A version-5 UUID for a name within a namespace.
 * @param name - the name
 * @param namespace - the namespace UUID
 * @returns the UUID, lower case
 */
export function uuidV5(name: string, namespace: string = SSDA903_IMPORT_NAMESPACE): string {
  let space = namespaceBytes.get(namespace)
  if (space === undefined) {
    space = uuidBytes(namespace)
    namespaceBytes.set(namespace, space)
  }
  const needed = 16 + name.length * 3 + 72
  if (message.length < needed) {
    message = new Uint8Array(needed * 2)
  }
  message.set(space)
  const { written } = encoder.encodeInto(name, message.subarray(16))
  const hash = wordsToBytes(digestWords(16 + written), 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i += 1) {
    hex += HEX[hash[i]!]!
    if (i === 3 || i === 5 || i === 7 || i === 9) {
      hex += '-'
    }
  }
  return hex
}

/**
 * The stable id of an imported fact: the LA child ID, the kind of fact and its identifying dates.
 * @param laChildId - the 903 CHILD
 * @param kind - e.g. `period-of-care`
 * @param parts - the identifying dates or values
 * @returns a UUID
 */
export function stableFactId(laChildId: string, kind: string, ...parts: readonly string[]): string {
  return uuidV5([laChildId, kind, ...parts].join('|'))
}
