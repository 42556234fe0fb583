package io.dragoman.core.input;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Expands command-line style inputs into raw articles: files, directories (recursively, in name order, symbolic-link
 * loops and broken links reported, optionally only the files a glob selects), JSONL files ({@code .jsonl} or {@code
 * .jsonl.gz}: one article per line, see below), web archives ({@code .warc} or {@code .warc.gz}: one article per HTML
 * or text capture, see {@link WarcArticles}) and {@code -} for standard input.
 *
 * <p>A directory listing skips hidden files and directories, and, without a glob, the files whose names say they are
 * not articles (scripts, images, archives, office documents, binaries: {@link SkippedFiles#NOT_ARTICLES}); the files
 * it skips are counted in {@link #skipped()}, hidden directories are not entered. A file named explicitly is always
 * read.
 *
 * <p>Inputs are read one at a time as the stream is consumed, so a batch never holds more than one input in memory:
 * a directory is listed (its paths, not their contents) when the stream reaches it, and a JSONL file is read line by
 * line and a web archive record by record. Close the stream to release a file it has open.
 *
 * <p>Ids come from file names without their extension and are made unique within one call ({@code news}, {@code
 * news-2}). A JSONL line is a JSON object {@code {"id": "...", "url": "...", "text": "..."}}, or with {@code html}
 * instead of {@code text}: its location is {@code <file>:<line>}; its id is its {@code id} made safe (see {@link
 * ArticleId#derive}), or without one {@code <file name>-<line>}; {@code html} marks the content as HTML; {@code url}
 * becomes the article's URL; all other fields are carried through as the article's {@link RawArticle#extra() extra}
 * fields. Blank lines are skipped. A line that cannot be read is reported at {@code <file>:<line>} with a one-line
 * reason, and reading goes on with the next line.
 */
public final class InputReader {
    private final long maxBytes;
    private final Supplier<InputStream> stdin;
    private final Optional<PathMatcher> glob;
    private final ObjectMapper json;
    private final SkippedFiles skipped = new SkippedFiles();
    private final SkippedRecords skippedRecords = new SkippedRecords();

    /**
     * A reader that reads every file in a directory.
     *
     * @param maxBytes files (and JSONL lines) larger than this are reported as too large without being read
     * @param stdin where {@code -} reads from
     */
    public InputReader(long maxBytes, Supplier<InputStream> stdin) {
        this(maxBytes, stdin, Optional.empty());
    }

    /**
     * A reader that, when it expands a directory, reads only the files whose path relative to that directory matches
     * {@code glob} ({@link java.nio.file.FileSystem#getPathMatcher} syntax without the {@code glob:} prefix, e.g.
     * {@code **}{@code /*.txt}; a leading {@code **}{@code /} also matches files directly in the directory, as in most
     * shells). The glob selects explicitly: a file it matches is read even when its name says it is not an article
     * (hidden files stay skipped). Files named explicitly are always read.
     *
     * @param maxBytes files (and JSONL lines) larger than this are reported as too large without being read
     * @param stdin where {@code -} reads from
     * @param glob the pattern, or empty to read every file
     * @throws IllegalArgumentException when the pattern is not a valid glob
     */
    public InputReader(long maxBytes, Supplier<InputStream> stdin, Optional<String> glob) {
        this.maxBytes = maxBytes;
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.glob = Objects.requireNonNull(glob, "glob").map(InputReader::globMatcher);
        this.json = mapper();
    }

    /** The mapper JSONL lines are parsed with: strict about duplicate keys and trailing values, exact decimals. */
    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * A matcher for a glob over paths relative to a directory; a leading {@code **}{@code /} also matches no
     * directory at all.
     *
     * @throws IllegalArgumentException when the pattern is not a valid glob, naming it
     */
    static PathMatcher globMatcher(String pattern) {
        try {
            PathMatcher whole = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (!pattern.startsWith("**/")) {
                return whole;
            }
            PathMatcher top = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3));
            return p -> whole.matches(p) || top.matches(p);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid glob '" + pattern + "': " + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    /** The files directory listings skipped as not articles, counted as the streams of {@link #read} list them. */
    public SkippedFiles skipped() {
        return skipped;
    }

    /**
     * The records of web archives that held no article (requests, revisits, metadata, other statuses than 200, payloads
     * neither HTML nor text), counted by kind as the streams of {@link #read} read them.
     */
    public SkippedRecords skippedRecords() {
        return skippedRecords;
    }

    /**
     * The inputs named by {@code args}, in order: one {@link Input} per file found (one per line for a JSONL file, one
     * per article or broken record for a web archive), or
     * one {@link Input.Unreadable} for an argument that names nothing readable. Nothing is read until the stream is
     * consumed. An empty list gives an empty stream; null is not allowed.
     */
    public Stream<Input> read(List<String> args) {
        UniqueIds ids = new UniqueIds();
        Pass pass = new Pass(ids, skipped.pass(), skippedRecords.pass());
        Iterator<String> names = List.copyOf(args).iterator();
        Cursor inputs = Cursor.chain(() -> names.hasNext() ? expand(names.next(), pass) : null);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(inputs, Spliterator.ORDERED), false)
                .onClose(inputs::close);
    }

    /** Opens the bytes of a file on any file system, as they are stored. */
    @FunctionalInterface
    public interface Opener {
        /** A new stream over the file, from its start. */
        InputStream open() throws IOException;
    }

    /**
     * The articles of one JSONL file on any file system (a bucket, HDFS), read line by line as {@link #read} reads a
     * local one: {@code name} is its path or URI (locations are {@code <name>:<line>}; a name ending in {@code .gz}
     * is gunzipped), ids are unique within the file. Close the stream to release the file.
     */
    public static Stream<Input> jsonl(String name, Opener opener, long maxBytes) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        JsonlFile file = new JsonlFile(
                name,
                name.substring(slash + 1),
                opener::open,
                maxBytes,
                mapper(),
                new UniqueIds(),
                InputReader::describe);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(file, Spliterator.ORDERED), false)
                .onClose(file::close);
    }

    /** What one read keeps as it goes: the ids it gave and what it skipped. */
    private record Pass(UniqueIds ids, SkippedFiles.Pass files, SkippedRecords.Pass records) {}

    /** The inputs of one argument; a directory is listed now, files are read as the cursor is advanced. */
    private Cursor expand(String arg, Pass pass) {
        if (arg.equals("-")) {
            return Cursor.of(() -> readStdin(pass.ids()));
        }
        Path path = Path.of(arg);
        if (!Files.exists(path)) {
            Input missing = new Input.Unreadable(
                    arg, Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file or directory");
            return Cursor.of(() -> missing);
        }
        if (Files.isDirectory(path)) {
            Iterator<Object> found = listDirectory(path, pass.files()).iterator();
            return Cursor.chain(() -> {
                if (!found.hasNext()) {
                    return null;
                }
                Object next = found.next();
                return next instanceof Path p ? file(p, pass) : Cursor.of(() -> (Input) next);
            });
        }
        return file(path, pass);
    }

    private Cursor file(Path file, Pass pass) {
        if (Files.isDirectory(file)) {
            return Cursor.of(() -> readFile(file, pass.ids()));
        }
        if (JsonlFile.isJsonl(file)) {
            return new JsonlFile(file, maxBytes, json, pass.ids(), InputReader::describe);
        }
        if (WarcFile.isWarc(file)) {
            return new WarcFile(file, maxBytes, pass.ids(), pass.records());
        }
        return Cursor.of(() -> readFile(file, pass.ids()));
    }

    /**
     * The paths of the files under {@code dir} that the glob selects and that may be articles, and what could not be
     * visited, in name order; the others are counted in {@code pass}.
     */
    private List<Object> listDirectory(Path dir, SkippedFiles.Pass pass) {
        List<Object> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(dir) && isHidden(d)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!selected(dir, file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            Optional<String> notArticle = isHidden(file)
                                    ? Optional.of(SkippedFiles.HIDDEN)
                                    : glob.isEmpty() ? SkippedFiles.notArticle(name(file)) : Optional.empty();
                            if (notArticle.isPresent()) {
                                pass.skipped(notArticle.get());
                            } else if (attrs.isRegularFile()) {
                                found.add(file);
                            } else if (attrs.isSymbolicLink()) {
                                // links are followed: a link seen as a link points nowhere readable
                                found.add(new Input.Unreadable(file.toString(), "broken symbolic link"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // a directory that cannot be entered may hold selected files: always say so
                            if (Files.isDirectory(file) || selected(dir, file)) {
                                found.add(new Input.Unreadable(file.toString(), describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            found.add(new Input.Unreadable(dir.toString(), describe(e)));
        }
        found.sort((a, b) -> location(a).compareTo(location(b)));
        return found;
    }

    private boolean selected(Path dir, Path file) {
        return glob.isEmpty() || glob.get().matches(dir.relativize(file));
    }

    private static String location(Object o) {
        return o instanceof Path p ? p.toString() : ((Input) o).location();
    }

    private static boolean isHidden(Path p) {
        return name(p).startsWith(".");
    }

    private static String name(Path p) {
        Path name = p.getFileName();
        return name == null ? "" : name.toString();
    }

    private Input readFile(Path file, UniqueIds ids) {
        String location = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return new Input.Unreadable(location, "is a directory");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return new Input.Unreadable(location, tooLarge(size));
            }
            byte[] bytes = readAtMost(Files.newInputStream(file), maxBytes);
            if (bytes == null) {
                return new Input.Unreadable(location, tooLarge(maxBytes + 1));
            }
            return new Input.Read(RawArticle.of(ids.claim(ArticleId.derive(idFor(file))), location, bytes));
        } catch (IOException e) {
            return new Input.Unreadable(location, describe(e));
        } catch (UncheckedIOException e) {
            return new Input.Unreadable(location, describe(e.getCause()));
        }
    }

    private Input readStdin(UniqueIds ids) {
        try {
            byte[] bytes = readAtMost(stdin.get(), maxBytes);
            if (bytes == null) {
                return new Input.Unreadable("-", tooLarge(maxBytes + 1));
            }
            return new Input.Read(RawArticle.of(ids.claim(new ArticleId("stdin")), "-", bytes));
        } catch (IOException e) {
            return new Input.Unreadable("-", describe(e));
        }
    }

    /** Reads the stream to its end, or returns null as soon as it has more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream stream, long limit) throws IOException {
        try (InputStream in = stream) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        }
    }

    private static String idFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private String tooLarge(long size) {
        return size > maxBytes + 1
                ? String.format(Locale.ROOT, "too large: %,d bytes, over the limit of %,d bytes", size, maxBytes)
                : String.format(Locale.ROOT, "too large: more than the limit of %,d bytes", maxBytes);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
