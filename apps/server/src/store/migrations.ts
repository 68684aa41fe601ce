/**
 * The store's schema, as ONE ordered list of migrations for both stores: each carries its SQLite
 * and its PostgreSQL text (the same tables; types, identity columns and the search index differ).
 * Applied ones are recorded in schema_migrations (version, name, applied) on either store.
 */
import type { DatabaseSync } from 'node:sqlite';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The migration on node:sqlite. */
  readonly sqlite: string;
  /** The same migration on PostgreSQL (store/postgres). */
  readonly postgres: string;
}

/** The table that records applied migrations, the same on both stores. */
export const SCHEMA_MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)';

/** Throws when the store is newer than this server; returns the migrations still to apply. */
export function pendingMigrations(
  current: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new Error(
      `store: the data folder has schema version ${current}, this server knows ${known}; upgrade the server`,
    );
  }
  return migrations.filter((m) => m.version > current);
}

/** The error of a failed migration, naming it. */
export function migrationError(m: Migration, error: unknown): Error {
  return new Error(`store: migration ${m.version} (${m.name}) failed: ${(error as Error).message}`);
}

/** Append only: never edit a released migration, add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sources, traces, payloads, graphlets, jobs, results',
    sqlite: `
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('mlmd', 'json')),
        schema_version INTEGER,
        job_id INTEGER,
        created TEXT NOT NULL
      );
      CREATE TABLE traces (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        pipeline TEXT NOT NULL,
        executions INTEGER NOT NULL,
        artifacts INTEGER NOT NULL,
        graphlets INTEGER NOT NULL,
        pushed_share REAL,
        lifespan_days REAL,
        models_per_day REAL,
        compute_seconds REAL NOT NULL,
        note TEXT
      );
      CREATE INDEX traces_source ON traces (source_id, ordinal);
      CREATE TABLE trace_payloads (
        trace_id TEXT PRIMARY KEY REFERENCES traces (id) ON DELETE CASCADE,
        trace TEXT NOT NULL
      );
      CREATE TABLE graphlets (
        trace_id TEXT NOT NULL REFERENCES traces (id) ON DELETE CASCADE,
        trainer INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        pushed INTEGER NOT NULL,
        warm_start INTEGER NOT NULL,
        start_ms REAL,
        end_ms REAL,
        executions TEXT NOT NULL,
        artifacts TEXT NOT NULL,
        spans TEXT NOT NULL,
        downstream TEXT NOT NULL,
        metrics TEXT NOT NULL,
        PRIMARY KEY (trace_id, trainer)
      );
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress TEXT NOT NULL,
        error TEXT,
        result TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE TABLE results (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE sources (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        size BIGINT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('mlmd', 'json')),
        schema_version INTEGER,
        job_id BIGINT,
        created TEXT COLLATE "C" NOT NULL
      );
      CREATE TABLE traces (
        id TEXT COLLATE "C" PRIMARY KEY,
        source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        pipeline TEXT COLLATE "C" NOT NULL,
        executions INTEGER NOT NULL,
        artifacts INTEGER NOT NULL,
        graphlets INTEGER NOT NULL,
        pushed_share DOUBLE PRECISION,
        lifespan_days DOUBLE PRECISION,
        models_per_day DOUBLE PRECISION,
        compute_seconds DOUBLE PRECISION NOT NULL,
        note TEXT
      );
      CREATE INDEX traces_source ON traces (source_id, ordinal);
      CREATE TABLE trace_payloads (
        trace_id TEXT COLLATE "C" PRIMARY KEY REFERENCES traces (id) ON DELETE CASCADE,
        trace TEXT NOT NULL
      );
      CREATE TABLE graphlets (
        trace_id TEXT COLLATE "C" NOT NULL REFERENCES traces (id) ON DELETE CASCADE,
        trainer BIGINT NOT NULL,
        idx INTEGER NOT NULL,
        pushed INTEGER NOT NULL,
        warm_start INTEGER NOT NULL,
        start_ms DOUBLE PRECISION,
        end_ms DOUBLE PRECISION,
        executions TEXT NOT NULL,
        artifacts TEXT NOT NULL,
        spans TEXT NOT NULL,
        downstream TEXT NOT NULL,
        metrics TEXT NOT NULL,
        PRIMARY KEY (trace_id, trainer)
      );
      CREATE TABLE jobs (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress TEXT NOT NULL,
        error TEXT,
        result TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE TABLE results (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'laid-out trace JSON computed at import',
    sqlite: 'ALTER TABLE trace_payloads ADD COLUMN layout TEXT;',
    postgres: 'ALTER TABLE trace_payloads ADD COLUMN layout TEXT;',
  },
  {
    version: 3,
    name: 'trained waste models and their test graphlets',
    // Models outlive the sources they were trained on: they record their test graphlets by id.
    sqlite: `
      CREATE TABLE waste_models (
        id TEXT PRIMARY KEY,
        job_id TEXT NOT NULL,
        created TEXT NOT NULL,
        summary TEXT NOT NULL,
        results TEXT NOT NULL,
        test TEXT NOT NULL,
        variants TEXT NOT NULL
      );
      CREATE TABLE waste_test_graphlets (
        model_id TEXT NOT NULL REFERENCES waste_models (id) ON DELETE CASCADE,
        trace_id TEXT NOT NULL,
        trainer INTEGER NOT NULL,
        row INTEGER NOT NULL,
        PRIMARY KEY (model_id, row)
      );
      CREATE INDEX waste_test_graphlets_graphlet ON waste_test_graphlets (trace_id, trainer);
    `,
    postgres: `
      CREATE TABLE waste_models (
        id TEXT PRIMARY KEY,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        job_id TEXT NOT NULL,
        created TEXT COLLATE "C" NOT NULL,
        summary TEXT NOT NULL,
        results TEXT NOT NULL,
        test TEXT NOT NULL,
        variants TEXT NOT NULL
      );
      CREATE TABLE waste_test_graphlets (
        model_id TEXT NOT NULL REFERENCES waste_models (id) ON DELETE CASCADE,
        trace_id TEXT NOT NULL,
        trainer BIGINT NOT NULL,
        row INTEGER NOT NULL,
        PRIMARY KEY (model_id, row)
      );
      CREATE INDEX waste_test_graphlets_graphlet ON waste_test_graphlets (trace_id, trainer);
    `,
  },
  {
    version: 4,
    name: 'live OpenLineage events, per-source role overrides, imported roles, JSON formats',
    // base_roles: the roles as imported (JSON array by execution), kept once overrides change them.
    sqlite: `
      ALTER TABLE sources ADD COLUMN live INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sources ADD COLUMN format TEXT;
      ALTER TABLE trace_payloads ADD COLUMN base_roles TEXT;
      CREATE TABLE lineage_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        received TEXT NOT NULL,
        event TEXT NOT NULL
      );
      CREATE INDEX lineage_events_source ON lineage_events (source_id, seq);
      CREATE TABLE role_overrides (
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('type', 'name')),
        value TEXT NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (source_id, field, value)
      );
    `,
    postgres: `
      ALTER TABLE sources ADD COLUMN live INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sources ADD COLUMN format TEXT;
      ALTER TABLE trace_payloads ADD COLUMN base_roles TEXT;
      CREATE TABLE lineage_events (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        received TEXT NOT NULL,
        event TEXT NOT NULL
      );
      CREATE INDEX lineage_events_source ON lineage_events (source_id, seq);
      CREATE TABLE role_overrides (
        source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('type', 'name')),
        value TEXT NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (source_id, field, value)
      );
    `,
  },
  {
    version: 5,
    name: 'waste model forests as binary blobs, one row per variant',
    // Written as each variant finishes training, before its model row exists (no foreign key).
    sqlite: `
      CREATE TABLE waste_model_forests (
        model_id TEXT NOT NULL,
        variant TEXT NOT NULL,
        forest BLOB NOT NULL,
        PRIMARY KEY (model_id, variant)
      );
    `,
    postgres: `
      CREATE TABLE waste_model_forests (
        model_id TEXT NOT NULL,
        variant TEXT NOT NULL,
        forest BYTEA NOT NULL,
        PRIMARY KEY (model_id, variant)
      );
    `,
  },
  {
    version: 6,
    name: 'trace layouts carry node labels and times: recompute the stored ones',
    // A NULL layout is laid out again on its first request (cache/trace-entries.ts).
    sqlite: 'UPDATE trace_payloads SET layout = NULL;',
    postgres: 'UPDATE trace_payloads SET layout = NULL;',
  },
  {
    version: 9,
    name: 'results cache: byte size and last use, for least-recently-used eviction',
    sqlite: `
      ALTER TABLE results ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE results ADD COLUMN used INTEGER NOT NULL DEFAULT 0;
      UPDATE results SET bytes = length(CAST(value AS BLOB));
      CREATE INDEX results_used ON results (used);
    `,
    postgres: `
      ALTER TABLE results ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE results ADD COLUMN used BIGINT NOT NULL DEFAULT 0;
      UPDATE results SET bytes = octet_length(value);
      CREATE INDEX results_used ON results (used);
    `,
  },
  {
    version: 10,
    // Reserved as 7, numbered after main's 9 so that stores already at 9 still apply it.
    name: 'failed trainers: graphlets marked failed (never pushed), traces count them apart',
    // A trainer that failed or was canceled made no model: no push decision (docs/statistics.md).
    // Pushed share and models per day are over completed trainers; layouts carry the mark.
    sqlite: `
      ALTER TABLE graphlets ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
      UPDATE graphlets SET failed = 1, pushed = 0 WHERE EXISTS (
        SELECT 1 FROM trace_payloads p, json_each(p.trace, '$.executions') e
        WHERE p.trace_id = graphlets.trace_id
          AND json_extract(e.value, '$.id') = graphlets.trainer
          AND json_extract(e.value, '$.state') IN ('failed', 'canceled'));
      ALTER TABLE traces ADD COLUMN failed_graphlets INTEGER NOT NULL DEFAULT 0;
      UPDATE traces SET
        failed_graphlets = (SELECT COUNT(*) FROM graphlets g WHERE g.trace_id = traces.id AND g.failed = 1),
        pushed_share = (SELECT CAST(SUM(g.pushed) AS REAL) / COUNT(*) FROM graphlets g
          WHERE g.trace_id = traces.id AND g.failed = 0),
        models_per_day = CASE WHEN lifespan_days IS NULL THEN NULL ELSE
          (SELECT COUNT(*) FROM graphlets g WHERE g.trace_id = traces.id AND g.failed = 0)
          / MAX(lifespan_days, 1.0) END;
      UPDATE trace_payloads SET layout = NULL;
      `,
    postgres: `
      ALTER TABLE graphlets ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
      UPDATE graphlets SET failed = 1, pushed = 0 WHERE EXISTS (
        SELECT 1 FROM trace_payloads p, jsonb_array_elements(p.trace::jsonb -> 'executions') e
        WHERE p.trace_id = graphlets.trace_id
          AND (e ->> 'id')::bigint = graphlets.trainer
          AND e ->> 'state' IN ('failed', 'canceled'));
      ALTER TABLE traces ADD COLUMN failed_graphlets INTEGER NOT NULL DEFAULT 0;
      UPDATE traces SET
        failed_graphlets = (SELECT COUNT(*) FROM graphlets g WHERE g.trace_id = traces.id AND g.failed = 1),
        pushed_share = (SELECT CAST(SUM(g.pushed) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0)
          FROM graphlets g WHERE g.trace_id = traces.id AND g.failed = 0),
        models_per_day = CASE WHEN lifespan_days IS NULL THEN NULL ELSE
          (SELECT COUNT(*) FROM graphlets g WHERE g.trace_id = traces.id AND g.failed = 0)
          / GREATEST(lifespan_days, 1.0) END;
      UPDATE trace_payloads SET layout = NULL;
      `,
  },
  {
    version: 11,
    name: 'connections: live MLMD stores synced into a source',
    // id is the source's id; secret holds a password only when the user asked to store it.
    sqlite: `
      CREATE TABLE connections (
        id TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('mysql', 'postgres', 'sqlite')),
        location TEXT NOT NULL,
        secret TEXT,
        poll_seconds INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('syncing', 'ready', 'unreachable', 'failed')),
        reason TEXT,
        synced TEXT,
        watermark TEXT,
        job_id TEXT
      );
      CREATE INDEX traces_source_pipeline ON traces (source_id, pipeline);
    `,
    postgres: `
      CREATE TABLE connections (
        id TEXT COLLATE "C" PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('mysql', 'postgres', 'sqlite')),
        location TEXT NOT NULL,
        secret TEXT,
        poll_seconds INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('syncing', 'ready', 'unreachable', 'failed')),
        reason TEXT,
        synced TEXT,
        watermark TEXT,
        job_id TEXT
      );
      CREATE INDEX traces_source_pipeline ON traces (source_id, pipeline);
    `,
  },
  {
    version: 12,
    name: 'jobs can end canceled',
    // SQLite cannot change a CHECK constraint in place: the table is copied under the new one.
    sqlite: `
      CREATE TABLE jobs_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'canceled')),
        progress TEXT NOT NULL,
        error TEXT,
        result TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      INSERT INTO jobs_next SELECT id, kind, state, progress, error, result, created, updated FROM jobs;
      DROP TABLE jobs;
      ALTER TABLE jobs_next RENAME TO jobs;
    `,
    postgres: `
      ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
      ALTER TABLE jobs ADD CONSTRAINT jobs_state_check
        CHECK (state IN ('queued', 'running', 'done', 'failed', 'canceled'));
    `,
  },
  {
    version: 13,
    name: 'corpus-wide search: every node by label, type, name and URI (FTS5 trigram index)',
    // Numbered after main's 12 so that a store already at 12 still gets it. Filled at import
    // (store/search-index.ts); traces imported before this migration are indexed when the server
    // opens the store. The FTS table reads its text from search_nodes and the triggers keep the
    // two in step, also when a trace's rows go by ON DELETE CASCADE.
    sqlite: `
      CREATE TABLE search_nodes (
        id INTEGER PRIMARY KEY,
        trace_id TEXT NOT NULL REFERENCES traces (id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('execution', 'artifact')),
        label TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT,
        uri TEXT
      );
      CREATE INDEX search_nodes_trace ON search_nodes (trace_id);
      CREATE VIRTUAL TABLE search_text USING fts5(
        label, type, name, uri, content = 'search_nodes', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE TRIGGER search_nodes_insert AFTER INSERT ON search_nodes BEGIN
        INSERT INTO search_text (rowid, label, type, name, uri)
          VALUES (new.id, new.label, new.type, new.name, new.uri);
      END;
      CREATE TRIGGER search_nodes_delete AFTER DELETE ON search_nodes BEGIN
        INSERT INTO search_text (search_text, rowid, label, type, name, uri)
          VALUES ('delete', old.id, old.label, old.type, old.name, old.uri);
      END;
    `,
    postgres: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
      CREATE TABLE search_nodes (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        trace_id TEXT COLLATE "C" NOT NULL REFERENCES traces (id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('execution', 'artifact')),
        label TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT,
        uri TEXT,
        haystack TEXT GENERATED ALWAYS AS (
          label || E'\\x1f' || type || E'\\x1f' || coalesce(name, '') || E'\\x1f' || coalesce(uri, '')
        ) STORED
      );
      CREATE INDEX search_nodes_trace ON search_nodes (trace_id);
      CREATE INDEX search_nodes_haystack ON search_nodes USING gin (haystack gin_trgm_ops);
    `,
  },
  {
    version: 14,
    name: 'search index: the nodes of a trace enter the text index in one statement, not a trigger per row',
    // One INSERT ... SELECT per trace costs the trigram index about a third of the CPU of a trigger
    // firing per row (store/search-index.ts); deletes still go through the delete trigger.
    // PostgreSQL's index (a GIN index on a generated column) has no trigger: nothing changes.
    sqlite: 'DROP TRIGGER search_nodes_insert;',
    postgres: 'SELECT 1;',
  },
  {
    version: 15,
    name: 'trace layouts are kept gzipped (layout_gzip), served as they are stored',
    // The JSON of a 1M-node trace is ~300 MB, its gzip ~25 MB: the cache keeps the gzip and the
    // trace endpoint answers it without compressing. Text layouts are laid out again on request.
    sqlite: `
      ALTER TABLE trace_payloads DROP COLUMN layout;
      ALTER TABLE trace_payloads ADD COLUMN layout_gzip BLOB;
    `,
    postgres: `
      ALTER TABLE trace_payloads DROP COLUMN layout;
      ALTER TABLE trace_payloads ADD COLUMN layout_gzip BYTEA;
    `,
  },
  {
    version: 16,
    name: 'PostgreSQL: trace JSON and cached results compressed with lz4 instead of pglz',
    // pglz took 2.5 s of the server's CPU to store 46 MB of trace JSON where lz4 took 0.64 s
    // (60 synthetic payloads, PostgreSQL 15, 2026-12-07), 19 % larger on disk: fanned-out
    // imports write many traces at once, and the database's CPU is what more workers cannot
    // divide. Gzipped layouts are not compressed again. A server built without lz4 keeps pglz.
    // SQLite does not compress.
    sqlite: 'SELECT 1;',
    postgres: `
      ALTER TABLE trace_payloads ALTER COLUMN layout_gzip SET STORAGE EXTERNAL;
      DO $$
      BEGIN
        ALTER TABLE trace_payloads ALTER COLUMN trace SET COMPRESSION lz4,
          ALTER COLUMN base_roles SET COMPRESSION lz4;
        ALTER TABLE results ALTER COLUMN value SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR syntax_error THEN
        NULL;
      END $$;
    `,
  },
  {
    version: 17,
    name: 'what the corpus statistics see in each trace, kept beside it (trace_payloads.stats)',
    // The statistics of a corpus merge these (a few KB a trace) instead of reading every trace
    // again: at paper scale 3.6 GB of trace JSON. Traces stored before have none (NULL) and are
    // measured once, on the first statistics that need them.
    sqlite: 'ALTER TABLE trace_payloads ADD COLUMN stats TEXT;',
    postgres: `
      ALTER TABLE trace_payloads ADD COLUMN stats TEXT;
      DO $$
      BEGIN
        ALTER TABLE trace_payloads ALTER COLUMN stats SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR syntax_error THEN
        NULL;
      END $$;
    `,
  },
  {
    version: 18,
    name: 'PostgreSQL search: nodes kept in chunks of 64, only their distinct words in the trigram index',
    // A row per node with its whole text in the pg_trgm index was most of PostgreSQL's CPU for
    // each pipeline written (postgres/postgres-search.ts). The rows there are regrouped: 64
    // nodes of a trace a row, in their order, the words split as search-words.ts splits them
    // (on ASCII characters other than letters and digits), a space around each. Arrays are
    // compressed with lz4 as in migration 16. SQLite keeps its FTS5 table.
    sqlite: 'SELECT 1;',
    postgres: `
      CREATE SEQUENCE search_trace_seq;
      CREATE TABLE search_chunks (
        trace_id TEXT COLLATE "C" NOT NULL REFERENCES traces (id) ON DELETE CASCADE,
        trace_seq BIGINT NOT NULL,
        chunk INTEGER NOT NULL,
        node_ids TEXT[] NOT NULL,
        kinds TEXT[] NOT NULL,
        labels TEXT[] NOT NULL,
        types TEXT[] NOT NULL,
        names TEXT[] NOT NULL,
        uris TEXT[] NOT NULL,
        words TEXT NOT NULL,
        PRIMARY KEY (trace_seq, chunk)
      );
      ALTER SEQUENCE search_trace_seq OWNED BY search_chunks.trace_seq;
      DO $$
      BEGIN
        ALTER TABLE search_chunks ALTER COLUMN node_ids SET COMPRESSION lz4,
          ALTER COLUMN kinds SET COMPRESSION lz4, ALTER COLUMN labels SET COMPRESSION lz4,
          ALTER COLUMN types SET COMPRESSION lz4, ALTER COLUMN names SET COMPRESSION lz4,
          ALTER COLUMN uris SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR syntax_error THEN
        NULL;
      END $$;
      INSERT INTO search_chunks (trace_id, trace_seq, chunk, node_ids, kinds, labels, types, names, uris, words)
      SELECT g.trace_id, dense_rank() OVER (ORDER BY g.first_id), g.chunk, g.node_ids, g.kinds,
        g.labels, g.types, g.names, g.uris,
        ' ' || coalesce((SELECT string_agg(DISTINCT w, ' ')
          FROM unnest(g.labels || g.types || g.names || g.uris) AS x (t),
            regexp_split_to_table(t, '[\\x01-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]+') AS w
          WHERE w <> ''), '') || ' '
      FROM (
        SELECT trace_id, first_id, chunk, array_agg(node_id ORDER BY id) AS node_ids,
          array_agg(kind ORDER BY id) AS kinds, array_agg(label ORDER BY id) AS labels,
          array_agg(type ORDER BY id) AS types, array_agg(name ORDER BY id) AS names,
          array_agg(uri ORDER BY id) AS uris
        FROM (
          SELECT s.*, min(id) OVER (PARTITION BY trace_id) AS first_id,
            (row_number() OVER (PARTITION BY trace_id ORDER BY id) - 1) / 64 AS chunk
          FROM search_nodes s
        ) numbered
        GROUP BY trace_id, first_id, chunk
      ) g;
      SELECT setval('search_trace_seq', coalesce(max(trace_seq), 0) + 1, false) FROM search_chunks;
      CREATE INDEX search_chunks_trace ON search_chunks (trace_id);
      CREATE INDEX search_chunks_words ON search_chunks USING gin (words gin_trgm_ops);
      DROP TABLE search_nodes;
    `,
  },
];

/** Applies every migration newer than the store, each in its own transaction; returns the version. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(SCHEMA_MIGRATIONS_TABLE);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  const current = row.v ?? 0;
  for (const m of pendingMigrations(current, migrations)) {
    db.exec('BEGIN');
    try {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw migrationError(m, error);
    }
  }
  return Math.max(migrations.at(-1)?.version ?? 0, current);
}
