/**
 * The OpenID Connect client for an authority's identity provider (openid-client): discovered once per issuer and
 * client, authorisation code flow with PKCE (S256), state and nonce. Plain HTTP is allowed only for a provider on
 * this machine (development and the tests' own provider); anything else must be HTTPS.
 */
import { allowInsecureRequests, ClientSecretPost, discovery, None, type Configuration } from 'openid-client'
import type { OidcSettings } from '../../config.ts'

const configurations = new Map<string, Promise<Configuration>>()

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
}

/**
 * The client configuration for a provider (discovered on first use and kept).
 * @param settings - issuer, client and redirect URI
 * @returns the configuration
 */
export function oidcConfiguration(settings: OidcSettings): Promise<Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`
  let configuration = configurations.get(key)
  if (!configuration) {
    const issuer = new URL(settings.issuer)
    if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
      throw new Error(`The OpenID Connect issuer must use HTTPS: ${settings.issuer}`)
    }
    configuration = discovery(
      issuer,
      settings.clientId,
      settings.clientSecret === '' ? undefined : settings.clientSecret,
      settings.clientSecret === '' ? None() : ClientSecretPost(settings.clientSecret),
      issuer.protocol === 'http:' ? { execute: [allowInsecureRequests] } : undefined,
    )
    // A failed discovery is not kept: the next sign-in tries again.
    configuration.catch(() => configurations.delete(key))
    configurations.set(key, configuration)
  }
  return configuration
}
