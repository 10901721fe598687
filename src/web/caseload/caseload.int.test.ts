import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { DEMO_PASSWORD, seedDemo } from '../../app/demo/seed-demo.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'
import { webClient, type WebResponse } from '../../http/testing/web-client.ts'

const MANAGER = 'team.manager@northshire.example'
const TODAY = '2026-02-01'

let t: TestApp
let manager: ReturnType<typeof webClient>
/** The team manager's team's children, with what the caseload orders them by, read from the due-date items. */
let team: Map<string, { urgency: number; nextDue: string; isNormal: boolean; overdue: number }>

beforeAll(async () => {
  t = await startTestApp({ withWeb: true })
  await seedDemo(t.db, { children: 300, seed: 5, today: TODAY as never })
  // The oracle: urgency and soonest due date straight from the stored items (as the unpaged caseload computed them).
  const rows = await t.db.query<{ id: string; sensitivity: string; statuses: string[] | null; dues: string[] | null }>(
    `SELECT c.id, c.sensitivity,
       array_agg(i.status ORDER BY i.due_on) FILTER (WHERE i.child_id IS NOT NULL) AS statuses,
       array_agg(i.due_on::text ORDER BY i.due_on) FILTER (WHERE i.child_id IS NOT NULL) AS dues
     FROM children c JOIN users u ON u.team_id = c.team_id AND u.email = $1
     LEFT JOIN timescale_items i ON i.child_id = c.id AND i.due_on IS NOT NULL
       AND i.status IN ('overdue', 'due-soon', 'upcoming')
     WHERE c.voided_at IS NULL GROUP BY c.id, c.sensitivity`,
    [MANAGER],
  )
  team = new Map(
    rows.map(row => {
      const statuses = row.statuses ?? []
      const dues = row.dues ?? []
      const urgency = statuses.includes('overdue') ? 0 : statuses.includes('due-soon') ? 1 : dues.length > 0 ? 2 : 3
      const first = statuses.findIndex(s => s === ['overdue', 'due-soon', 'upcoming'][urgency])
      return [
        row.id,
        {
          urgency,
          nextDue: first >= 0 ? dues[first]! : '9999-12-31',
          isNormal: row.sensitivity === 'normal',
          overdue: statuses.filter(s => s === 'overdue').length,
        },
      ]
    }),
  )
  manager = webClient(t.baseUrl)
  await manager.signIn(MANAGER, DEMO_PASSWORD)
}, 240_000)
afterAll(async () => {
  await t.close()
})

const listedIds = (page: WebResponse) =>
  page
    .$('table a.govuk-link')
    .map((_i, a) => /\/children\/([0-9a-f-]{36})$/.exec(page.$(a).attr('href') ?? '')?.[1])
    .get()
const range = (page: WebResponse) => page.$('#caseload-range').text().trim()
const paginationHrefs = (page: WebResponse) =>
  page
    .$('.govuk-pagination a')
    .map((_i, a) => page.$(a).attr('href'))
    .get()

async function allPages(path: string): Promise<string[][]> {
  const first = await manager.get(path)
  expect(first.status).toBe(200)
  const pages = [listedIds(first)]
  const count = Number(/of ([\d,]+) child/.exec(range(first))![1]!.replace(/,/g, ''))
  for (let n = 2; n <= Math.ceil(count / 50); n += 1) {
    const page = await manager.get(`${path}${path.includes('?') ? '&' : '?'}page=${n}`)
    expect(page.status).toBe(200)
    pages.push(listedIds(page))
  }
  return pages
}

