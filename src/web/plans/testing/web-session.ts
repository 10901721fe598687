/**
 * A signed-in browser without a browser, for the planning pages' integration tests: real HTTP to the real server,
 * forms posted as a browser without JavaScript would post them (url-encoded, with the page's CSRF token), pages read
 * with cheerio.
 */
import * as cheerio from 'cheerio'
import type { TestApp, TestUser } from '../../../http/testing/test-app.ts'

export interface WebResponse {
  readonly status: number
  readonly location: string | null
  readonly html: string
  readonly $: cheerio.CheerioAPI
  readonly headers: Headers
}

/**
 * The messages of a page's GOV.UK error summary, in order.
 * @param page - the page
 * @returns each error's text
 */
export function errorsOf(page: WebResponse): string[] {
  return page
    .$('.govuk-error-summary__list a')
    .map((_index, element) => page.$(element).text().trim())
    .get()
}

/**
 * Signs a test user in and returns helpers that carry the session.
 * @param t - the test app (with the web interface)
 * @param user - who signs in
 * @returns get and post helpers
 */
export async function webSession(t: TestApp, user: TestUser) {
  const cookies = new Map<string, string>()
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, ...value] = pair!.split('=')
      cookies.set(name!.trim(), value.join('='))
    }
  }
  const cookieHeader = () => [...cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ')
  const read = async (response: Response): Promise<WebResponse> => {
    remember(response)
    const html = await response.text()
    return {
      status: response.status,
      location: response.headers.get('location'),
      html,
      $: cheerio.load(html),
      headers: response.headers,
    }
  }
  const get = async (path: string): Promise<WebResponse> =>
    read(await fetch(`${t.baseUrl}${path}`, { headers: { cookie: cookieHeader() }, redirect: 'manual' }))
  const post = async (path: string, fields: Record<string, string | string[]>): Promise<WebResponse> => {
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        body.append(name, item)
      }
    }
    return read(
      await fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
        redirect: 'manual',
      }),
    )
  }
  const signInPage = await get('/sign-in')
  const formToken = signInPage.$('input[name="_form"]').val() as string
  const signedIn = await post('/sign-in', { _form: formToken, email: user.email, password: user.password })
  if (signedIn.status !== 303) {
    throw new Error(`Sign-in failed for ${user.email}: ${signedIn.status}`)
  }
  /**
   * Posts a page's form as a browser would: every field as it stands on the page, changed by `changes`.
   * @param page - the page with the form
   * @param changes - fields to set (a value of null removes the field)
   * @param formSelector - which form
   * @returns the response
   */
  const submit = async (
    page: WebResponse,
    changes: Record<string, string | string[] | null>,
    formSelector = 'main form[method="post"]',
  ): Promise<WebResponse> => {
    const form = page.$(formSelector).last()
    const fields: Record<string, string | string[]> = {}
    const add = (name: string, value: string) => {
      const existing = fields[name]
      fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
    }
    form.find('input, textarea, select').each((_index, element) => {
      const field = page.$(element)
      const name = field.attr('name')
      const type = field.attr('type')
      if (!name || type === 'submit' || field.is('button')) {
        return
      }
      if ((type === 'checkbox' || type === 'radio') && field.attr('checked') === undefined) {
        return
      }
      if (field.is('select')) {
        add(name, (field.find('option[selected]').attr('value') ?? field.find('option').first().attr('value')) || '')
      } else if (field.is('textarea')) {
        add(name, field.text())
      } else {
        add(name, field.attr('value') ?? '')
      }
    })
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) {
        delete fields[name]
      } else {
        fields[name] = value
      }
    }
    return post(form.attr('action')!, fields)
  }
  /**
   * Downloads a file with the session.
   * @param path - the file's address
   * @returns status, headers and bytes
   */
  const download = async (path: string): Promise<{ status: number; headers: Headers; body: Buffer }> => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers: { cookie: cookieHeader() }, redirect: 'manual' })
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
  }
  return { get, post, submit, download }
}
