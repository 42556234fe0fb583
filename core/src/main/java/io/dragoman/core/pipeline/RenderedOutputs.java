package io.dragoman.core.pipeline;

import io.dragoman.core.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Remembers what the output files of a directory were rendered from: the store's change count and the code that
 * rendered them (its jar or class folder, by path, size and time). A run that changed no article, on the same code,
 * then rewrites only the report instead of every record, page and table; a changed article, a new build, or an
 * output file missing or not as it was written (by size and time) renders everything again. The mark is removed before a full render starts and written after it ends,
 * so a render cut short is never taken for a whole one.
 */
public final class RenderedOutputs {

    /** The mark's file name in the output directory. */
    static final String MARK = ".dragoman-rendered";

    /** The files a full render leaves; when one is missing, the outputs are rendered again. */
    private static final List<String> FILES =
            List.of("articles.jsonl", "failures.jsonl", "articles.csv", "site/index.html");

    private final Path dir;

    /** @param dir the output directory */
    public RenderedOutputs(Path dir) {
        this.dir = dir;
    }

    /** What outputs rendered now from {@code store} would be rendered from. */
    public static String of(RunStore store) {
        return store.file() + "\n" + store.generation() + "\n" + code();
    }

    /**
     * True when the outputs there were rendered from {@code source} and are still as they were written: every one of
     * them there, with the size and time it had (a file edited or replaced since is rendered again).
     */
    public boolean upToDate(String source) {
        Path mark = dir.resolve(MARK);
        try {
            return Files.isRegularFile(mark)
                    && Files.readString(mark, StandardCharsets.UTF_8).equals(source + "\n" + files());
        } catch (IOException e) {
            return false;
        }
    }

    /** Each output file with its size and time, one a line. */
    private String files() throws IOException {
        StringBuilder files = new StringBuilder();
        for (String f : FILES) {
            Path file = dir.resolve(f);
            files.append(f)
                    .append(' ')
                    .append(Files.size(file))
                    .append(' ')
                    .append(Files.getLastModifiedTime(file).toMillis())
                    .append('\n');
        }
        return files.toString();
    }

    /** Forgets what the outputs were rendered from, before they are rendered again. */
    public void clear() {
        try {
            Files.deleteIfExists(dir.resolve(MARK));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir.resolve(MARK) + ": " + e.getMessage(), e);
        }
    }

    /** Remembers that the outputs were rendered from {@code source}. */
    public void rendered(String source) {
        try {
            AtomicFiles.write(dir.resolve(MARK), source + "\n" + files());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(MARK) + ": " + e.getMessage(), e);
        }
    }

    /** The rendering code: the jar or class folder this class came from, with its size and time. */
    private static String code() {
        try {
            Path p = Path.of(RenderedOutputs.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // unknown code (no code source, not a file): never taken as the same
            return "unknown code " + System.nanoTime();
        }
    }
}
