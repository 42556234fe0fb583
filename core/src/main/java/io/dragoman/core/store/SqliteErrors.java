package io.dragoman.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The messages of a run store's failures, for one store file: each names the file, says what went wrong in words (a
 * full disk, a read-only directory, another process holding the lock, a file that is not a store) and what to do. Kept
 * apart from the store so that the SQL code reads as SQL and every text a user may see is in one place.
 */
final class SqliteErrors {

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

    /** Messages about the store at {@code file}, absolute. */
    SqliteErrors(Path file) {
        this.file = file;
    }

    /** The store's file is a directory. */
    RunStoreException isADirectory() {
        return new RunStoreException(
                "The run store " + file + " is a directory; give a file, such as " + file.resolve("dragoman.db") + ".");
    }

    /** The directory of the store's file cannot be created. */
    RunStoreException cannotCreateDirectory(IOException e) {
        return new RunStoreException(
                "Cannot create the directory of the run store " + file + " (" + e
                        + "); check that the output directory can be written.",
                e);
    }

    /** The file's schema version is newer than the one this code reads. */
    RunStoreException newer(int version, int newestKnown) {
        return new RunStoreException("The run store " + file + " was written by a newer Dragoman (store version "
                + version + ", this one reads up to " + newestKnown
                + "); upgrade Dragoman, or choose another output directory.");
    }

    /** The file is not a Dragoman run store, for the reason {@code what}. */
    RunStoreException notAStore(String what, Throwable cause) {
        return new RunStoreException(
                file + " is not a Dragoman run store (" + what + "); move it away, or choose another output directory.",
                cause);
    }

    /** A row holds a value no Dragoman writes: the file was changed by something else. */
    RunStoreException damaged(String what) {
        return notAStore("damaged: " + what, null);
    }

    /** The store was used after it was closed. */
    IllegalStateException closed(String doing) {
        return new IllegalStateException("The run store " + file + " is closed; open it again to " + doing + ".");
    }

    /** A failed statement as an exception that names the file, what was being done, and what to do. */
    RunStoreException failure(String doing, SQLException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String what = "Run store " + file + ": could not " + doing + " (" + detail + ")";
        return switch (e.getErrorCode() & 0xFF) {
            case SQLITE_NOTADB, SQLITE_CORRUPT -> notAStore("damaged, or not an SQLite database: " + detail, e);
            case SQLITE_BUSY, SQLITE_LOCKED ->
                new RunStoreException(
                        what + "; another process held it for more than " + RunStore.BUSY_TIMEOUT_MS / 1000
                                + " s. Wait for the other Dragoman run to finish, or choose another output directory.",
                        e);
            case SQLITE_FULL ->
                new RunStoreException(
                        what + "; the disk is full. Free some space and run again: finished work is kept.", e);
            case SQLITE_IOERR -> new RunStoreException(what + "; " + ioError(e), e);
            case SQLITE_READONLY, SQLITE_CANTOPEN -> new RunStoreException(what + "; " + cannotWrite(), e);
            default ->
                new RunStoreException(what + "; check the file and the disk, and run again: finished work is kept.", e);
        };
    }

    /**
     * What an I/O error most likely means. SQLite reports a full disk as {@code SQLITE_FULL}, but a write refused for
     * any other reason, such as a file size limit ({@code ulimit -f}, where the system says "file too large") or a
     * quota, only as a failed write; the free space of the file system tells the two apart.
     */
    private String ioError(SQLException e) {
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
    private String cannotWrite() {
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
}
