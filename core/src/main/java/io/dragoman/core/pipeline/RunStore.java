package io.dragoman.core.pipeline;

import io.dragoman.core.llm.CallCache;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The source of truth of a batch run: one SQLite file (the CLI uses {@code <out>/dragoman.db}) holding each article's
 * committed stage results and the cache of model calls, so that a run killed at any moment loses at most the calls in
 * flight and a rerun skips what is done and pays for no call twice.
 *
 * <h2>Durability</h2>
 *
 * Every write method is one transaction, committed before it returns. The file is in WAL mode with {@code
 * synchronous=NORMAL}: a commit is in the operating system's hands when the method returns, so killing the process
 * (Ctrl-C, {@code kill -9}, an out-of-memory crash) loses nothing committed, and the file is never left half-written.
 * Only a power cut or an operating-system crash can lose the last commits (never corrupt the file); that costs at most
 * a few articles redone and, because the call cache sits in the same file, the calls behind them paid again. {@code
 * synchronous=FULL} would close that gap with an fsync per commit, which on an ordinary disk caps a run at some tens
 * of commits a second across all workers; NORMAL is the trade SQLite itself recommends for WAL. If the file system
 * cannot do WAL (some network file systems), SQLite keeps its rollback journal, which is just as atomic, only slower.
 *
 * <h2>Threads</h2>
 *
 * Thread-safe: one connection, one lock. Every statement is a small indexed write or read that takes well under a
 * millisecond without an fsync, while the model calls around it take seconds, so many worker threads queue for
 * microseconds and a pool would buy nothing but {@code SQLITE_BUSY} handling. Other processes (a {@code dragoman
 * report} while the run goes on) can read at the same time; a second writer waits up to {@value #BUSY_TIMEOUT_MS}
 * ms for the lock before failing with a clear message.
 *
 * <h2>Schema</h2>
 *
 * The SQLite header identifies the file: {@code application_id} is {@value #APPLICATION_ID} ("DRGM") and {@code
 * user_version} the schema version, {@link #SCHEMA_VERSION} today. Opening a file that is not such a store, or was
 * written by a newer Dragoman, fails with a message naming it; an older store is migrated in place, in one
 * transaction. Table {@code articles} has one row per article id, in insertion order; table {@code model_calls} is
 * the {@link #callCache()}.
 */
public final class RunStore implements AutoCloseable {

    /** The schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    /** The SQLite application id that marks a Dragoman run store: "DRGM" in ASCII. */
    public static final int APPLICATION_ID = 0x4452474D;

    /** How long a write waits for another process's lock before failing, in milliseconds. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private static final int PAGE_SIZE = 256;

    /** Schema version 1, created in a fresh file. */
    private static final List<String> CREATE = List.of("""
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

    /**
     * The statements that take a store from version {@code i + 1} to {@code i + 2}, at index {@code i}. Append a list
     * here and raise {@link #SCHEMA_VERSION} to change the schema; never edit {@link #CREATE} or a migration already
     * released.
     */
    private static final List<List<String>> MIGRATIONS = List.of();

    private static final String COLUMNS = "seq, id, location, input_hash, status, cleaned_json, translation_json,"
            + " summary_json, failure_stage, failure_reason, failure_retriable, failure_detail, attempts,"
            + " updated_at";

    /** True when a new failure's input is the one the stored results were made from (or is not given). */
    private static final String SAME_INPUT =
            "(excluded.input_hash IS NULL OR articles.input_hash IS excluded.input_hash)";

    // SQLite's primary result codes, as sqlite-jdbc reports them in SQLException.getErrorCode()
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;
    private final Clock clock;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final CallCache callCache = new StoredCallCache();
    private boolean closed; // guarded by lock

    private RunStore(Path file, Clock clock, Connection connection) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens the run store at {@code file}, creating the file and its directory when missing, with the system clock for
     * {@code updated_at}.
     *
     * @throws RunStoreException naming the file when it cannot be created or opened, is not a Dragoman run store, or
     *     was written by a newer Dragoman
     */
    public static RunStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /**
     * Opens the run store at {@code file} as {@link #open(Path)} does, stamping rows with {@code clock}.
     *
     * @throws RunStoreException naming the file when it cannot be created or opened, is not a Dragoman run store, or
     *     was written by a newer Dragoman
     */
    public static RunStore open(Path file, Clock clock) {
        return open(file, clock, new Properties());
    }

    /**
     * Opens the run store at {@code file} with extra SQLite connection settings, such as a {@code max_page_count} that
     * makes a small file behave as a full disk.
     */
    static RunStore open(Path file, Clock clock, Properties settings) {
        Objects.requireNonNull(clock, "clock");
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new RunStoreException("The run store " + absolute + " is a directory; give a file, such as "
                    + absolute.resolve("dragoman.db") + ".");
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new RunStoreException(
                    "Cannot create the directory of the run store " + absolute + " (" + e
                            + "); check that the output directory can be written.",
                    e);
        }
        Connection connection;
        try {
            connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + absolute, settings);
        } catch (SQLException e) {
            throw failure(absolute, "open it", e);
        }
        try {
            prepare(connection, absolute);
            return new RunStore(absolute, clock, connection);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Sets the connection up, then creates, checks or migrates the schema. */
    private static void prepare(Connection connection, Path file) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // Before changing anything: is this file ours? (Switching a foreign database to WAL would alter it.)
            check(file, statement);
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                mode.next(); // SQLite answers with the mode it is in: wal, or its old journal where WAL cannot be used
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                int version = check(file, statement); // again, now that no other process can create it meanwhile
                if (version == 0) {
                    for (String sql : CREATE) {
                        statement.execute(sql);
                    }
                    version = 1;
                }
                for (int from = version; from < SCHEMA_VERSION; from++) {
                    for (String sql : MIGRATIONS.get(from - 1)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                statement.execute("COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    rollbackQuietly(statement);
                }
            }
        } catch (SQLException e) {
            throw failure(file, "open it", e);
        }
    }

    /**
     * The schema version of the file, 0 for an empty file.
     *
     * @throws RunStoreException when the file is not a Dragoman run store or is newer than this code
     */
    private static int check(Path file, Statement statement) throws SQLException {
        int applicationId = intPragma(statement, "application_id");
        int version = intPragma(statement, "user_version");
        if (applicationId == APPLICATION_ID && version >= 1) {
            if (version > SCHEMA_VERSION) {
                throw new RunStoreException("The run store " + file + " was written by a newer Dragoman (store version "
                        + version + ", this one reads up to " + SCHEMA_VERSION
                        + "); upgrade Dragoman, or choose another output directory.");
            }
            return version;
        }
        if (applicationId == APPLICATION_ID) {
            throw notAStore(file, "damaged: it has no schema version", null);
        }
        if (applicationId == 0 && version == 0) {
            try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                if (tables.next() && tables.getInt(1) == 0) {
                    return 0;
                }
            }
        }
        throw notAStore(file, "an SQLite database of another program", null);
    }

    private static int intPragma(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static RunStoreException notAStore(Path file, String what, Throwable cause) {
        return new RunStoreException(
                file + " is not a Dragoman run store (" + what + "); move it away, or choose another output directory.",
                cause);
    }

    /** A failed statement as an exception that names the file, what was being done, and what to do. */
    private static RunStoreException failure(Path file, String doing, SQLException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String what = "Run store " + file + ": could not " + doing + " (" + detail + ")";
        return switch (e.getErrorCode() & 0xFF) {
            case SQLITE_NOTADB, SQLITE_CORRUPT -> notAStore(file, "damaged, or not an SQLite database: " + detail, e);
            case SQLITE_BUSY, SQLITE_LOCKED ->
                new RunStoreException(
                        what + "; another process held it for more than " + BUSY_TIMEOUT_MS / 1000
                                + " s. Wait for the other Dragoman run to finish, or choose another output directory.",
                        e);
            case SQLITE_FULL ->
                new RunStoreException(
                        what + "; the disk is full. Free some space and run again: finished work is kept.", e);
            case SQLITE_IOERR -> new RunStoreException(what + "; " + ioError(file, e), e);
            case SQLITE_READONLY, SQLITE_CANTOPEN -> new RunStoreException(what + "; " + cannotWrite(file), e);
            default ->
                new RunStoreException(what + "; check the file and the disk, and run again: finished work is kept.", e);
        };
    }

    /**
     * What an I/O error most likely means. SQLite reports a full disk as {@code SQLITE_FULL}, but a write refused for
     * any other reason, such as a file size limit ({@code ulimit -f}, where the system says "file too large") or a
     * quota, only as a failed write; the free space of the file system tells the two apart.
     */
    private static String ioError(Path file, SQLException e) {
        String code =
                e instanceof org.sqlite.SQLiteException s ? s.getResultCode().name() : "";
        if (code.contains("READ")) {
            return "the disk could not be read. Check the disk and run again: finished work is kept.";
        }
        long usable;
        try {
            usable = Files.getFileStore(file.getParent() == null ? file : file.getParent())
                    .getUsableSpace();
        } catch (IOException | RuntimeException unknown) {
            usable = -1;
        }
        if (usable >= 0 && usable < 1024 * 1024) {
            return "the disk is full. Free some space and run again: finished work is kept.";
        }
        return "the write was refused: the file is too large for a size limit (ulimit -f, a disk quota), or the disk"
                + " is full or failing. Raise the limit or free some space and run again: finished work is kept.";
    }

    /** Why a store cannot be opened or written, when its directory or the file itself says so. */
    private static String cannotWrite(Path file) {
        Path dir = file.getParent();
        if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
            return "permission denied: the directory " + dir + " is read-only. Make it writable (chmod u+w) or"
                    + " choose another output directory, and run again: finished work is kept.";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "permission denied: the file is read-only. Make it writable (chmod u+w) and run again: finished"
                    + " work is kept.";
        }
        return "check that the file and its directory exist and can be written.";
    }

    private static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back (it does on some errors); nothing is left to undo
        }
    }

    /** The store's file, absolute. */
    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Stores an article's cleaning result and starts it afresh: a translation or summary made from an earlier cleaning
     * is dropped, as is the latest failure. The failed-attempt count is kept when the input is the same and reset when
     * it changed.
     *
     * @param id the article id
     * @param location the input's path or URL
     * @param inputHash a hash of the input bytes, compared on the next run to tell a changed input
     * @param cleanedJson the cleaned article as JSON; the store keeps the text as given
     */
    public void saveCleaned(String id, String location, String inputHash, String cleanedJson) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(cleanedJson, "cleanedJson");
        transaction("save the cleaned article " + id, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, location, input_hash, status, cleaned_json, attempts, updated_at)
                    VALUES (?, ?, ?, 'CLEANED', ?, 0, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        location = excluded.location,
                        input_hash = excluded.input_hash,
                        status = 'CLEANED',
                        cleaned_json = excluded.cleaned_json,
                        translation_json = NULL,
                        summary_json = NULL,
                        failure_stage = NULL,
                        failure_reason = NULL,
                        failure_retriable = NULL,
                        failure_detail = NULL,
                        attempts = CASE WHEN articles.input_hash IS excluded.input_hash
                                        THEN articles.attempts ELSE 0 END,
                        updated_at = excluded.updated_at""")) {
                insert.setString(1, id);
                insert.setString(2, location);
                insert.setString(3, inputHash);
                insert.setString(4, cleanedJson);
                insert.setString(5, now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Stores an article's translation, replacing any earlier one and dropping a summary made from it; clears the
     * latest failure.
     *
     * @throws IllegalStateException when the article has no cleaned result stored: save that first
     */
    public void saveTranslation(String id, String translationJson) {
        Objects.requireNonNull(translationJson, "translationJson");
        saveStage(id, "TRANSLATED", "translation_json = ?, summary_json = NULL", translationJson, "translation");
    }

    /**
     * Stores an article's summary, replacing any earlier one; clears the latest failure. The article is then done.
     *
     * @throws IllegalStateException when the article has no cleaned result stored: save that first
     */
    public void saveSummary(String id, String summaryJson) {
        Objects.requireNonNull(summaryJson, "summaryJson");
        saveStage(id, "SUMMARIZED", "summary_json = ?", summaryJson, "summary");
    }

    private void saveStage(String id, String status, String set, String json, String what) {
        Objects.requireNonNull(id, "id");
        transaction("save the " + what + " of article " + id, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE articles SET status = '" + status + "', " + set
                    + ", failure_stage = NULL, failure_reason = NULL, failure_retriable = NULL, failure_detail = NULL,"
                    + " updated_at = ?"
                    + " WHERE id = ? AND cleaned_json IS NOT NULL")) {
                update.setString(1, json);
                update.setString(2, now());
                update.setString(3, id);
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("Article " + id + " has no cleaned result in the run store " + file
                            + "; save the cleaned article before its " + what + ".");
                }
                return null;
            }
        });
    }

    /**
     * Records a failed attempt at an article: its status becomes {@link ArticleStatus#FAILED}, the failure replaces any
     * earlier one, the attempt count goes up by one, and results of stages that finished before are kept. Creates the
     * row when the article failed before anything was stored.
     *
     * @param stage the stage that failed
     * @param reason one line saying what went wrong, without secrets
     * @param retriable true when trying again later may succeed
     */
    public void saveFailure(String id, Stage stage, String reason, boolean retriable) {
        saveFailure(id, null, null, stage, reason, retriable);
    }

    /**
     * Records a failed attempt as {@link #saveFailure(String, Stage, String, boolean)} does, for a failure that may come
     * before cleaning stored the input's location and hash: they are recorded too. When {@code inputHash} differs from
     * the stored one the input changed, so the stored results are dropped and the attempt count starts again at one.
     *
     * @param location the input's path or URL, or null when unknown
     * @param inputHash a hash of the input bytes, or null when unknown
     */
    public void saveFailure(
            String id, String location, String inputHash, Stage stage, String reason, boolean retriable) {
        saveFailure(id, location, inputHash, stage, reason, retriable, null);
    }

    /**
     * Records a failed attempt with details for inspection, as the caller's JSON text: for example the raw reply a
     * model wrote that never validated, and the tokens spent.
     *
     * @param detailJson the details, or null for none
     */
    public void saveFailure(
            String id,
            String location,
            String inputHash,
            Stage stage,
            String reason,
            boolean retriable,
            String detailJson) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        transaction("save the failure of article " + id, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, location, input_hash, status, failure_stage, failure_reason,
                                          failure_retriable, failure_detail, attempts, updated_at)
                    VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        status = 'FAILED',
                        failure_stage = excluded.failure_stage,
                        failure_reason = excluded.failure_reason,
                        failure_retriable = excluded.failure_retriable,
                        failure_detail = excluded.failure_detail,
                        attempts = CASE WHEN %1$s THEN articles.attempts + 1 ELSE 1 END,
                        cleaned_json = CASE WHEN %1$s THEN articles.cleaned_json END,
                        translation_json = CASE WHEN %1$s THEN articles.translation_json END,
                        summary_json = CASE WHEN %1$s THEN articles.summary_json END,
                        location = coalesce(excluded.location, articles.location),
                        input_hash = coalesce(excluded.input_hash, articles.input_hash),
                        updated_at = excluded.updated_at""".formatted(SAME_INPUT))) {
                insert.setString(1, id);
                insert.setString(2, location);
                insert.setString(3, inputHash);
                insert.setString(4, stage.name());
                insert.setString(5, reason);
                insert.setInt(6, retriable ? 1 : 0);
                insert.setString(7, detailJson);
                insert.setString(8, now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Marks an article as being worked on, creating its row when it has none; stored results and the latest failure
     * are kept, so {@link #resetInFlight()} can go back to them if the run dies before the next save.
     */
    public void markInFlight(String id) {
        Objects.requireNonNull(id, "id");
        transaction("mark article " + id + " in flight", c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, status, attempts, updated_at) VALUES (?, 'IN_FLIGHT', 0, ?)
                    ON CONFLICT (id) DO UPDATE SET status = 'IN_FLIGHT', updated_at = excluded.updated_at""")) {
                insert.setString(1, id);
                insert.setString(2, now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Turns every {@link ArticleStatus#IN_FLIGHT} row, left by a run that crashed or was interrupted, back into its
     * last finished state: {@code FAILED} when its latest attempt failed, else the furthest stage stored. A row with
     * neither (the crash came before anything was stored) is removed. Call it at the start of a run, before any worker.
     *
     * @return how many rows were reset or removed
     */
    public int resetInFlight() {
        return transaction("reset the articles in flight", c -> {
            int changed;
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM articles WHERE status = 'IN_FLIGHT'
                        AND cleaned_json IS NULL AND failure_stage IS NULL""")) {
                changed = delete.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE articles SET
                        status = CASE WHEN failure_stage IS NOT NULL THEN 'FAILED'
                                      WHEN summary_json IS NOT NULL THEN 'SUMMARIZED'
                                      WHEN translation_json IS NOT NULL THEN 'TRANSLATED'
                                      ELSE 'CLEANED' END,
                        updated_at = ?
                    WHERE status = 'IN_FLIGHT'""")) {
                update.setString(1, now());
                changed += update.executeUpdate();
            }
            return changed;
        });
    }

    /** Removes every article, for {@code --force}; the call cache is kept (see {@link #clearCallCache()}). */
    public void clear() {
        transaction("remove all articles", c -> {
            try (Statement delete = c.createStatement()) {
                return delete.executeUpdate("DELETE FROM articles");
            }
        });
    }

    /**
     * Removes every cached model call, so that each call is made again. Rarely wanted: a cached reply is keyed by
     * everything that decides it, and changing a prompt already misses the cache.
     *
     * @return how many calls were removed
     */
    public int clearCallCache() {
        return transaction("remove all cached model calls", c -> {
            try (Statement delete = c.createStatement()) {
                return delete.executeUpdate("DELETE FROM model_calls");
            }
        });
    }

    // ---------------------------------------------------------------- reads

    /** The article stored under {@code id}, or empty when there is none. */
    public Optional<StoredArticle> find(String id) {
        Objects.requireNonNull(id, "id");
        return locked("read article " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(article(row)) : Optional.<StoredArticle>empty();
                }
            }
        });
    }

    /**
     * Every article, in the order the rows were first written, read lazily a page at a time so that rendering outputs
     * for 100,000 articles never holds them all in memory. Nothing stays open between pages: the stream needs no
     * closing, and writes may go on meanwhile (an article written during the walk may or may not show up).
     */
    public Stream<StoredArticle> articles() {
        return pagedBy("seq", 0L);
    }

    /**
     * Every article in id order, read lazily a page at a time: the order output files use, so that they are the same
     * whatever order concurrent workers finished in and however often a run was interrupted and resumed.
     */
    public Stream<StoredArticle> articlesById() {
        return pagedBy("id", "");
    }

    /**
     * The articles ordered by a unique column, read a page at a time by keyset paging: each page starts after the
     * last key of the one before, so no cursor stays open between pages.
     *
     * @param key {@code seq} or {@code id}: a constant of this class, never user input
     * @param before a value below every key
     */
    private Stream<StoredArticle> pagedBy(String key, Object before) {
        Iterator<StoredArticle> pages = new Iterator<>() {
            private final Deque<StoredArticle> page = new ArrayDeque<>();
            private Object after = before;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    after = readPage(key, after, page);
                    exhausted = page.size() < PAGE_SIZE;
                }
                return !page.isEmpty();
            }

            @Override
            public StoredArticle next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Adds the rows whose {@code key} comes after {@code after} to {@code page}, and returns the last one's key. */
    private Object readPage(String key, Object after, Deque<StoredArticle> page) {
        return locked("read the articles", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + ", " + key
                    + " AS page_key FROM articles WHERE " + key + " > ? ORDER BY " + key + " LIMIT " + PAGE_SIZE)) {
                select.setObject(1, after);
                Object last = after;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        last = row.getObject("page_key");
                        page.addLast(article(row));
                    }
                }
                return last;
            }
        });
    }

    /** How many articles have each status; every status is a key, with 0 when none has it. */
    public Map<ArticleStatus, Long> counts() {
        return locked("count the articles", c -> {
            Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
            for (ArticleStatus status : ArticleStatus.values()) {
                counts.put(status, 0L);
            }
            try (Statement select = c.createStatement();
                    ResultSet row = select.executeQuery("SELECT status, count(*) FROM articles GROUP BY status")) {
                while (row.next()) {
                    counts.put(ArticleStatus.valueOf(row.getString(1)), row.getLong(2));
                }
            }
            return Collections.unmodifiableMap(counts);
        });
    }

    /**
     * Runs SQLite's full consistency check ({@code PRAGMA integrity_check}), which reads the whole file.
     *
     * @return true when SQLite answers {@code ok}
     */
    public boolean integrityCheck() {
        return locked("check its integrity", c -> {
            List<String> answer = new ArrayList<>();
            try (Statement check = c.createStatement();
                    ResultSet row = check.executeQuery("PRAGMA integrity_check")) {
                while (row.next()) {
                    answer.add(row.getString(1));
                }
            }
            return answer.equals(List.of("ok"));
        });
    }

    /** The model-call cache kept in this store's file; valid until the store is closed. */
    public CallCache callCache() {
        return callCache;
    }

    /** Closes the file; SQLite folds the write-ahead log into it. Calling it again does nothing. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw failure(file, "close it", e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- plumbing

    private StoredArticle article(ResultSet row) throws SQLException {
        Optional<StoredArticle.Failure> failure = Optional.empty();
        String stage = row.getString("failure_stage");
        if (stage != null) {
            String reason = row.getString("failure_reason");
            failure = Optional.of(new StoredArticle.Failure(
                    Stage.valueOf(stage),
                    reason == null ? "" : reason,
                    row.getInt("failure_retriable") != 0,
                    Optional.ofNullable(row.getString("failure_detail"))));
        }
        return new StoredArticle(
                row.getString("id"),
                Optional.ofNullable(row.getString("location")),
                Optional.ofNullable(row.getString("input_hash")),
                ArticleStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("cleaned_json")),
                Optional.ofNullable(row.getString("translation_json")),
                Optional.ofNullable(row.getString("summary_json")),
                failure,
                row.getInt("attempts"),
                Instant.parse(row.getString("updated_at")));
    }

    private String now() {
        return clock.instant().toString();
    }

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} holding the lock, turning SQL errors into {@link RunStoreException}s. */
    private <T> T locked(String doing, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(
                        "The run store " + file + " is closed; open it again to " + doing + ".");
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(file, doing, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} as one write transaction, committed before this returns and rolled back if it throws. */
    private <T> T transaction(String doing, Work<T> work) {
        return locked(doing, c -> {
            try (Statement control = c.createStatement()) {
                control.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    T result = work.run(c);
                    control.execute("COMMIT");
                    committed = true;
                    return result;
                } finally {
                    if (!committed) {
                        rollbackQuietly(control);
                    }
                }
            }
        });
    }

    /** The {@link CallCache} on table {@code model_calls}. */
    private final class StoredCallCache implements CallCache {

        @Override
        public Optional<ModelReply> get(String key) {
            Objects.requireNonNull(key, "key");
            return locked("read a cached model call", c -> {
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT text, finish_reason, input_tokens, output_tokens, provider, model
                        FROM model_calls WHERE key = ?""")) {
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? reply(row) : Optional.<ModelReply>empty();
                    }
                }
            });
        }

        /** The stored reply, or empty (a miss) when a newer Dragoman wrote values this one does not know. */
        private Optional<ModelReply> reply(ResultSet row) throws SQLException {
            long input = row.getLong("input_tokens");
            boolean noUsage = row.wasNull();
            long output = row.getLong("output_tokens");
            noUsage |= row.wasNull();
            try {
                return Optional.of(new ModelReply(
                        row.getString("text"),
                        FinishReason.valueOf(row.getString("finish_reason")),
                        noUsage ? Optional.empty() : Optional.of(new Usage(input, output)),
                        ProviderKind.valueOf(row.getString("provider")),
                        row.getString("model")));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public void put(String key, ModelReply reply) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reply, "reply");
            transaction("cache a model call", c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT OR REPLACE INTO model_calls
                            (key, text, finish_reason, input_tokens, output_tokens, provider, model, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, key);
                    insert.setString(2, reply.text());
                    insert.setString(3, reply.finishReason().name());
                    if (reply.usage().isPresent()) {
                        insert.setLong(4, reply.usage().get().inputTokens());
                        insert.setLong(5, reply.usage().get().outputTokens());
                    } else {
                        insert.setNull(4, Types.INTEGER);
                        insert.setNull(5, Types.INTEGER);
                    }
                    insert.setString(6, reply.provider().name());
                    insert.setString(7, reply.model());
                    insert.setString(8, now());
                    return insert.executeUpdate();
                }
            });
        }
    }
}
