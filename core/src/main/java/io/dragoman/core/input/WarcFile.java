package io.dragoman.core.input;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The articles of one web archive on the local file system, as a {@link Cursor} of the {@link InputReader}: ids unique
 * across the whole read, skipped records counted in the read's {@link SkippedRecords}.
 */
final class WarcFile implements Cursor {
    private final WarcArticles articles;

    WarcFile(Path file, long maxBytes, UniqueIds ids, SkippedRecords.Pass skipped) {
        this.articles =
                new WarcArticles(file.toString(), () -> FileChannel.open(file), maxBytes, ids, skipped::skipped);
    }

    /** True for the file names read as web archives: ending in {@code .warc} or {@code .warc.gz}, in any case. */
    static boolean isWarc(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    @Override
    public boolean hasNext() {
        return articles.hasNext();
    }

    @Override
    public Input next() {
        return articles.next();
    }

    @Override
    public void close() {
        articles.close();
    }
}
