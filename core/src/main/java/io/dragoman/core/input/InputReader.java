package io.dragoman.core.input;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Expands command-line style inputs into raw articles: files, directories (recursively, in name order, hidden files
 * skipped, symbolic-link loops reported) and {@code -} for standard input. Files are read one at a time as the
 * stream is consumed, so a batch never holds more than one input in memory. Ids come from file names without
 * their extension and are made unique within one call.
 */
public final class InputReader {
    private final long maxBytes;
    private final Supplier<InputStream> stdin;

    /**
     * @param maxBytes files larger than this are reported as too large without being read
     * @param stdin where {@code -} reads from
     */
    public InputReader(long maxBytes, Supplier<InputStream> stdin) {
        this.maxBytes = maxBytes;
        this.stdin = stdin;
    }

    /**
     * The inputs named by {@code args}, in order: one {@link Input} per file found, or one {@link Input.Unreadable} for
     * an argument that names nothing readable. An empty list gives an empty stream; null is not allowed.
     */
    public Stream<Input> read(List<String> args) {
        Set<String> ids = new HashSet<>();
        Iterator<Input> it = new Iterator<>() {
            private final Iterator<String> names = args.iterator();
            private Iterator<Input> current = List.<Input>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && names.hasNext()) {
                    current = expand(names.next(), ids).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Input next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    /** Lists the inputs for one argument; files are read lazily when the returned stream is consumed. */
    private Stream<Input> expand(String arg, Set<String> ids) {
        if (arg.equals("-")) {
            return Stream.of(readStdin(ids));
        }
        Path path = Path.of(arg);
        if (!Files.exists(path)) {
            return Stream.of(new Input.Unreadable(
                    arg, Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file or directory"));
        }
        if (Files.isDirectory(path)) {
            List<Object> found = listDirectory(path);
            return found.stream().map(o -> o instanceof Path p ? readFile(p, ids) : (Input) o);
        }
        return Stream.of(path).map(p -> readFile(p, ids));
    }

    private List<Object> listDirectory(Path dir) {
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
                            if (!isHidden(file) && attrs.isRegularFile()) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            found.add(new Input.Unreadable(file.toString(), describe(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            found.add(new Input.Unreadable(dir.toString(), describe(e)));
        }
        found.sort((a, b) -> location(a).compareTo(location(b)));
        return found;
    }

    private static String location(Object o) {
        return o instanceof Path p ? p.toString() : ((Input) o).location();
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private Input readFile(Path file, Set<String> ids) {
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
            return new Input.Read(RawArticle.of(uniqueId(idFor(file), ids), location, bytes));
        } catch (IOException e) {
            return new Input.Unreadable(location, describe(e));
        } catch (UncheckedIOException e) {
            return new Input.Unreadable(location, describe(e.getCause()));
        }
    }

    private Input readStdin(Set<String> ids) {
        try {
            byte[] bytes = readAtMost(stdin.get(), maxBytes);
            if (bytes == null) {
                return new Input.Unreadable("-", tooLarge(maxBytes + 1));
            }
            return new Input.Read(RawArticle.of(uniqueId("stdin", ids), "-", bytes));
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

    private static ArticleId uniqueId(String base, Set<String> ids) {
        String id = ArticleId.derive(base).value();
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return new ArticleId(candidate);
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
