package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanBatchTest {
    /** A footer sentence of a site no profile knows: only the batch can tell that it is chrome. */
    private static final String SITE_FOOTER =
            "Die Stadtzeitung Musterstadt erscheint werktäglich und berichtet über alles, was in der Region geschieht.";

    private static OpenNlpLanguageDetector languages;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadLanguageModel() {
        languages = new OpenNlpLanguageDetector();
    }

    private CleanBatch batch() {
        InputReader reader =
                new InputReader(DetectingCleaner.DEFAULT_MAX_BYTES, () -> new ByteArrayInputStream(new byte[0]));
        return new CleanBatch(
                reader,
                new DetectingCleaner(BoilerplateProfiles.builtIn(), languages, DetectingCleaner.DEFAULT_MAX_BYTES));
    }

    private static String page(int n) {
        return String.join(
                "\n",
                "Stadtzeitung Musterstadt",
                "Lokales",
                "Neue Brücke Nummer " + n + " über den Fluss eröffnet",
                "",
                "Die Stadt hat am Montag die neue Brücke Nummer " + n
                        + " über den Fluss für den Verkehr freigegeben, wie die Verwaltung mitteilte.",
                "",
                "Der Bau hatte " + (10 + n) + " Monate gedauert und kostete nach Angaben der Stadt rund " + (3 + n)
                        + " Millionen Euro, etwas weniger als geplant.",
                "",
                SITE_FOOTER,
                "");
    }

    private List<CleanedArticle> clean(List<String> args) {
        List<CleanedArticle> articles = new ArrayList<>();
        CleanBatch.Totals totals = batch().run(args, outcome -> {
            if (outcome instanceof CleanOutcome.Cleaned cleaned) {
                articles.add(cleaned.article());
            }
        });
        assertThat(totals.failed()).isZero();
        return articles;
    }

    @Test
    void learnsAFooterLineThatRecursInManyDocumentsOfTheSameSourceAndDropsIt() throws IOException {
        for (int n = 1; n <= 4; n++) {
            Files.writeString(dir.resolve("page-" + n + ".txt"), page(n), StandardCharsets.UTF_8);
        }

        List<CleanedArticle> articles = clean(List.of(dir.toString()));

        assertThat(articles).hasSize(4);
        for (CleanedArticle article : articles) {
            assertThat(article.paragraphs()).hasSize(2).doesNotContain(SITE_FOOTER);
            assertThat(article.title()).startsWith("Neue Brücke Nummer");
        }
    }

    @Test
    void keepsTheSameLineWhenOnlyOneDocumentShowsIt() throws IOException {
        Path file = dir.resolve("page-1.txt");
        Files.writeString(file, page(1), StandardCharsets.UTF_8);

        List<CleanedArticle> articles = clean(List.of(file.toString()));

        assertThat(articles).singleElement().satisfies(a -> assertThat(a.paragraphs())
                .contains(SITE_FOOTER));
    }

    @Test
    void reportsOneOutcomePerInputInInputOrderAndGoesOnAfterAFailure() throws IOException {
        Files.writeString(dir.resolve("a.txt"), page(1), StandardCharsets.UTF_8);
        Files.write(dir.resolve("b.txt"), new byte[0]);
        Files.writeString(dir.resolve("c.txt"), page(2), StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();

        CleanBatch.Totals totals = batch().run(
                        List.of(
                                dir.resolve("a.txt").toString(),
                                dir.resolve("missing.txt").toString(),
                                dir.toString()),
                        outcome -> seen.add(outcome.getClass().getSimpleName() + " "
                                + Path.of(outcome.location()).getFileName()));

        assertThat(totals).isEqualTo(new CleanBatch.Totals(3, 2));
        assertThat(seen)
                .containsExactly(
                        "Cleaned a.txt", "Failed missing.txt", "Cleaned a.txt", "Failed b.txt", "Cleaned c.txt");
    }
}
