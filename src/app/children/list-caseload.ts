import {
  listCaseloadEntries,
  listChildSummaries,
  type CaseloadEntry,
  type CaseloadScope,
  type ChildSummary,
} from '../../db/repositories/caseload-repository.ts'
import { loadOpenItems, type OpenItem } from '../../db/repositories/timescales-repository.ts'
import { authoriseAuthority, viewableOf, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from '../timescales/evaluate-and-store.ts'

export type CaseloadView = 'mine' | 'team'
/** Which children: all, looked after now, with something overdue or due soon, with something overdue. */
export type CaseloadShow = 'all' | 'looked-after' | 'due-soon' | 'overdue'
/** Most urgent first (overdue, then due soon, then the soonest due), by name, or youngest first. */
export type CaseloadSort = 'due' | 'name' | 'age'

/** The most children one page lists. */
export const CASELOAD_PAGE_SIZE = 50

export interface CaseloadQuery {
  readonly view?: CaseloadView
  readonly show?: CaseloadShow
  readonly sort?: CaseloadSort
  /** From 1. */
  readonly page?: number
  readonly pageSize?: number
  /** A page after the last: list nothing (the API), or the first page instead (the web page says so). */
  readonly beyondLastPage?: 'empty' | 'first'
}

export interface CaseloadChild extends ChildSummary {
  /** Overdue, due-soon and upcoming items, soonest first. */
  readonly openItems: readonly OpenItem[]
}

export interface CaseloadPage {
  /** This page's children, in the order asked for. */
  readonly children: readonly CaseloadChild[]
  /** The page served (from 1). */
  readonly page: number
  readonly pageSize: number
  /** Pages of the children matching `show` (at least 1). */
  readonly pageCount: number
  /** Children matching `show`. */
  readonly matching: number
  /** Whether the page asked for was after the last one (and `beyondLastPage` chose what was served instead). */
  readonly wasBeyondLastPage: boolean
  /** The whole caseload, whatever `show` is: children, those with something overdue, and overdue items. */
  readonly totals: { readonly children: number; readonly overdueChildren: number; readonly overdueItems: number }
}

/**
 * The name a caseload prints and sorts by: given names, family name and any preferred name.
 * @param child - the child
 * @param child.givenNames - given names
 * @param child.familyName - family name
 * @param child.preferredName - the name the child prefers, if any
 * @returns the name
 */
export function caseloadName(child: { givenNames: string; familyName: string; preferredName: string | null }): string {
  return `${child.givenNames} ${child.familyName}${child.preferredName ? ` (${child.preferredName})` : ''}`
}

/** 0 overdue, 1 due soon, 2 something upcoming, 3 nothing due. */
function urgencyOf(entry: CaseloadEntry): number {
  return entry.overdueCount > 0 ? 0 : entry.dueSoonCount > 0 ? 1 : entry.nextDueOn !== null ? 2 : 3
}

function matchesShow(entry: CaseloadEntry, show: CaseloadShow): boolean {
  switch (show) {
    case 'overdue':
      return entry.overdueCount > 0
    case 'due-soon':
      return entry.overdueCount > 0 || entry.dueSoonCount > 0
    case 'looked-after':
      return entry.isLookedAfter === true
    case 'all':
      return true
  }
}

const collator = new Intl.Collator()

/**
 * Orders slim entries. "Most urgent" uses the stored summary: every overdue item falls before every due-soon one and
 * every due-soon one before every upcoming one (one due-soon window for all items), so the soonest open due date is
 * the soonest of the most urgent kind.
 * @param entries - the entries
 * @param sort - the order
 * @returns a sorted copy
 */
function sortEntries(entries: readonly CaseloadEntry[], sort: CaseloadSort): CaseloadEntry[] {
  const keyed = entries.map(entry => ({
    entry,
    name: caseloadName(entry),
    urgency: urgencyOf(entry),
    due: entry.nextDueOn ?? '9999-12-31',
  }))
  keyed.sort((a, b) => {
    switch (sort) {
      case 'name':
        return collator.compare(a.name, b.name)
      case 'age':
        return b.entry.dateOfBirthOn.localeCompare(a.entry.dateOfBirthOn) || collator.compare(a.name, b.name)
      case 'due':
        return a.urgency - b.urgency || a.due.localeCompare(b.due) || collator.compare(a.name, b.name)
    }
  })
  return keyed.map(k => k.entry)
}

function scopeOf(op: Operation, view: CaseloadView): CaseloadScope {
  const { actor } = op
  return view === 'team' && actor.teamId
    ? { kind: 'team', teamId: actor.teamId }
    : actor.role === 'iro'
      ? { kind: 'iro', userId: actor.userId }
      : { kind: 'worker', userId: actor.userId }
}

/**
 * One page of the children the user works with, each with what is next due: their allocated children (an IRO's:
 * the children they review), or, for a team, the whole team's. Only children the user may view are listed.
 * Filtering, sorting and counting use one slim row per child (access facts, name, the stored due-date summary);
 * only the page's children are read in full, and the audit event lists only them. Due dates older than today are
 * recomputed first.
 * @param op - the operation
 * @param query - which view, filter, order and page
 * @returns the page
 */
export async function listCaseload(op: Operation, query: CaseloadQuery = {}): Promise<CaseloadPage> {
  authoriseAuthority(op, 'caseload:view')
  const { view = 'mine', show = 'all', sort = 'due', pageSize = CASELOAD_PAGE_SIZE } = query
  const scope = scopeOf(op, view)
  const load = () =>
    listCaseloadEntries(op.tx, scope, op.actor.userId, op.today, { lookedAfter: show === 'looked-after' })
  let entries = viewableOf(op, await load())
  const stale = entries.filter(e => e.evaluatedAsOf === null || e.evaluatedAsOf < op.today).map(e => e.childId)
  if (stale.length > 0) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, stale)
    const viewable = new Set(entries.map(e => e.childId))
    entries = (await load()).filter(e => viewable.has(e.childId))
  }
  const matching = sortEntries(
    entries.filter(e => matchesShow(e, show)),
    sort,
  )
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize))
  const asked = query.page ?? 1
  const wasBeyondLastPage = asked > pageCount
  const page = wasBeyondLastPage && query.beyondLastPage === 'first' ? 1 : asked
  const ids = matching.slice((page - 1) * pageSize, page * pageSize).map(e => e.childId)
  const summaries = new Map(
    (ids.length === 0 ? [] : await listChildSummaries(op.tx, { kind: 'ids', ids }, op.today)).map(s => [s.id, s]),
  )
  const items = new Map<string, OpenItem[]>()
  for (const item of await loadOpenItems(op.tx, ids)) {
    const list = items.get(item.childId)
    if (list === undefined) {
      items.set(item.childId, [item])
    } else {
      list.push(item)
    }
  }
  op.addAuditDetail('childIds', ids)
  op.addAuditDetail('page', page)
  return {
    children: ids.flatMap(id => {
      const summary = summaries.get(id)
      return summary === undefined ? [] : [{ ...summary, openItems: items.get(id) ?? [] }]
    }),
    page,
    pageSize,
    pageCount,
    matching: matching.length,
    wasBeyondLastPage,
    totals: {
      children: entries.length,
      overdueChildren: entries.filter(e => e.overdueCount > 0).length,
      overdueItems: entries.reduce((sum, e) => sum + e.overdueCount, 0),
    },
  }
}
