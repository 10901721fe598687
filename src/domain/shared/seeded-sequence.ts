/**
 * A seeded random source (mulberry32): the same seed always gives the same sequence. Fast and good enough for
 * reproducible samples and synthetic data; not for anything secret. Shared by the audit sample, the demo and the
 * synthetic returns and histories, which each wrote their own copy before.
 * @param seed - any whole number
 * @returns a function giving numbers in [0, 1)
 */
export function seededSequence(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
