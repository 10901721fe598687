#!/usr/bin/env node
// The `permanence` command. Runs the TypeScript sources through tsx (docs/adr/0002-typescript-run-by-tsx.md).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/index.ts')
await main(process.argv)
