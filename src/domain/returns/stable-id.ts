/**
 * Deterministic identifiers for imported facts: a name-based UUID (RFC 9562 version 5, SHA-1) of the LA child ID
 * and the fact's dates, so importing the same returns twice yields the same ids and storage can be idempotent on
 * them (docs/adr/0034). SHA-1 is written out here because the domain may not import `node:crypto`; it names
 * things, it protects nothing.
 */

/** Our namespace UUID for SSDA903 imports (a random v4 UUID fixed once). */
export const SSDA903_IMPORT_NAMESPACE = '6f1d8a52-3c2e-4b7a-9f0e-5d4c3b2a1908'

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits))
}

/**
 * SHA-1 of some bytes (FIPS 180-4).
 * @param bytes - the message
 * @returns the 20-byte digest
 */
export function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8
  const paddedLength = (((bytes.length + 8) >> 6) + 1) << 6
  const padded = new Uint8Array(paddedLength)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 0x100000000))
  view.setUint32(paddedLength - 4, bitLength >>> 0)
  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = new Uint32Array(80)
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i += 1) {
      w[i] = view.getUint32(offset + i * 4)
    }
    for (let i = 16; i < 80; i += 1) {
      w[i] = rotateLeft(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let i = 0; i < 80; i += 1) {
      let f: number
      let k: number
      if (i < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (i < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (rotateLeft(a, 5) + f + e + k + w[i]!) >>> 0
      e = d
      d = c
      c = rotateLeft(b, 30) >>> 0
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const digest = new Uint8Array(20)
  const out = new DataView(digest.buffer)
  ;[h0, h1, h2, h3, h4].forEach((h, i) => out.setUint32(i * 4, h))
  return digest
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '')
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 16; i += 1) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  }
  return bytes
}

/**
 * A version-5 UUID for a name within a namespace.
 * @param name - the name
 * @param namespace - the namespace UUID
 * @returns the UUID, lower case
 */
export function uuidV5(name: string, namespace: string = SSDA903_IMPORT_NAMESPACE): string {
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(uuidBytes(namespace))
  input.set(nameBytes, 16)
  const hash = sha1(input).slice(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = Array.from(hash, byte => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
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
