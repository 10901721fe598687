/**
 * The database: embedded PostgreSQL (PGlite, in a data folder or in memory) by default, or a PostgreSQL server when
 * a `postgres://` URL is given. One Drizzle schema and one set of SQL migrations serve both
 * (docs/adr/0003-postgres-everywhere.md).
 *
 * The application never queries as the owner: every unit of work runs through {@link Database.withAuthority}, which
 * opens a transaction, switches to the role `permanence_app` and sets `app.authority_id`, so PostgreSQL's row-level
 * security keeps each authority's rows apart whatever the application code does. Owner access (`owner*`) is for
 * migrations, maintenance commands and tests.
 */
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import pg from 'pg'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
export type Orm = PgDatabase<PgQueryResultHKT, Schema>
/** A transaction in which the application role and one authority are set. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>

export type DatabaseKind = 'pglite' | 'postgres'

/** Who is acting, for row-level security and the record history. */
export interface TxContext {
  readonly authorityId: string
  readonly userId?: string | null
  readonly changeReason?: string | null
}

/** Raw, owner-level SQL access. */
export interface RawQuery {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  exec(text: string): Promise<void>
}

export interface Database extends RawQuery {
  readonly kind: DatabaseKind
  /** The server URL (PostgreSQL only), for libraries that open their own connections (pg-boss). */
  readonly connectionString?: string
  /** Runs a multi-statement script and returns the rows of its last statement (pg-boss on PGlite). */
  execScript(text: string): Promise<Record<string, unknown>[]>
  readonly orm: Orm
  /** Where the data lives, for messages: a folder, `memory`, or the server URL without its password. */
  readonly location: string
  withAuthority<T>(context: TxContext, work: (tx: Tx) => Promise<T>): Promise<T>
  ownerTransaction<T>(work: (raw: RawQuery) => Promise<T>): Promise<T>
  close(): Promise<void>
}

const DATE_OID = 1082

/**
 * Sets who is acting and why inside a transaction; the history trigger records them with each version.
 * @param tx - the transaction
 * @param reason - why the change is being made
 */
export async function setChangeReason(tx: Tx, reason: string): Promise<void> {
  await tx.execute(sql`select set_config('app.change_reason', ${reason}, true)`)
}

async function enterAuthority(tx: Tx, context: TxContext): Promise<void> {
  await tx.execute(
    sql`select set_config('role', 'permanence_app', true), set_config('app.authority_id', ${context.authorityId}, true), set_config('app.user_id', ${context.userId ?? ''}, true), set_config('app.change_reason', ${context.changeReason ?? ''}, true)`,
  )
}

export interface PgliteOptions {
  /** A folder for the data, or undefined for an in-memory database. */
  readonly dataDir?: string
  /** A tarball made by `dumpDataDir`, to start from (tests use a pre-migrated template). */
  readonly loadDataDir?: Blob
}

/**
 * Opens an embedded database.
 * @param options - where the data lives
 * @returns the database
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Database & { readonly pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: { [DATE_OID]: (value: string) => value },
  })
  await pglite.exec(`SET TIME ZONE 'UTC'`)
  const orm = drizzlePglite({ client: pglite, schema }) as unknown as Orm
  const raw: RawQuery = {
    query: async <T>(text: string, params: readonly unknown[] = []) =>
      (await pglite.query<T>(text, params as unknown[])).rows,
    exec: async (text: string) => {
      await pglite.exec(text)
    },
  }
  return {
    kind: 'pglite',
    orm,
    pglite,
    location: options.dataDir ?? 'memory',
    ...raw,
    execScript: async (text: string) => (await pglite.exec(text)).at(-1)?.rows ?? [],
    withAuthority: (context, work) =>
      orm.transaction(async tx => {
        await enterAuthority(tx, context)
        return work(tx)
      }),
    ownerTransaction: work =>
      pglite.transaction(async t =>
        work({
          query: async <T>(text: string, params: readonly unknown[] = []) =>
            (await t.query<T>(text, params as unknown[])).rows,
          exec: async (text: string) => {
            await t.exec(text)
          },
        }),
      ),
    close: () => pglite.close(),
  }
}

/**
 * Describes a PostgreSQL URL without its password, for messages.
 * @param url - a postgres:// URL
 * @returns the URL with the password masked
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) {
      parsed.password = '***'
    }
    return parsed.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}

/**
 * Opens a connection pool to a PostgreSQL server.
 * @param url - a postgres:// URL
 * @param poolSize - the most connections to hold open
 * @returns the database
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Database & { readonly pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Every session in UTC, set at connection so no query races it.
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (value: string) => value
          : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  })
  // Fail now, with a clear message, rather than on the first request.
  const probe = await pool.connect()
  probe.release()
  const orm = drizzlePg({ client: pool, schema }) as unknown as Orm
  return {
    kind: 'postgres',
    orm,
    pool,
    location: redactDatabaseUrl(url),
    connectionString: url,
    execScript: async (text: string) => {
      const result = (await pool.query(text)) as unknown
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult | undefined) : (result as pg.QueryResult)
      return (last?.rows ?? []) as Record<string, unknown>[]
    },
    query: async <T>(text: string, params: readonly unknown[] = []) =>
      (await pool.query(text, params as unknown[])).rows as T[],
    exec: async (text: string) => {
      await pool.query(text)
    },
    withAuthority: (context, work) =>
      orm.transaction(async tx => {
        await enterAuthority(tx, context)
        return work(tx)
      }),
    ownerTransaction: async work => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work({
          query: async <T>(text: string, params: readonly unknown[] = []) =>
            (await client.query(text, params as unknown[])).rows as T[],
          exec: async (text: string) => {
            await client.query(text)
          },
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