describe("the team's caseload, paged (issue 5)", () => {
  it('lists 50 children a page, most urgent first across every page, each child once', async () => {
    const pages = await allPages('/?view=team')
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(pages.slice(0, -1).every(ids => ids.length === 50)).toBe(true)
    const ids = pages.flat()
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every(id => team.has(id))).toBe(true)
    // Everyone the manager may see in a list: at least every child of the team with an ordinary record.
    const normal = [...team].filter(([, c]) => c.isNormal).map(([id]) => id)
    expect(ids).toEqual(expect.arrayContaining(normal))
    const keys = ids.map(id => team.get(id)!)
    for (let i = 1; i < keys.length; i += 1) {
      const [a, b] = [keys[i - 1]!, keys[i]!]
      expect(a.urgency < b.urgency || (a.urgency === b.urgency && a.nextDue <= b.nextDue)).toBe(true)
    }

    const second = await manager.get('/?view=team&page=2')
    expect(listedIds(second)).toEqual(pages[1])
    expect(range(second)).toBe(`Showing 51 to 100 of ${ids.length} children`)
    expect(second.$('.govuk-pagination__item--current').text().trim()).toBe('2')
    expect(second.$('.govuk-pagination__prev a').attr('href')).toBe('/?view=team')
    expect(second.$('.govuk-pagination__next a').attr('href')).toBe('/?view=team&page=3')
  })

  it('keeps the filter and the order in every page link, and filters and counts on every page', async () => {
    const overdue = [...team].filter(([, c]) => c.overdue > 0)
    const page = await manager.get('/?view=team&show=due-soon&sort=name')
    expect(page.status).toBe(200)
    const hrefs = paginationHrefs(page)
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) {
      expect(href).toMatch(/^\/\?view=team&show=due-soon&sort=name(&page=\d+)?$/)
    }
    // The form starts again at the first page (no page field), keeping the view.
    expect(page.$('form[action="/"] input[name="page"]').length).toBe(0)
    expect(page.$('form[action="/"] input[name="view"]').attr('value')).toBe('team')

    const overduePages = (await allPages('/?view=team&show=overdue')).flat()
    expect(overduePages.every(id => team.get(id)!.overdue > 0)).toBe(true)
    expect(overduePages).toEqual(expect.arrayContaining(overdue.filter(([, c]) => c.isNormal).map(([id]) => id)))
    // The totals describe the whole caseload, whatever the page.
    const totals = (await manager.get('/?view=team&page=2')).$('main p.govuk-body').first().text()
    const listedOverdue = overduePages.length
    expect(totals).toContain(`${listedOverdue} with something overdue`)

    const byName = (await allPages('/?view=team&sort=name')).flat()
    const names = await t.db.query<{ id: string; name: string }>(
      `SELECT id, given_names || ' ' || family_name || coalesce(' (' || preferred_name || ')', '') AS name
       FROM children WHERE id = ANY($1::uuid[])`,
      [byName],
    )
    const nameOf = new Map(names.map(n => [n.id, n.name]))
    const expected = [...byName].sort((a, b) => nameOf.get(a)!.localeCompare(nameOf.get(b)!))
    expect(byName).toEqual(expected)
  })

  it('shows the first page with a message, status 400, for a page that is not one or is after the last', async () => {
    const first = listedIds(await manager.get('/?view=team'))
    for (const bad of ['0', 'abc', '-1', '1.5', '999', '01']) {
      const page = await manager.get(`/?view=team&page=${bad}`)
      expect({ bad, status: page.status }).toEqual({ bad, status: 400 })
      expect(page.$('.govuk-notification-banner').text()).toMatch(/There is no page .* of this list\. It has \d+ pages/)
      expect(listedIds(page)).toEqual(first)
    }
  })

  it("audits the children listed on the page shown, and only those, with the page's number", async () => {
    const page = await manager.get('/?view=team&page=2')
    const [event] = await t.db.query<{ details: { childIds: string[]; page: number } }>(
      `SELECT details FROM audit_events WHERE action = 'CASELOAD_VIEWED' ORDER BY id DESC LIMIT 1`,
    )
    expect(event!.details.childIds).toEqual(listedIds(page))
    expect(event!.details.page).toBe(2)
  })
})

describe('the caseload API, paged', () => {
  it('pages with limit and page, says how many there are, and lists nothing after the last page', async () => {
    const token = (await createApiToken(t.deps, MANAGER, 'caseload test'))!
    const api = apiClient(t.baseUrl, token)
    type Page = { children: { id: string }[]; page: number; limit: number; total: number; pageCount: number }
    const web = (await allPages('/?view=team')).flat()
    const first = await api.get<Page>('/api/v1/children?view=team&limit=40')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ page: 1, limit: 40, total: web.length, pageCount: Math.ceil(web.length / 40) })
    const second = await api.get<Page>('/api/v1/children?view=team&limit=40&page=2')
    expect([...first.body.children, ...second.body.children].map(c => c.id)).toEqual(web.slice(0, 80))
    const after = await api.get<Page>(`/api/v1/children?view=team&limit=40&page=${first.body.pageCount + 1}`)
    expect(after.status).toBe(200)
    expect(after.body.children).toEqual([])
    for (const bad of ['limit=0', 'limit=201', 'page=0', 'page=abc', 'sort=size']) {
      expect({ bad, status: (await api.get(`/api/v1/children?${bad}`)).status }).toEqual({ bad, status: 400 })
    }
  })
})
