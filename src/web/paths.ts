/** Every URL of the web interface, built here so links and routes agree (only opaque ids, never names). */
export const paths = {
  home: () => '/',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  twoFactor: () => '/sign-in/two-factor',
  oidcStart: () => '/sign-in/oidc',
  oidcCallback: () => '/sign-in/oidc/callback',
  accountPassword: () => '/account/password',
  search: () => '/search',
  child: (childId: string) => `/children/${childId}`,
  childHistory: (childId: string) => `/children/${childId}/history`,
  accessibility: () => '/accessibility',
  splitSiblings: () => '/sibling-groups/split',
} as const
