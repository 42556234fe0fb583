package io.dragoman.core.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one: a temporary file beside the target, then a rename. The
 * temporary file is named {@code .<target>.<pid>.<random>.tmp}, so that the leftovers of a process that was killed
 * while writing can be told from the files of one that is still at it, and removed ({@link #removeLeftovers}).
 */
public final class AtomicFiles {
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d{1,18})\\.\\d+\\.tmp");

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code text} in UTF-8, creating parent directories as needed. An empty text writes
     * an empty file; a failure leaves the previous file, if any, untouched.
     */
    public static void write(Path target, String text) throws IOException {
        write(target, writer -> writer.write(text));
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content; the writer is buffered and closed by the caller. */
        void writeTo(Writer writer) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code content} writes, in UTF-8, streaming (for outputs too large to hold in
     * memory). A failure leaves the previous file, if any, untouched.
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = newTemporary(dir, target.getFileName().toString());
        try {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates the temporary file with the permissions the user's umask gives a new file (as the file it replaces had),
     * not the owner-only ones of {@link Files#createTempFile}: outputs are meant to be shared.
     */
    private static Path newTemporary(Path dir, String name) throws IOException {
        String prefix = "." + name + "." + ProcessHandle.current().pid() + ".";
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Removes the temporary files in {@code dir} (not below it) that a process no longer running left when it was
     * killed while writing. A missing directory has none.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path file : files) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches()
                        && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
