package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.Dragoman;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stages;
import io.dragoman.core.input.Input;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.translate.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Hostile article ids (path traversal, absolute paths, backslashes, NUL and control characters, Windows device
 * names, trailing dots and spaces, 1,000-character ids, Unicode look-alikes, ids that differ only in case) go through
 * a real batch: a JSONL input read by {@link InputReader}, cleaned by the {@link Dragoman} facade into a run store,
 * rendered by {@link OutputWriter}. Every file written is under the output directory, every Markdown file has a
 * distinct safe name (also on file systems that ignore case), and nothing beside the output directory changes.
 */
class OutputPathProperties {

    private static final String BODY = "Die Regierung hat am Montag in Minsk ein neues Gesetz über den Verkehr"
            + " beschlossen, das ab dem kommenden Jahr gelten soll.\nNach Angaben des Ministeriums sollen damit die"
            + " Zahl der Unfälle gesenkt und die Straßen sicherer werden, vor allem in den Städten.\nKritiker"
            + " bemängeln, dass die Finanzierung der neuen Maßnahmen noch nicht geklärt ist.";

    /** What a file name may be on Linux, macOS and Windows alike, as Dragoman writes them. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}\\.md");

    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

    private final ObjectMapper json = new ObjectMapper();

    @Provide
    Arbitrary<String> hostileIds() {
        Arbitrary<String> fragments = Arbitraries.of(
                "../",
                "..",
                "/",
                "\\",
                "..\\..\\",
                "/etc/passwd",
                "C:\\Windows\\",
                "C:",
                "\u0000",
                "\u001b[2J",
                "\n",
                "\r",
                "\t",
                "CON",
                "con",
                "NUL.txt",
                "Aux",
                "com1",
                "LPT9.md",
                "a.",
                "a. ",
                " ",
                "...",
                "Über",
                "U\u0308ber",
                "ﬁle",
                "Ａ",
                "\u212A",
                "İ",
                "ß",
                "%2e%2e%2f",
                "~",
                "*?:|<>\"",
                "md",
                "dragoman.db",
                "report",
                "news",
                "News",
                "x".repeat(1_000));
        Arbitrary<String> joined = fragments.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> random =
                Arbitraries.strings().withCharRange('\u0000', '\u2fff').ofMaxLength(40);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, joined), net.jqwik.api.Tuple.of(1, random));
    }

    @Provide
    Arbitrary<List<String>> batches() {
        Arbitrary<List<String>> ids = hostileIds().list().ofMinSize(1).ofMaxSize(6);
        // half the batches repeat their first id with its case changed, so collisions by case are frequent
        return Combinators.combine(ids, Arbitraries.of(true, false)).as((list, caseTwin) -> {
            List<String> batch = new ArrayList<>(list);
            if (caseTwin) {
                batch.add(list.get(0).toUpperCase(Locale.ROOT));
                batch.add(list.get(0).toLowerCase(Locale.ROOT));
            }
            return batch;
        });
    }

    @Property(tries = 10)
    void articleIdsNeverWriteOutsideTheOutputDirectory(@ForAll("batches") List<String> ids) throws IOException {
        check(ids);
    }

    /** The same with many more batches, when {@code dragoman.soak} is true (about a second per five batches). */
    @Property(tries = 400)
    @AddLifecycleHook(OnlyWhenSoaking.class)
    void articleIdsNeverWriteOutsideTheOutputDirectoryInManyBatches(@ForAll("batches") List<String> ids)
            throws IOException {
        check(ids);
    }

    @Example
    void idsThatDifferOnlyInALeadingUnderscoreKeepAPageEach() throws IOException {
        Path root = Files.createTempDirectory("dragoman-paths");
        try {
            Path out = root.resolve("out");
            OutputWriter writer = new OutputWriter(out);
            writer.prepare();
            try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
                for (String id : List.of("_x", "x")) {
                    CleanedArticle article = new CleanedArticle(
                            new ArticleId(id),
                            "Titel " + id,
                            List.of("Text."),
                            new ArticleMetadata(null, null, null, null, null, null, "de", null, id, null, List.of()),
                            List.of());
                    store.articles().saveCleaned(new ArticleId(id), id, id, article);
                }
                writer.render(store, Optional.empty());
            }

            assertThat(Files.readString(out.resolve("md/_x.md"))).startsWith("# Titel \\_x");
            assertThat(Files.readString(out.resolve("md/x.md"))).startsWith("# Titel x");
        } finally {
            delete(root);
        }
    }

    /** Skips a property unless the system property {@code dragoman.soak} is {@code true}. */
    public static final class OnlyWhenSoaking implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Boolean.getBoolean("dragoman.soak")
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip("runs with -Ddragoman.soak=true (-Psoak)");
        }
    }

    private void check(List<String> ids) throws IOException {
        Path root = Files.createTempDirectory("dragoman-paths");
        try {
            Path input = root.resolve("in").resolve("articles.jsonl");
            Files.createDirectories(input.getParent());
            StringBuilder lines = new StringBuilder();
            for (String id : ids) {
                lines.append(json.writeValueAsString(Map.of("id", id, "text", BODY)))
                        .append('\n');
            }
            Files.writeString(input, lines.toString(), StandardCharsets.UTF_8);
            Path work = root.resolve("work");
            Path out = work.resolve("out");
            Files.createDirectories(work);
            Files.writeString(work.resolve("neighbour.txt"), "left alone");
            Map<String, String> before = snapshot(root);

            try (Dragoman dragoman = Dragoman.builder()
                    .languages(Seeds.languages())
                    .stages(Stages.CLEAN_ONLY)
                    .store(out.resolve("dragoman.db"))
                    .concurrency(1)
                    .build()) {
                InputReader reader = new InputReader(1_000_000, () -> new ByteArrayInputStream(new byte[0]));
                try (Stream<Input> inputs = reader.read(List.of(input.toString()))) {
                    RunResult result = dragoman.run(inputs, outcome -> {}, new BatchRunner.Control());
                    assertThat(result.done()).as("every article cleaned").isEqualTo(ids.size());
                }
                dragoman.writeOutputs(out, Optional.empty());
            }

            Map<String, String> after = snapshot(root);
            after.keySet().removeIf(name -> name.startsWith("work/out/"));
            assertThat(after).as("nothing beside the output directory changed").isEqualTo(before);

            List<String> pages;
            try (Stream<Path> files = Files.list(out.resolve("md"))) {
                pages = files.map(f -> f.getFileName().toString()).sorted().toList();
            }
            assertThat(pages).hasSize(ids.size());
            Set<String> folded = new HashSet<>();
            for (String page : pages) {
                assertThat(page).matches(SAFE_NAME);
                String stem = page.substring(0, page.length() - ".md".length());
                assertThat(stem).doesNotMatch(WINDOWS_DEVICE);
                assertThat(folded.add(page.toLowerCase(Locale.ROOT)))
                        .as("%s is the only page of its name ignoring case", page)
                        .isTrue();
            }
            List<String> recordIds = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
                recordIds.add(json.readTree(line).get("id").asText() + ".md");
            }
            assertThat(recordIds).containsExactlyInAnyOrderElementsOf(pages);
        } finally {
            delete(root);
        }
    }

    /** Every regular file and directory under {@code root}, relative and with {@code /}, to its content or "dir". */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    files.put(name + "/", "dir");
                } else {
                    files.put(name, Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
