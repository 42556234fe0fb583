package io.dragoman.cli;

import io.dragoman.core.pipeline.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Creates output directories and writes output files, with errors that name the path and what is wrong. */
final class OutputFiles {
    private OutputFiles() {}

    /** Creates {@code dir} and its parents if missing. */
    static void directory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(
                    "cannot write into " + e.getFile() + ": it exists and is not a directory; choose another --out", e);
        } catch (NoSuchFileException e) {
            // the missing parents were made: the file system itself refuses the name (/proc, /sys)
            throw new UncheckedIOException(
                    "cannot create output directory " + dir + ": the file system there does not allow it (no such"
                            + " file or directory); choose another --out",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir + ": " + describe(e), e);
        }
    }

    /**
     * Says in one line what could not be written and why ({@code e}'s message names the file), with the stack trace
     * when {@code verbose}, and gives the exit code for it.
     */
    static int cannotWrite(RuntimeException e, PrintWriter stderr, boolean verbose) {
        stderr.println("dragoman: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(stderr);
        }
        stderr.flush();
        return ExitCodes.CANNOT_WRITE;
    }

    /** Writes {@code text} to {@code file} atomically. */
    static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
