/**
 * The policy pack and calendar for an authority's evaluations. Built-in packs and the calendar are parsed once;
 * an authority's own pack is re-parsed only when its stored version changes.
 */
import type { Tx } from '../../db/client.ts'
import { loadBankHolidayImports, loadPolicySettings } from '../../db/repositories/timescales-repository.ts'
import type { BankHolidayTable } from '../../domain/deadlines/bank-holidays.ts'
import { createCalendar, type Calendar } from '../../domain/deadlines/calendar.ts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../domain/deadlines/england-and-wales-bank-holidays.ts'
import { parseGovUkBankHolidays } from '../../domain/deadlines/gov-uk-bank-holidays.ts'
import type { PolicyPack } from '../../domain/timescales/policy-pack.ts'
import {
  BUILT_IN_POLICY_PACK_IDS,
  loadBuiltInPolicyPack,
  parsePolicyPack,
  type BuiltInPolicyPackId,
} from '../../domain/timescales/policy-packs.ts'

export interface TimescaleSettings {
  readonly pack: PolicyPack
  readonly calendar: Calendar
}

const customPacks = new Map<string, { key: string; pack: PolicyPack }>()
let calendarCache: { key: string; calendar: Calendar } | undefined

/**
 * Whether a name is one of the built-in packs.
 * @param name - a pack name
 * @returns true for national, devon, dorset, tameside
 */
export function isBuiltInPack(name: string): name is BuiltInPolicyPackId {
  return (BUILT_IN_POLICY_PACK_IDS as readonly string[]).includes(name)
}

/**
 * The calendar: the built-in England and Wales table, with imported gov.uk files layered over it.
 * @param tx - any transaction
 * @returns the calendar
 */
export async function loadCalendar(tx: Tx): Promise<Calendar> {
  const imports = await loadBankHolidayImports(tx)
  const key = imports.map(i => i.id).join(',')
  if (calendarCache?.key === key) {
    return calendarCache.calendar
  }
  const tables: BankHolidayTable[] = [ENGLAND_AND_WALES_BANK_HOLIDAYS]
  for (const imported of imports) {
    const parsed = parseGovUkBankHolidays(imported.content)
    if (parsed.ok) {
      tables.push(parsed.value)
    }
  }
  const calendar = createCalendar({ tables })
  calendarCache = { key, calendar }
  return calendar
}

/**
 * The policy pack and calendar for the authority of the transaction.
 * @param tx - a transaction in the authority
 * @returns the settings
 */
export async function loadTimescaleSettings(tx: Tx): Promise<TimescaleSettings> {
  const settings = await loadPolicySettings(tx)
  const calendar = await loadCalendar(tx)
  if (settings.custom) {
    const key = `${settings.custom.id}@${settings.custom.version}`
    const cached = customPacks.get(settings.authorityId)
    if (cached?.key === key) {
      return { pack: cached.pack, calendar }
    }
    const parsed = parsePolicyPack(settings.custom.definition)
    if (parsed.ok) {
      customPacks.set(settings.authorityId, { key, pack: parsed.value })
      return { pack: parsed.value, calendar }
    }
  }
  const builtIn = isBuiltInPack(settings.builtInPack) ? settings.builtInPack : 'national'
  return { pack: loadBuiltInPolicyPack(builtIn), calendar }
}
