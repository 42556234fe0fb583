package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main Java sources of the modules, read as text: each file's package and the packages it names in code (imports
 * and fully qualified names, comments and string literals left out). For tests of the package structure, which need no
 * compiled classes and no library.
 */
final class JavaSources {

    /** The main source folders, from the core module's folder, where Maven runs its tests. */
    static final List<Path> MAIN_ROOTS = List.of(
            Path.of("src", "main", "java"),
            Path.of("..", "cli", "src", "main", "java"),
            Path.of("..", "bench", "src", "main", "java"));

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    /** A qualified name: lower-case segments, then a type (or {@code *}); the package is the lower-case part. */
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b((?:[a-z_][a-z0-9_]*\\.)+[a-z_][a-z0-9_]*)\\.(?:[A-Z]|\\*)");

    /**
     * One source file.
     *
     * @param path where it is
     * @param packageName its package
     * @param uses the packages its code names, other than its own
     */
    record Source(Path path, String packageName, Set<String> uses) {

        /** True when its code names {@code prefix} or a package inside it. */
        boolean uses(String prefix) {
            return uses.stream().anyMatch(p -> within(p, prefix));
        }
    }

    private JavaSources() {}

    /** Every {@code .java} file under the main source folders; fails when one of the folders is missing. */
    static List<Source> main() {
        List<Source> sources = new ArrayList<>();
        for (Path root : MAIN_ROOTS) {
            assertThat(root)
                    .as("source folder %s", root.toAbsolutePath().normalize())
                    .isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.add(read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** True when {@code packageName} is {@code prefix} or inside it. */
    static boolean within(String packageName, String prefix) {
        return packageName.equals(prefix) || packageName.startsWith(prefix + ".");
    }

    static Source read(Path file) {
        String code;
        try {
            code = codeOnly(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher p = PACKAGE.matcher(code);
        String packageName = p.find() ? p.group(1) : "";
        Set<String> uses = new TreeSet<>();
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            if (!q.group(1).equals(packageName)) {
                uses.add(q.group(1));
            }
        }
        return new Source(file, packageName, uses);
    }

    /** The text without comments, string and character literals and text blocks. */
    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                char quote = text.charAt(i);
                int j = i + 1;
                while (j < n && text.charAt(j) != quote && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(quote).append(quote);
            } else {
                code.append(text.charAt(i));
                i++;
            }
        }
        return code.toString();
    }
}
