package io.dragoman.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The tables of a run store and how a file gets them: created in an empty file, checked in one of ours, migrated in
 * place, in one transaction, when it is older than this code. The SQLite header identifies the file: {@code
 * application_id} is {@link RunStore#APPLICATION_ID} and {@code user_version} the schema version.
 *
 * @param version the version this schema writes and the newest it reads
 * @param create the statements that make version 1 in an empty file
 * @param migrations the statements that take a store from version {@code i + 1} to {@code i + 2}, at index {@code i}
 */
record Schema(int version, List<String> create, List<List<String>> migrations) {

    /** Schema version 1, created in a fresh file. */
    private static final List<String> VERSION_1 =
            List.of("""
            CREATE TABLE articles (
                seq               INTEGER PRIMARY KEY,
                id                TEXT    NOT NULL UNIQUE,
                location          TEXT,
                input_hash        TEXT,
                status            TEXT    NOT NULL
                                  CHECK (status IN ('CLEANED', 'TRANSLATED', 'SUMMARIZED', 'FAILED', 'IN_FLIGHT')),
                cleaned_json      TEXT,
                translation_json  TEXT,
                summary_json      TEXT,
                failure_stage     TEXT    CHECK (failure_stage IN ('CLEAN', 'TRANSLATE', 'SUMMARIZE')),
                failure_reason    TEXT,
                failure_retriable INTEGER,
                failure_detail    TEXT,
                attempts          INTEGER NOT NULL DEFAULT 0,
                updated_at        TEXT    NOT NULL
            )""", "CREATE INDEX articles_status ON articles (status)", """
            CREATE TABLE model_calls (
                key           TEXT    PRIMARY KEY,
                text          TEXT    NOT NULL,
                finish_reason TEXT    NOT NULL,
                input_tokens  INTEGER,
                output_tokens INTEGER,
                provider      TEXT    NOT NULL,
                model         TEXT    NOT NULL,
                created_at    TEXT    NOT NULL
            )""");

    /** Version 2: whether a person should review the article's translation, or accepted it. */
    private static final List<String> VERSION_2 =
            List.of("ALTER TABLE articles ADD COLUMN review TEXT CHECK (review IN ('NEEDS_REVIEW', 'ACCEPTED'))");

    /** Version 3: the part of a cached call's prompt read from and written to the provider's prompt cache. */
    private static final List<String> VERSION_3 = List.of(
            "ALTER TABLE model_calls ADD COLUMN cached_input_tokens INTEGER",
            "ALTER TABLE model_calls ADD COLUMN cache_write_tokens INTEGER");

    /** Version 4: provider batch jobs and their requests, so that a run stopped while a job runs finds it again. */
    private static final List<String> VERSION_4 =
            List.of("""
            CREATE TABLE batch_jobs (
                job_key      TEXT    PRIMARY KEY,
                provider     TEXT    NOT NULL,
                model        TEXT    NOT NULL,
                job_id       TEXT,
                state        TEXT    NOT NULL,
                requests     INTEGER NOT NULL,
                succeeded    INTEGER NOT NULL DEFAULT 0,
                failed       INTEGER NOT NULL DEFAULT 0,
                payload_hash TEXT    NOT NULL,
                fetched      INTEGER NOT NULL DEFAULT 0,
                error        TEXT,
                created_at   TEXT    NOT NULL,
                updated_at   TEXT    NOT NULL
            )""", """
            CREATE TABLE batch_items (
                job_key             TEXT    NOT NULL REFERENCES batch_jobs (job_key),
                custom_id           TEXT    NOT NULL,
                call_key            TEXT    NOT NULL,
                text                TEXT,
                finish_reason       TEXT,
                input_tokens        INTEGER,
                output_tokens       INTEGER,
                cached_input_tokens INTEGER,
                answered_model      TEXT,
                error               TEXT,
                used                INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (job_key, custom_id)
            )""", "CREATE INDEX batch_items_call ON batch_items (call_key)");

    /**
     * Version 5: a count of the processes that changed the store, so that outputs rendered from a store that has not
     * changed since need not be rendered again (kept by {@link RunStore}, once between readings: not by triggers, whose
     * changes would count in every statement's update count, nor per commit, which would write one more page to the
     * log at every commit).
     */
    private static final List<String> VERSION_5 = List.of(
            "CREATE TABLE store_changes (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)",
            "INSERT INTO store_changes (id, generation) VALUES (1, 0)");

    /**
     * The schema this code uses. To change it, append a migration here and raise {@link RunStore#SCHEMA_VERSION};
     * never edit {@link #VERSION_1} or a migration already released.
     */
    static final Schema CURRENT =
            new Schema(RunStore.SCHEMA_VERSION, VERSION_1, List.of(VERSION_2, VERSION_3, VERSION_4, VERSION_5));

    /** Validates that there is one migration for each version after the first. */
    Schema {
        create = List.copyOf(create);
        migrations = migrations.stream().map(List::copyOf).toList();
        if (migrations.size() != version - 1) {
            throw new IllegalArgumentException(
                    "Schema version " + version + " needs " + (version - 1) + " migrations, has " + migrations.size());
        }
    }

    /**
     * Sets the connection up (lock timeout, WAL, {@code synchronous=NORMAL}), then creates, checks or migrates the
     * tables.
     *
     * @throws RunStoreException when the file is not a Dragoman run store, is newer than this schema, or cannot be
     *     read or written
     */
    void prepare(Connection connection, SqliteErrors errors) {
        Objects.requireNonNull(errors, "errors");
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + RunStore.BUSY_TIMEOUT_MS);
            // Before changing anything: is this file ours? (Switching a foreign database to WAL would alter it.)
            check(statement, errors);
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                mode.next(); // SQLite answers with the mode it is in: wal, or its old journal where WAL cannot be used
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                int found = check(statement, errors); // again, now that no other process can create it meanwhile
                if (found == 0) {
                    for (String sql : create) {
                        statement.execute(sql);
                    }
                    found = 1;
                }
                for (int from = found; from < version; from++) {
                    for (String sql : migrations.get(from - 1)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA application_id = " + RunStore.APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + version);
                statement.execute("COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    RunStore.rollbackQuietly(statement);
                }
            }
        } catch (SQLException e) {
            throw errors.failure("open it", e);
        }
    }

    /**
     * The schema version of the file, 0 for an empty file.
     *
     * @throws RunStoreException when the file is not a Dragoman run store or is newer than this schema
     */
    private int check(Statement statement, SqliteErrors errors) throws SQLException {
        int applicationId = intPragma(statement, "application_id");
        int found = intPragma(statement, "user_version");
        if (applicationId == RunStore.APPLICATION_ID && found >= 1) {
            if (found > version) {
                throw errors.newer(found, version);
            }
            return found;
        }
        if (applicationId == RunStore.APPLICATION_ID) {
            throw errors.notAStore("damaged: it has no schema version", null);
        }
        if (applicationId == 0 && found == 0) {
            try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                if (tables.next() && tables.getInt(1) == 0) {
                    return 0;
                }
            }
        }
        throw errors.notAStore("an SQLite database of another program", null);
    }

    private static int intPragma(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
