package io.dragoman.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The source of truth of a batch run: one SQLite file (the CLI uses {@code <out>/dragoman.db}) holding each article's
 * committed stage results ({@link #articles()}) and the cache of model calls ({@link #callCache()}), so that a run
 * killed at any moment loses at most the calls in flight and a rerun skips what is done and pays for no call twice.
 *
 * <h2>Durability</h2>
 *
 * Every write method of the tables is one transaction, committed before it returns. The file is in WAL mode with
 * {@code synchronous=NORMAL}: a commit is in the operating system's hands when the method returns, so killing the
 * process (Ctrl-C, {@code kill -9}, an out-of-memory crash) loses nothing committed, and the file is never left
 * half-written. Only a power cut or an operating-system crash can lose the last commits (never corrupt the file); that
 * costs at most a few articles redone and, because the call cache sits in the same file, the calls behind them paid
 * again. {@code synchronous=FULL} would close that gap with an fsync per commit, which on an ordinary disk caps a run
 * at some tens of commits a second across all workers; NORMAL is the trade SQLite itself recommends for WAL. If the
 * file system cannot do WAL (some network file systems), SQLite keeps its rollback journal, which is just as atomic,
 * only slower.
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
 * transaction.
 */
public final class RunStore implements AutoCloseable {

    /** The schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 5;

    /** The SQLite application id that marks a Dragoman run store: "DRGM" in ASCII. */
    public static final int APPLICATION_ID = 0x4452474D;

    /** How long a write waits for another process's lock before failing, in milliseconds. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Clock clock;
    private final Connection connection;
    private final SqliteErrors errors;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArticleTable articles;
    private final StoredCallCache callCache;
    private final BatchJobTable batchJobs;
    private boolean closed; // guarded by lock
    private boolean changedHere; // guarded by lock: changed since opened or since the count was last read

    private RunStore(Path file, Clock clock, Connection connection, SqliteErrors errors) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
        this.errors = errors;
        this.articles = new ArticleTable(this, new StoredJson());
        this.callCache = new StoredCallCache(this);
        this.batchJobs = new BatchJobTable(this);
    }

    /**
     * Opens the run store at {@code file}, creating the file and its directory when missing, with the system clock for
     * the rows' times.
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
     * Opens the run store at {@code file} as {@link #open(Path, Clock)} does, with extra SQLite connection settings as
     * sqlite-jdbc names them, such as a {@code max_page_count} that makes a small file behave as a full disk.
     */
    public static RunStore open(Path file, Clock clock, Properties settings) {
        return open(file, clock, settings, Schema.CURRENT);
    }

    /** Opens the run store at {@code file} with {@code schema}: the current one, or a test's. */
    static RunStore open(Path file, Clock clock, Properties settings, Schema schema) {
        Objects.requireNonNull(clock, "clock");
        Path absolute = file.toAbsolutePath().normalize();
        SqliteErrors errors = new SqliteErrors(absolute);
        if (Files.isDirectory(absolute)) {
            throw errors.isADirectory();
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw errors.cannotCreateDirectory(e);
        }
        Connection connection;
        try {
            connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + absolute, settings);
        } catch (SQLException e) {
            throw errors.failure("open it", e);
        }
        try {
            schema.prepare(connection, errors);
            return new RunStore(absolute, clock, connection, errors);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The store's file, absolute. */
    public Path file() {
        return file;
    }

    /** The articles and their stage results; valid until the store is closed. */
    public ArticleTable articles() {
        return articles;
    }

    /** The model-call cache kept in this store's file; valid until the store is closed. */
    public StoredCallCache callCache() {
        return callCache;
    }

    /** The provider batch jobs of this store's runs and the replies they brought back; valid until closed. */
    public BatchJobTable batchJobs() {
        return batchJobs;
    }

    /**
     * A count that moves whenever the store changed since it was last read: the first write that inserts, updates or
     * deletes a row after a reading (or after opening) adds one, in the same transaction. Equal numbers at the end of
     * two runs mean the second changed nothing; a run that died after changing the store has moved the count too.
     */
    public long generation() {
        return read("read its change count", c -> {
            changedHere = false; // a change after this reading moves the count again
            try (Statement select = c.createStatement();
                    ResultSet row = select.executeQuery("SELECT generation FROM store_changes WHERE id = 1")) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    /**
     * Runs SQLite's full consistency check ({@code PRAGMA integrity_check}), which reads the whole file.
     *
     * @return true when SQLite answers {@code ok}
     */
    public boolean integrityCheck() {
        return read("check its integrity", c -> {
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
            throw errors.failure("close it", e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- for the tables

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The messages of this store's failures. */
    SqliteErrors errors() {
        return errors;
    }

    /** The time to stamp a row with, as the tables keep it. */
    String now() {
        return clock.instant().toString();
    }

    /**
     * Runs {@code work} holding the lock, turning SQL errors into {@link RunStoreException}s.
     *
     * @param doing what the work does, for messages: "read article a1"
     * @throws IllegalStateException when the store is closed
     */
    <T> T read(String doing, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw errors.closed(doing);
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw errors.failure(doing, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} as one write transaction, committed before this returns and rolled back if it throws. */
    <T> T write(String doing, Work<T> work) {
        return read(doing, c -> {
            try (Statement control = c.createStatement()) {
                control.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    long before = changedHere ? 0 : totalChanges(control);
                    T result = work.run(c);
                    boolean first = !changedHere && totalChanges(control) != before;
                    if (first) {
                        // once after each reading: one page more in the log, not one per commit
                        control.executeUpdate("UPDATE store_changes SET generation = generation + 1 WHERE id = 1");
                    }
                    control.execute("COMMIT");
                    committed = true;
                    changedHere |= first;
                    return result;
                } finally {
                    if (!committed) {
                        rollbackQuietly(control);
                    }
                }
            }
        });
    }

    /** The rows this connection has inserted, updated or deleted since it opened. */
    private static long totalChanges(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT total_changes()")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back (it does on some errors); nothing is left to undo
        }
    }
}
