package io.dragoman.core.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output files against the golden ones committed under {@code src/test/resources/golden/<scenario>/}: {@code
 * articles.jsonl}, {@code failures.jsonl}, {@code report.json}, {@code report.md}, {@code requests.txt} (the requests
 * the model got) and every {@code md/<id>.md}, compared byte for byte after the normalisations of {@link #normalised}.
 * With {@code -Ddragoman.golden.update=true} the golden files are rewritten from the run instead.
 *
 * <p>Only what is not a function of the inputs and the stub replies is normalised, always: the wall-clock fields of
 * the report ({@code thisRun.seconds}, {@code thisRun.articlesPerMinute}, and the same two numbers in {@code
 * report.md}) and the stand-in's port in failure reasons ({@code http://127.0.0.1:<port>}). Prompt versions are kept:
 * {@link Normalisation#promptVersions()} hides them only when a test or {@code -Ddragoman.golden.ignorePromptVersions
 * =true} asks, for a change that legitimately moves prompt wording between files.
 */
final class GoldenFiles {

    /** The system property that rewrites the golden files instead of comparing. */
    static final String UPDATE = "dragoman.golden.update";

    /** The system property that hides prompt versions on both sides of the comparison. */
    static final String IGNORE_PROMPT_VERSIONS = "dragoman.golden.ignorePromptVersions";

    /** Where the golden files live, from the module directory (where surefire runs). */
    static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private static final List<String> FILES =
            List.of("articles.jsonl", "failures.jsonl", "report.json", "report.md", "requests.txt");

    private static final Pattern REPORT_TIMINGS =
            Pattern.compile("(?m)^(\\s*\"(?:seconds|articlesPerMinute)\" : )-?[0-9][0-9.Ee+-]*");
    private static final Pattern MARKDOWN_TIMINGS =
            Pattern.compile("\\d+(?:\\.\\d+)? s \\(\\d+(?:\\.\\d+)? articles/min\\)");
    private static final Pattern LOOPBACK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
    private static final Pattern PROMPT_VERSION = Pattern.compile("(\"promptVersion\":\")[0-9a-f]{12}(\")");
    private static final Pattern PROMPT_VERSIONS = Pattern.compile("\"promptVersions\":\\{[^{}]*}");
    private static final Pattern HEX12 = Pattern.compile("\"[0-9a-f]{12}\"");
    private static final Pattern MARKDOWN_PROMPT = Pattern.compile("(· prompt )[0-9a-f]{12}\\b");

    private GoldenFiles() {}

    /**
     * Which values the comparison hides beyond the timings and the port.
     *
     * @param promptVersions whether every 12-hex prompt version ({@code promptVersions} of a translation, {@code
     *     promptVersion} of a summary, {@code · prompt …} in a page) becomes {@code <prompt-version>}
     */
    record Normalisation(boolean promptVersions) {

        /** Prompt versions compared as they are: the default. */
        static final Normalisation STRICT = new Normalisation(false);

        /** Strict, unless {@code -Ddragoman.golden.ignorePromptVersions=true} says otherwise. */
        static Normalisation fromSystemProperties() {
            return new Normalisation(Boolean.getBoolean(IGNORE_PROMPT_VERSIONS));
        }

        /** The same with prompt versions hidden. */
        Normalisation ignoringPromptVersions() {
            return new Normalisation(true);
        }
    }

    /** True when the golden files are to be rewritten. */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /**
     * Compares the outputs in {@code actualDir} with the scenario's golden files, or rewrites those when {@link
     * #updating()}.
     *
     * @throws AssertionError naming the first file and line that differ, and every other file that does
     */
    static void verify(Path actualDir, String scenario, Normalisation normalisation) throws IOException {
        if (updating()) {
            record(actualDir, scenario);
            return;
        }
        Path goldenDir = ROOT.resolve(scenario);
        Map<String, String> actual = read(actualDir);
        Map<String, String> golden = read(goldenDir);
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(union(actual, golden))) {
            String want = golden.get(name);
            String got = actual.get(name);
            if (want == null) {
                problems.add(name + ": written by the run but not among the golden files");
            } else if (got == null) {
                problems.add(name + ": a golden file the run did not write");
            } else {
                if (normalisation.promptVersions()) {
                    want = promptVersionsHidden(want);
                    got = promptVersionsHidden(got);
                }
                if (!want.equals(got)) {
                    problems.add(name + ": " + firstDifference(want, got));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The outputs of the " + scenario + " run differ from the golden files in "
                    + goldenDir + " (" + problems.size() + (problems.size() == 1 ? " file" : " files") + "). First: "
                    + problems.get(0)
                    + (problems.size() > 1
                            ? "\nAlso: " + String.join("\n      ", problems.subList(1, problems.size()))
                            : "")
                    + "\nIf the change is intended, rewrite them with -D" + UPDATE + "=true and review the diff.");
        }
    }

    /** Writes the outputs in {@code actualDir}, normalised, as the scenario's golden files, replacing the old ones. */
    static void record(Path actualDir, String scenario) throws IOException {
        write(ROOT.resolve(scenario), read(actualDir));
    }

    /** The compared files of a directory by relative path, normalised. */
    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, normalised(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        for (Path page : pages(dir)) {
            String name = "md/" + page.getFileName();
            files.put(name, normalised(name, Files.readString(page, StandardCharsets.UTF_8)));
        }
        return files;
    }

    private static List<Path> pages(Path dir) throws IOException {
        Path md = dir.resolve("md");
        if (!Files.isDirectory(md)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(md)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }

    private static void write(Path goldenDir, Map<String, String> files) throws IOException {
        for (Path stale : pages(goldenDir)) {
            Files.delete(stale);
        }
        for (String name : FILES) {
            Files.deleteIfExists(goldenDir.resolve(name));
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = goldenDir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The text with what is not a function of the inputs and replies replaced by placeholders. */
    static String normalised(String name, String text) {
        String t = LOOPBACK.matcher(text).replaceAll("http://127.0.0.1:<port>");
        if (name.equals("report.json")) {
            t = REPORT_TIMINGS.matcher(t).replaceAll("$1\"<timing>\"");
        } else if (name.equals("report.md")) {
            t = MARKDOWN_TIMINGS.matcher(t).replaceAll("<timing> s (<timing> articles/min)");
        }
        return t;
    }

    /** The text with every prompt version replaced by {@code <prompt-version>}. */
    static String promptVersionsHidden(String text) {
        String t = PROMPT_VERSION.matcher(text).replaceAll("$1<prompt-version>$2");
        Matcher m = PROMPT_VERSIONS.matcher(t);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    b, Matcher.quoteReplacement(HEX12.matcher(m.group()).replaceAll("\"<prompt-version>\"")));
        }
        m.appendTail(b);
        return MARKDOWN_PROMPT.matcher(b).replaceAll("$1<prompt-version>");
    }

    /** Where two texts first differ: the line, the column and both lines around it. */
    static String firstDifference(String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : null;
            String y = i < b.length ? b[i] : null;
            if (x == null || y == null || !x.equals(y)) {
                if (x == null || y == null) {
                    return "line " + (i + 1)
                            + (x == null ? " is an extra line: " + excerpt(y, 0) : " is missing: " + excerpt(x, 0));
                }
                int col = 0;
                while (col < x.length() && col < y.length() && x.charAt(col) == y.charAt(col)) {
                    col++;
                }
                return "line " + (i + 1) + ", column " + (col + 1) + "\n  golden: " + excerpt(x, col) + "\n  actual: "
                        + excerpt(y, col);
            }
        }
        return "they differ in no line";
    }

    private static String excerpt(String line, int col) {
        int from = Math.max(0, col - 60);
        int to = Math.min(line.length(), col + 100);
        return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> names = new ArrayList<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
