/**
 * A small seeded random source for demo data: the same seed gives the same authority, ids included, every time.
 * (mulberry32: fast, good enough for synthetic data, not for anything secret.)
 */
import { seededSequence } from '../../domain/shared/seeded-sequence.ts'

export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** A whole number in [min, max]. */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  /** One item of a list. */
  pick<T>(items: readonly T[]): T
  /** One item of a weighted list. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A UUID (version 4 layout) from the stream. */
  uuid(): string
}

/**
 * Creates a seeded random source.
 * @param seed - any whole number
 * @returns the source
 */
export function seededRandom(seed: number): Random {
  const next = seededSequence(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('')
  return {
    next,
    int,
    chance: p => next() < p,
    pick: items => items[Math.floor(next() * items.length)]!,
    weighted: items => {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) {
          return item
        }
      }
      return items[items.length - 1]![0]
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  }
}
