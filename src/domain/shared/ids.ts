/** Opaque identifiers (UUIDs). URLs carry only these, never names or case numbers (security SEC-09). */
export type Uuid = string & { readonly __brand: 'Uuid' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Whether a string is a UUID in canonical lower-case form.
 * @param value - the text
 * @returns true for a UUID
 */
export function isUuid(value: string): value is Uuid {
  return UUID.test(value)
}
