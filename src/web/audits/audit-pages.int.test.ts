/**
 * The case-file audit pages over real HTTP, as a browser without JavaScript: a QA lead sets up a round (with errors
 * first, every answer kept), an auditor grades a child with the facts shown under each domain, a second auditor
 * moderates, a finding becomes an action on the child's meetings page, the lead reassigns a case, the round closes and
 * the learning brief shows SVG charts (no style element or attribute, for our CSP) with tables, and downloads as PDF
 * and DOCX.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS } from '../../domain/audits/audit-domains.ts'
import { addAuditor } from '../../http/testing/audit-fixtures.ts'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp, type TestUser } from '../../http/testing/test-app.ts'
import { errorsOf, webSession } from '../plans/testing/web-session.ts'

const clock = movableClock('2026-03-02')
let t: TestApp
let second: TestUser
let lead: Awaited<ReturnType<typeof webSession>>
let moderator: Awaited<ReturnType<typeof webSession>>
const childIds: string[] = []

beforeAll(async () => {
  t = await startTestApp({ clock, withWeb: true })
  const api = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  for (const name of ['Elder', 'Fern']) {
    childIds.push(await lookedAfterChild(t, api, 'north', { startedOn: '2025-06-02', givenNames: name }))
  }
  second = await addAuditor(t, 'north', 'Second Auditor')
  lead = await webSession(t, t.north.users['qa-auditor'])
  moderator = await webSession(t, second)
})
afterAll(async () => {
  await t?.close()
})

describe('the case-file audit pages', () => {
  let roundPath: string
  let casePath: string

  it('set up a round, keeping every answer when something is missing', async () => {
    const list = await lead.get('/audits')
    expect(list.status).toBe(200)
    expect(list.$('nav a').text()).toContain('Case-file audits')
    const form = await lead.get('/audits/new')
    expect(form.status).toBe(200)
    const missing = await lead.submit(form, { title: '', 'sampleRule[kind]': 'random' })
    expect(missing.status).toBe(400)
    expect(missing.$('title').text()).toMatch(/^Error: /)
    expect(errorsOf(missing)).toEqual([
      'Enter the title of the round',
      'Select at least one auditor',
      'Enter the deadline for the audits',
    ])
    expect(missing.$('input[name="theme"]').val()).toBe('Permanence')
    const created = await lead.submit(missing, {
      title: 'Spring permanence audits',
      auditorIds: [t.north.users['qa-auditor'].id, second.id],
      moderationPercent: '100',
      'deadlineOn-day': '30',
      'deadlineOn-month': '4',
      'deadlineOn-year': '2026',
      'sampleRule[size]': '2',
    })
    expect(created.status, errorsOf(created).join('; ')).toBe(303)
    roundPath = created.location!
    const round = await lead.get(roundPath)
    expect(round.$('h1').text()).toContain('Spring permanence audits')
    expect(round.$('tbody tr')).toHaveLength(2)
    const mine = round
      .$('tbody tr')
      .filter((_i, row) => round.$(row).find('td').eq(1).text().includes('qa-auditor'))
      .first()
    casePath = mine.find('a').attr('href')!
    expect(casePath).toMatch(/\/cases\//)
  })

  it('let the auditor grade the child, with the facts the system holds under each domain', async () => {
    const page = await lead.get(casePath)
    expect(page.status).toBe(200)
    expect(
      page
        .$('h2')
        .map((_i, e) => page.$(e).text().trim())
        .get(),
    ).toEqual(expect.arrayContaining(['Assessment', 'Decision making', 'Permanence']))
    expect(page.$('main').text()).toContain('Source: Child’s network: life story work')
    expect(page.html).toContain('Was there a permanence plan by the second review?')
    const incomplete = await lead.submit(
      page,
      { _action: 'submit', 'domains[assessment][grade]': 'good' },
      'form[action$="/audit"]',
    )
    expect(incomplete.status).toBe(400)
    expect(errorsOf(incomplete), errorsOf(incomplete).join('; ')).toContain(
      'Assessment: enter the evidence for each grade',
    )
    expect(incomplete.$('input[name="domains[assessment][grade]"][value="good"]').attr('checked')).toBeDefined()
    const fields: Record<string, string> = { _action: 'submit' }
    for (const [index, domain] of AUDIT_DOMAINS.entries()) {
      fields[`domains[${domain}][grade]`] = index < 4 ? 'good' : 'requires-improvement'
      fields[`domains[${domain}][evidence]`] = 'Life story work has started and the child’s views are recorded.'
      fields[`domains[${domain}][improvement]`] = 'Record a balance sheet of the options.'
    }
    const submitted = await lead.submit(incomplete, fields, 'form[action$="/audit"]')
    expect(submitted.status, errorsOf(submitted).join('; ')).toBe(303)
    const after = await lead.get(submitted.location!)
    expect(after.$('.govuk-notification-banner').text()).toContain('Submitted')
    // The history names the stage as a heading would: "Audit (submitted)", not the stored "audit".
    expect(after.$('table:has(caption:contains("Every saved version")) tbody td:first-child').text()).toContain(
      'Audit (submitted)',
    )
    const action = await lead.submit(
      after,
      {
        'newAction[domain]': 'options-considered',
        'newAction[description]': 'Write a balance sheet of the options',
        'newAction[ownerId]': t.north.users['social-worker'].id,
        'newAction[dueOn]-day': '1',
        'newAction[dueOn]-month': '4',
        'newAction[dueOn]-year': '2026',
      },
      'form[action$="/actions"]',
    )
    expect(action.status, errorsOf(action).join('; ')).toBe(303)
  })

  it('let the second auditor moderate, changing a grade with a reason', async () => {
    const page = await moderator.get(casePath)
    expect(page.$('form[action$="/moderation"]')).toHaveLength(1)
    const fields: Record<string, string> = { _action: 'submit' }
    for (const domain of AUDIT_DOMAINS) {
      fields[`domains[${domain}][outcome]`] = 'agreed'
    }
    fields['domains[plans][outcome]'] = 'changed'
    fields['domains[plans][grade]'] = 'inadequate'
    const noReason = await moderator.submit(page, fields, 'form[action$="/moderation"]')
    expect(errorsOf(noReason)).toEqual(['Plans: enter why you changed the grade'])
    const moderated = await moderator.submit(
      noReason,
      { ...fields, 'domains[plans][reason]': 'No contingency recorded' },
      'form[action$="/moderation"]',
    )
    expect(moderated.status, errorsOf(moderated).join('; ')).toBe(303)
  })

  it('show the finding as an action on the child’s meetings page', async () => {
    const round = await lead.get(roundPath)
    const childId = childIds.find(id => round.html.includes(id)) ?? childIds[0]!
    const worker = await webSession(t, t.north.users['social-worker'])
    const pages = await Promise.all(childIds.map(id => worker.get(`/children/${id}/meetings`)))
    const withAction = pages.find(p => p.html.includes('Write a balance sheet of the options'))
    expect(withAction, childId).toBeDefined()
    expect(withAction!.$('#audit-actions').text()).toBe('Actions from case-file audits')
  })

  it('let the lead reassign a case, with the reason', async () => {
    const round = await lead.get(roundPath)
    const theirs = round
      .$('tbody tr')
      .filter((_i, row) => round.$(row).find('td').eq(1).text().includes('Second Auditor'))
      .first()
    const childName = theirs.find('td').first().find('a').text().trim()
    const form = await lead.get(theirs.find('a:contains("Reassign")').attr('href')!)
    expect(form.$('h1').text().trim()).toBe('Reassign the case')
    expect(form.$('select[name="auditorId"]').val()).toBe(second.id)
    const noReason = await lead.submit(form, { moderatorId: '' })
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason)).toEqual(['Enter why the case is being reassigned'])
    expect(noReason.$('select[name="moderatorId"]').val()).toBe('')
    const saved = await lead.submit(noReason, { reason: 'Moderation capacity is short this round' })
    expect(saved.status, errorsOf(saved).join()).toBe(303)
    const after = await lead.get(roundPath)
    const row = after
      .$('tbody tr')
      .filter((_i, r) => after.$(r).text().includes(childName))
      .first()
    expect(row.find('td').eq(3).text().trim()).toBe('None')
    // Only the lead reassigns.
    expect((await moderator.get(theirs.find('a:contains("Reassign")').attr('href')!)).status).toBe(404)
  })

  it('close the round and show the learning brief with charts that obey our CSP, and tables', async () => {
    const round = await lead.get(roundPath)
    const refused = await lead.submit(round, {})
    expect(errorsOf(refused)).toEqual([
      'Some cases are not audited or moderated yet: enter why you are closing the round now',
    ])
    const closed = await lead.submit(refused, { reason: 'One case carried to the next round' })
    expect(closed.status).toBe(303)
    const brief = await lead.get(closed.location!)
    expect(brief.status).toBe(200)
    expect(brief.$('svg[role="img"]')).toHaveLength(2)
    expect(brief.$('svg').first().attr('aria-label')).toMatch(/good or better/)
    expect(brief.html).not.toMatch(/<style/)
    expect(brief.$('svg [style]')).toHaveLength(0)
    expect(brief.$('table caption').first().text()).toContain('Share judged good or better')
    const rows = brief.$('table').first().find('tbody tr')
    expect(rows.first().text()).toContain('100%')
    // Plans: graded good by the auditor, changed to inadequate at moderation.
    expect(rows.eq(1).find('td').first().text().trim()).toBe('0%')
    expect(brief.html).toContain('100% of audits were moderated')
    const pdf = await lead.download(brief.$('a[href$="format=pdf"]').attr('href')!)
    expect(pdf.status).toBe(200)
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF')
    const manager = await webSession(t, t.north.users['team-manager'])
    const briefs = await manager.get('/learning-briefs')
    expect(briefs.$('main a').text()).toContain('Spring permanence audits')
    expect((await manager.get('/audits')).status).toBe(403)
  })
})
