package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/cases.tsv}) through the command line: every case alone
 * next to a good article, through {@code dragoman clean} and through the batch path {@code dragoman run --only
 * clean}, and all cases together in one batch. A bad input must give its one-line error on standard error (no stack
 * trace), a record in {@code failures.jsonl} with its reason, the exit code 1, and must not stop the good article.
 * Inputs too big or too odd for git (50 MB, links, permissions, control characters in file names, a file deleted
 * after the listing) are made at run time.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "badinput");
    private static final boolean SOAK = Boolean.getBoolean("dragoman.soak");
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** One line of the manifest. */
    record Case(String name, String input, String what, int cleaned, int failed, List<String> checks) {
        @Override
        public String toString() {
            return name + " (" + what + ")";
        }

        List<String> values(String key) {
            return checks.stream()
                    .filter(c -> c.startsWith(key + "="))
                    .map(c -> c.substring(key.length() + 1))
                    .toList();
        }

        /** The expected errors: [line or null, fragment]. */
        List<String[]> errors() {
            List<String[]> errors = new ArrayList<>();
            for (String c : checks) {
                if (c.startsWith("error=")) {
                    errors.add(new String[] {null, c.substring(6)});
                } else if (c.startsWith("error@")) {
                    int eq = c.indexOf('=');
                    errors.add(new String[] {c.substring(6, eq), c.substring(eq + 1)});
                }
            }
            return errors;
        }
    }

    static List<Case> cases() {
        try {
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.startsWith("case\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertThat(f).as(line).hasSize(6);
                List<String> checks = f[5].isBlank() ? List.of() : Arrays.asList(f[5].split(";(?=[a-z@]+[0-9]*=)"));
                cases.add(new Case(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), checks));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theManifestHasAtLeastFortyCasesWithUniqueNamesAndEveryCommittedInputExists() throws IOException {
        List<Case> cases = cases();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(Case::name).distinct().count()).isEqualTo(cases.size());
        for (Case c : cases) {
            if (!c.input().startsWith("@")) {
                assertThat(CORPUS.resolve(c.input())).as(c.name()).isRegularFile();
            }
            assertThat(c.failed() == 0 || !c.errors().isEmpty()).as(c.name()).isTrue();
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> listed = cases.stream().map(Case::input).toList();
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals("cases.tsv") && !n.startsWith(".")))
                    .as("every corpus file is a case")
                    .allMatch(listed::contains);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGivesWhatTheManifestSaysThroughCleanAndThroughTheBatchPath(Case c) throws IOException {
        Path firstInput = materialize(c, Files.createDirectories(tmp.resolve("in")));
        Path good = good(tmp);

        Cli.Result clean = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> Cli.run(
                        new byte[0],
                        cleaners(),
                        "clean",
                        firstInput.toString(),
                        good.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        tmp.resolve("clean").toString()));

        assertExitAndErrors(c, firstInput, clean);
        assertThat(clean.errLines()).hasSize(c.failed() == 0 ? 0 : c.failed() + 1);
        if (c.failed() > 0) {
            assertThat(clean.errLines().get(c.failed()))
                    .isEqualTo("dragoman: " + c.failed() + " of " + (c.cleaned() + c.failed() + 1) + " inputs failed");
        }
        assertCleaned(c, records(tmp.resolve("clean/articles.jsonl")));

        // the vanishing file is gone: make the directory again for the second command
        Path input = c.input().equals("@vanishes")
                ? materialize(c, Files.createDirectories(tmp.resolve("again")))
                : firstInput;
        Path out = tmp.resolve("run");
        String[] args = {"run", "--only", "clean", input.toString(), good.toString(), "--out", out.toString()};
        Cli.Result run =
                assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run(new byte[0], cleaners(), withConcurrencyOne(args)));

        assertExitAndErrors(c, input, run);
        assertThat(run.out())
                .contains("Cleaned " + (c.cleaned() + 1) + " of " + (c.cleaned() + c.failed() + 1) + " articles");
        List<JsonNode> failures = records(out.resolve("failures.jsonl"));
        assertThat(failures).as("failures.jsonl").hasSize(c.failed());
        for (String[] error : c.errors()) {
            String location = error[0] == null ? input.toString() : input + ":" + error[0];
            assertThat(failures)
                    .as("failures.jsonl holds %s: %s", location, error[1])
                    .anySatisfy(f -> {
                        assertThat(f.path("location").asText()).startsWith(location);
                        assertThat(f.path("stage").asText()).isEqualTo("clean");
                        assertThat(f.path("reason").asText()).contains(error[1]);
                    });
        }
        List<JsonNode> articles = records(out.resolve("articles.jsonl"));
        assertThat(articles).hasSize(c.cleaned() + c.failed() + 1);
        assertThat(articles.stream().filter(a -> a.path("status").asText().equals("cleaned")))
                .hasSize(c.cleaned() + 1);
        assertCleaned(
                c,
                articles.stream()
                        .filter(a -> a.path("status").asText().equals("cleaned"))
                        .toList());
    }

    @Test
    void allCasesInOneBatchCountEveryFailureAndCleanEveryArticle() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<String> inputs = new ArrayList<>();
        int failed = 0;
        int cleaned = 1;
        List<String> fragments = new ArrayList<>();
        for (Case c : cases()) {
            Path dir = Files.createDirectories(in.resolve(c.name()));
            Path input;
            try {
                input = materialize(c, dir);
            } catch (org.opentest4j.TestAbortedException e) {
                continue; // e.g. permissions not enforced for root
            }
            inputs.add(input.toString());
            failed += c.failed();
            cleaned += c.cleaned();
            c.errors().forEach(e -> fragments.add(e[1]));
        }
        inputs.add(good(tmp).toString());
        int total = cleaned + failed;

        Cli.Result clean = assertTimeoutPreemptively(
                HANG_GUARD, () -> Cli.run(new byte[0], cleaners(), concat("clean", inputs, "--format", "jsonl")));
        assertThat(clean.exitCode()).isEqualTo(1);
        assertThat(clean.errLines()).hasSize(failed + 1);
        assertThat(clean.errLines().get(failed)).isEqualTo("dragoman: " + failed + " of " + total + " inputs failed");
        assertThat(clean.out().lines()).hasSize(cleaned);
        assertNoStackTrace(clean);

        // clean deleted the vanishing file: put it back for the second command
        Path vanishes = in.resolve("vanishes").resolve("vanishes");
        if (Files.isDirectory(vanishes)) {
            article(vanishes, "e-victim.txt", 5);
        }
        Path out = tmp.resolve("run");
        Cli.Result run = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> Cli.run(
                        new byte[0],
                        cleaners(),
                        concat("run", inputs, "--only", "clean", "--out", out.toString(), "--concurrency", "1")));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Cleaned " + cleaned + " of " + total + " articles");
        assertNoStackTrace(run);
        List<JsonNode> failures = records(out.resolve("failures.jsonl"));
        assertThat(failures)
                .as("every failure is recorded, none overwrites another")
                .hasSize(failed);
        String reasons = String.join(
                "\n", failures.stream().map(f -> f.path("reason").asText()).toList());
        assertThat(reasons).contains(fragments);
        assertThat(records(out.resolve("articles.jsonl"))).hasSize(total);
    }

    private static void assertExitAndErrors(Case c, Path input, Cli.Result r) {
        assertThat(r.exitCode()).as("exit code; stderr:\n%s", r.err()).isEqualTo(c.failed() > 0 ? 1 : 0);
        assertNoStackTrace(r);
        List<String> lines = r.errLines().stream()
                .filter(l -> l.startsWith("dragoman: " + input))
                .toList();
        assertThat(lines).as("one line per failure on standard error").hasSize(c.failed());
        for (String[] error : c.errors()) {
            String prefix = "dragoman: " + input + (error[0] == null ? "" : ":" + error[0] + ": ");
            assertThat(lines)
                    .as("a line for %s", error[1])
                    .anySatisfy(l -> assertThat(l).startsWith(prefix).contains(": " + error[1]));
        }
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    /** The checks on the case's cleaned articles (the good article, {@link Cli#FIRST_SEED}, left out). */
    private static void assertCleaned(Case c, List<JsonNode> records) {
        List<JsonNode> mine = records.stream()
                .filter(r -> !r.path("id").asText().equals(FIRST_SEED))
                .toList();
        assertThat(records)
                .as("the good article is cleaned")
                .anyMatch(r -> r.path("id").asText().equals(FIRST_SEED));
        assertThat(mine).as("cleaned articles").hasSize(c.cleaned());
        for (String ids : c.values("ids")) {
            assertThat(mine.stream().map(r -> r.path("id").asText())).containsExactlyInAnyOrder(ids.split(","));
        }
        for (String n : c.values("paragraphs")) {
            assertThat(mine).allSatisfy(r -> assertThat(r.path("paragraphs").size())
                    .as("paragraphs of %s", r.path("id").asText())
                    .isEqualTo(Integer.parseInt(n)));
        }
        for (String w : c.values("warning")) {
            assertThat(mine)
                    .anySatisfy(r -> assertThat(r.path("warnings").toString()).contains(w));
        }
        for (String t : c.values("text")) {
            assertThat(mine)
                    .anySatisfy(r -> assertThat(r.path("paragraphs").toString()).contains(t));
        }
    }

    private static List<JsonNode> records(Path jsonl) throws IOException {
        if (!Files.exists(jsonl)) {
            return List.of();
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static String[] concat(String command, List<String> inputs, String... options) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(inputs);
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static String[] withConcurrencyOne(String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--concurrency";
        all[args.length + 1] = "1";
        return all;
    }

    private static Path good(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("good"));
        Path good = dir.resolve(FIRST_SEED + ".txt");
        if (!Files.exists(good)) {
            Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), good);
        }
        return good;
    }

    // inputs made at run time

    /** A cleaner that, asked to clean a file named {@code a-first.txt}, first deletes its sibling {@code e-victim.txt}. */
    private static LongFunction<Cleaner> cleaners() {
        LongFunction<Cleaner> standard = Cli.standardCleaners();
        return maxBytes -> {
            Cleaner cleaner = standard.apply(maxBytes);
            return new Cleaner() {
                @Override
                public CleanedArticle clean(RawArticle raw) {
                    Path location = Path.of(raw.location());
                    if (location.getFileName() != null
                            && location.getFileName().toString().equals("a-first.txt")) {
                        try {
                            Files.deleteIfExists(location.resolveSibling("e-victim.txt"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return cleaner.clean(raw);
                }

                @Override
                public void observe(RawArticle raw) {
                    cleaner.observe(raw);
                }
            };
        };
    }

    /** The case's input inside {@code dir}: a copy of the corpus file, or made as the {@code @name} says. */
    static Path materialize(Case c, Path dir) throws IOException {
        if (!c.input().startsWith("@")) {
            return Files.copy(CORPUS.resolve(c.input()), dir.resolve(c.input()));
        }
        String name = c.input().substring(1);
        Path target = dir.resolve(name);
        switch (name) {
            case "fifty-megabyte-line.txt" -> {
                byte[] block = new byte[1 << 20];
                Arrays.fill(block, (byte) 'a');
                try (OutputStream out = Files.newOutputStream(target)) {
                    for (int i = 0; i < 50; i++) {
                        out.write(block);
                    }
                }
            }
            case "hundred-thousand-lines.txt" -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 100_000; i++) {
                    // distinct lines cost the cleaner ten times more: only in the long run
                    b.append(SOAK ? "Zeile " + i : "a").append('\n');
                }
                Files.writeString(target, b);
            }
            case "huge-line.jsonl" -> {
                try (OutputStream out = Files.newOutputStream(target)) {
                    out.write("{\"id\": \"riesig\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
                    byte[] block = new byte[1 << 20];
                    Arrays.fill(block, (byte) 'a');
                    for (int i = 0; i < 12; i++) {
                        out.write(block);
                    }
                    out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
                    out.write(JSON.createObjectNode()
                            .put("id", "gut")
                            .put("text", Files.readString(CORPUS.resolve("crlf-line-ends.txt")))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            case "deeply-nested.html" -> {
                String paragraph = "Der Stadtrat hat am Montag den Bau eines neuen Radwegs entlang der Ringstraße"
                        + " beschlossen, die Arbeiten sollen im Frühjahr beginnen und rund ein Jahr dauern.";
                Files.writeString(
                        target,
                        "<html><head><title>Radweg</title></head><body>" + "<div>".repeat(10_000) + "<p>" + paragraph
                                + "</p>" + "</div>".repeat(10_000) + "</body></html>");
            }
            case "symlink-loop" -> {
                article(target, "artikel.txt", 1);
                link(Files.createDirectories(target.resolve("sub")).resolve("up"), Path.of(".."));
            }
            case "broken-symlink" -> {
                article(target, "artikel.txt", 1);
                link(target.resolve("weg.txt"), Path.of("nirgends.txt"));
            }
            case "unreadable" -> {
                article(target, "artikel.txt", 1);
                Path locked = Files.writeString(target.resolve("gesperrt.txt"), "Gesperrt.\n");
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
                Assumptions.assumeFalse(
                        Files.isReadable(locked),
                        "file permissions are not enforced for this user (root?): the unreadable case is skipped");
            }
            case "control-char-name" -> article(target, "tab\tesc\u001bdel\u007fende.txt", 1);
            case "vanishes" -> {
                // a batch reads a few inputs ahead of the one being cleaned (two per worker): the victim is fifth
                article(target, "a-first.txt", 1);
                article(target, "b.txt", 2);
                article(target, "c.txt", 3);
                article(target, "d.txt", 4);
                article(target, "e-victim.txt", 5);
            }
            case "missing.txt" -> {
                // nothing: the path does not exist
            }
            default -> throw new IllegalArgumentException("no recipe for " + c.input());
        }
        return target;
    }

    /** A small distinct article number {@code n}, so that no line recurs across documents and reads as chrome. */
    private static void article(Path dir, String name, int n) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(name),
                "Meldung " + n + ": Neue Brücke Nummer " + n + " über die Swislatsch\n\n"
                        + "MINSK, " + n + ". März (BelTA) – Die Brücke Nummer " + n
                        + " soll im Oktober für den Verkehr freigegeben werden, teilte die Stadtverwaltung mit.\n\n"
                        + "Nach Angaben der Behörde sind die Arbeiten an den Pfeilern der Brücke " + n
                        + " bereits abgeschlossen, nun folgen der Belag und die Beleuchtung.\n");
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }
    }
}
