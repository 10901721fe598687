// oidc-provider ships no type declarations; the OpenID Connect test uses only this much of it.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface Account {
    accountId: string
    claims: () => Record<string, unknown>
  }

  interface ProviderConfiguration {
    clients: Record<string, unknown>[]
    claims?: Record<string, string[]>
    cookies?: { keys: string[] }
    pkce?: { required: () => boolean }
    findAccount: (context: unknown, id: string) => Account | undefined | Promise<Account | undefined>
  }

  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration)
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
}
