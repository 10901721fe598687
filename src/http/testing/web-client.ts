/**
 * A small browser for integration tests: keeps cookies, follows nothing by itself, posts forms with the page's CSRF
 * token, and signs in through the real sign-in form. Real HTTP against the test server.
 */
import * as cheerio from 'cheerio'

export interface WebResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly location: string | null
  readonly $: cheerio.CheerioAPI
  /** Every Set-Cookie header of the response, as sent. */
  readonly setCookies: readonly string[]
}

/**
 * A cookie-keeping client for the web interface.
 * @param baseUrl - the server
 * @returns request helpers and the cookie jar
 */
export function webClient(baseUrl: string) {
  const jar = new Map<string, string>()
  const send = async (method: string, path: string, body?: URLSearchParams): Promise<WebResponse> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      redirect: 'manual',
      headers: {
        ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    })
    const setCookies = response.headers.getSetCookie()
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index).trim()
      const value = pair!.slice(index + 1).trim()
      const isExpired = attributes.some(a => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))
      if (value === '' || isExpired) {
        jar.delete(name)
      } else {
        jar.set(name, value)
      }
    }
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get('location'),
      $: cheerio.load(text),
      setCookies,
    }
  }
  const client = {
    jar,
    get: (path: string) => send('GET', path),
    post: (path: string, fields: Record<string, string>) => send('POST', path, new URLSearchParams(fields)),
    /**
     * Posts a form found on a page, with its hidden fields (CSRF token) and the given values.
     * @param page - the page holding the form
     * @param action - the form's action
     * @param fields - values to fill in
     * @returns the response
     */
    submit: (page: WebResponse, action: string, fields: Record<string, string> = {}) => {
      const form = page.$(`form[action="${action}"]`).first()
      if (form.length === 0) {
        throw new Error(`No form posting to ${action} on the page`)
      }
      const values: Record<string, string> = {}
      form.find('input[type="hidden"]').each((_i, element) => {
        const name = page.$(element).attr('name')
        if (name) {
          values[name] = page.$(element).attr('value') ?? ''
        }
      })
      return send('POST', action, new URLSearchParams({ ...values, ...fields }))
    },
    /**
     * Signs in with the sign-in form.
     * @param email - the account
     * @param password - its password
     * @returns the response to the form post (a 303 on success)
     */
    signIn: async (email: string, password: string) => {
      const page = await send('GET', '/sign-in')
      return client.submit(page, '/sign-in', { email, password })
    },
  }
  return client
}
