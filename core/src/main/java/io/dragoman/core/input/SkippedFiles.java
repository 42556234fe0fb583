package io.dragoman.core.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files directory listings skipped because their names say they are not articles: hidden files, and, unless
 * {@code --glob} selects the files, the extensions in {@link #NOT_ARTICLES}. Files named explicitly are never skipped.
 *
 * <p>A batch reads its inputs twice (once to learn the page chrome, once to clean), so each {@link InputReader#read}
 * counts on its own and {@link #count()} is the largest count of one read: a file is counted once, and nothing but the
 * counts is kept. Thread-safe.
 */
public final class SkippedFiles {

    /**
     * Extensions (lower case, no dot) of files that are not articles, in the order the skipped line names them:
     * scripts, styles, images, archives (a {@code .gz} only when it is not {@code .jsonl.gz} or {@code .warc.gz}),
     * office documents, binaries.
     */
    public static final List<String> NOT_ARTICLES = List.of(
            "sh", "bat", "ps1", "py", "js", // scripts
            "css", // styles
            "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", // images
            "zip", "tar", "tgz", "gz", "7z", "rar", // archives
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", // office documents
            "exe", "dll", "so", "class", "jar"); // binaries

    /** The pattern that names hidden files in the skipped line; it comes after every extension. */
    public static final String HIDDEN = ".*";

    private static final List<String> ARTICLE_ARCHIVES = List.of(".jsonl.gz", ".warc.gz");

    private final Set<String> patterns = new HashSet<>();
    private int most;

    /** How many files one read skipped, at most. */
    public synchronized int count() {
        return most;
    }

    /**
     * What the skipped files were, each once, as patterns ({@code *.sh}, {@code *.png}, {@value #HIDDEN} for hidden
     * files) in the order of {@link #NOT_ARTICLES}, hidden files last.
     */
    public synchronized List<String> patterns() {
        List<String> sorted = new ArrayList<>(patterns);
        sorted.sort(Comparator.comparingInt(SkippedFiles::rank));
        return List.copyOf(sorted);
    }

    /** A new count, for one read. */
    Pass pass() {
        return new Pass();
    }

    /**
     * The pattern in {@link #NOT_ARTICLES} that a file name ends with (as {@code *.png}), or empty when the name may
     * be an article's. Case does not matter.
     */
    static Optional<String> notArticle(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (ARTICLE_ARCHIVES.stream().anyMatch(name::endsWith)) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !NOT_ARTICLES.contains(name.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of("*" + name.substring(dot));
    }

    private static int rank(String pattern) {
        int index = NOT_ARTICLES.indexOf(pattern.substring(pattern.indexOf('.') + 1));
        return pattern.equals(HIDDEN) || index < 0 ? NOT_ARTICLES.size() : index;
    }

    /** The files one read skipped. */
    final class Pass {
        private int count;

        /** Counts one skipped file, named by its pattern. */
        void skipped(String pattern) {
            synchronized (SkippedFiles.this) {
                count++;
                patterns.add(pattern);
                most = Math.max(most, count);
            }
        }
    }
}
