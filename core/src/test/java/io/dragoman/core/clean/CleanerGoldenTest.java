package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.pipeline.ArticleFormat;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests for the cleaners: every case in {@code src/test/resources/clean/} is cleaned by one shared
 * {@link DetectingCleaner} and compared with files written and reviewed by hand.
 *
 * <p>A case {@code <case>} has an input, {@code <case>.input.txt} or {@code <case>.input.html} (any bytes), and
 * either
 *
 * <ul>
 *   <li>{@code <case>.expected.txt}: exactly what {@link ArticleFormat#TEXT} renders (title, blank line, paragraphs
 *       separated by blank lines, trailing newline), optionally with {@code <case>.expected-meta.json}: a JSON object
 *       with the metadata fields to check, compared field by field with the article's JSON ({@link
 *       ArticleJson#mapper()}); nested objects are compared the same way, a field given as {@code null} must be
 *       absent. The extra field {@code warnings} lists fragments that must each occur in one of the article's
 *       warnings; {@code []} means the article has no warnings; or
 *   <li>{@code <case>.expected-error.txt}: the {@link CleaningException.Reason} name on the first line and a fragment
 *       of the exception's message on the second.
 * </ul>
 *
 * <p>Expected files are never generated from the cleaner's output: a mismatch is a bug in the cleaner or in the
 * expectation, to be decided by reading the input.
 */
class CleanerGoldenTest {
    private static final String CASES = "/clean";
    private static final Pattern CASE_FILE =
            Pattern.compile("(?<case>.+)\\.(?<kind>input\\.txt|input\\.html|expected\\.txt|expected-meta\\.json"
                    + "|expected-error\\.txt)");

    /** Cases the cleaner is known to get wrong, with the reason; they are reported as skipped. Keep this empty. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static final Set<String> METADATA_FIELDS = Arrays.stream(ArticleMetadata.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static DetectingCleaner cleaner;
    private static final ObjectMapper JSON = ArticleJson.mapper();

    @BeforeAll
    static void loadCleaner() {
        cleaner = SharedCleaner.standard();
    }

    /** One golden case: its name and the files that belong to it. */
    record Case(String name, Path input, Path expectedText, Path expectedMeta, Path expectedError) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        return discover().values().stream();
    }

    private static Map<String, Case> discover() throws IOException {
        Path dir = casesDirectory();
        Map<String, Map<String, Path>> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Iterator<Path> it = listing.iterator(); it.hasNext(); ) {
                Path file = it.next();
                Matcher m = CASE_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    files.computeIfAbsent(m.group("case"), k -> new TreeMap<>()).put(m.group("kind"), file);
                }
            }
        }
        Map<String, Case> cases = new TreeMap<>();
        files.forEach((name, kinds) -> cases.put(
                name,
                new Case(
                        name,
                        kinds.getOrDefault("input.txt", kinds.get("input.html")),
                        kinds.get("expected.txt"),
                        kinds.get("expected-meta.json"),
                        kinds.get("expected-error.txt"))));
        return cases;
    }

    private static Path casesDirectory() {
        URL url = CleanerGoldenTest.class.getResource(CASES);
        assertThat(url).as("test resource directory %s", CASES).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    @Test
    void everyCaseHasOneInputAndOneExpectation() throws IOException {
        Map<String, Case> cases = discover();
        assertThat(cases).as("golden cases").hasSizeGreaterThanOrEqualTo(17);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (Stream<Path> listing = Files.list(casesDirectory())) {
            listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".input."))
                    .map(n -> n.substring(0, n.indexOf(".input.")))
                    .filter(n -> !seen.add(n))
                    .forEach(n -> problems.add(n + ": more than one input file"));
        }
        for (Case c : cases.values()) {
            if (c.input() == null) {
                problems.add(c.name() + ": no .input.txt or .input.html");
            }
            if ((c.expectedText() == null) == (c.expectedError() == null)) {
                problems.add(c.name() + ": needs exactly one of .expected.txt and .expected-error.txt");
            }
            if (c.expectedMeta() != null && c.expectedText() == null) {
                problems.add(c.name() + ": .expected-meta.json without .expected.txt");
            }
        }
        assertThat(problems).as("malformed golden cases").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleansLikeTheReviewedExpectation(Case c) throws IOException {
        Assumptions.assumeFalse(
                KNOWN_FAILURES.containsKey(c.name()), () -> "known failure: " + KNOWN_FAILURES.get(c.name()));
        Assumptions.assumeTrue(c.input() != null, "malformed case, reported by everyCaseHasOneInputAndOneExpectation");
        RawArticle raw = RawArticle.of(
                ArticleId.derive(c.name()), "clean/" + c.input().getFileName(), Files.readAllBytes(c.input()));

        if (c.expectedError() != null) {
            List<String> expected = Files.readAllLines(c.expectedError(), StandardCharsets.UTF_8);
            assertThat(expected)
                    .as("%s: reason on line 1, message fragment on line 2", c.expectedError())
                    .hasSizeGreaterThanOrEqualTo(2);
            CleaningException e = catchThrowableOfType(CleaningException.class, () -> cleaner.clean(raw));
            assertThat(e).as("%s: cleaning should fail", c.name()).isNotNull();
            assertThat(e.reason().name())
                    .as("%s: reason", c.name())
                    .isEqualTo(expected.get(0).strip());
            assertThat(e.getMessage())
                    .as("%s: message", c.name())
                    .contains(expected.get(1).strip());
            return;
        }

        CleanedArticle article = cleaner.clean(raw);
        String expected = Files.readString(c.expectedText(), StandardCharsets.UTF_8);
        assertThat(ArticleFormat.TEXT.render(article))
                .as("%s: cleaned text (warnings: %s)", c.name(), article.warnings())
                .isEqualTo(expected);
        if (c.expectedMeta() != null) {
            JsonNode expectedMeta = JSON.readTree(c.expectedMeta().toFile());
            assertThat(expectedMeta.isObject())
                    .as("%s must hold a JSON object", c.expectedMeta())
                    .isTrue();
            JsonNode actual = JSON.valueToTree(article);
            for (Map.Entry<String, JsonNode> field : expectedMeta.properties()) {
                if (field.getKey().equals("warnings")) {
                    checkWarnings(c.name(), field.getValue(), article.warnings());
                } else {
                    assertThat(METADATA_FIELDS)
                            .as("%s: '%s' is not a metadata field", c.expectedMeta(), field.getKey())
                            .contains(field.getKey());
                    checkField(
                            c.name() + ": metadata." + field.getKey(),
                            field.getValue(),
                            actual.path("metadata").get(field.getKey()));
                }
            }
        }
    }

    /** Compares one expected metadata value with the actual one; objects by their given fields only. */
    private static void checkField(String path, JsonNode expected, JsonNode actual) {
        if (expected.isNull()) {
            assertThat(actual == null || actual.isNull())
                    .as("%s should be absent but is %s", path, actual)
                    .isTrue();
        } else if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                fail("%s should be an object like %s but is %s", path, expected, actual);
            }
            for (Map.Entry<String, JsonNode> f : expected.properties()) {
                checkField(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()));
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static void checkWarnings(String name, JsonNode expected, List<String> warnings) {
        assertThat(expected.isArray())
                .as("%s: warnings must be a list of fragments", name)
                .isTrue();
        if (expected.isEmpty()) {
            assertThat(warnings).as("%s: warnings", name).isEmpty();
        }
        for (JsonNode fragment : expected) {
            assertThat(warnings)
                    .as("%s: a warning containing '%s'", name, fragment.asText())
                    .anyMatch(w -> w.contains(fragment.asText()));
        }
    }
}
