package io.dragoman.core.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader never sees half of one: a temporary file beside the target, then a rename. */
public final class AtomicFiles {
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
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
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
}
