package io.dragoman.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two seed articles, cleaned, with their hand-made English reference translations
 * ({@code translate/seeds/<id>.en.json}).
 */
public final class Seeds {

    public static final List<String> IDS = List.of("000_9d6d41b7495442df", "002_2bc17d9c9461e4a0");

    private Seeds() {}

    private static final class Holder {
        static final LanguageDetector LANGUAGES = new OpenNlpLanguageDetector();
        static final List<Seed> SEEDS = IDS.stream().map(Seeds::load).toList();
    }

    /** The shared language detector (its model takes a second to load). */
    public static LanguageDetector languages() {
        return Holder.LANGUAGES;
    }

    public record Seed(CleanedArticle article, String title, String dateline, List<String> paragraphs) {

        /** The reference translation as a {@link Translation} made by one call of the scripted model. */
        public Translation translation() {
            return new Translation(
                    article.id(),
                    title,
                    dateline,
                    paragraphs,
                    List.of(),
                    1,
                    new io.dragoman.core.llm.Provenance(
                            io.dragoman.core.llm.ProviderKind.OPENAI,
                            "gpt-4.1-mini",
                            java.util.Map.of("translate", "0123456789ab"),
                            new io.dragoman.core.llm.Usage(1500, 900),
                            java.util.Optional.of(new java.math.BigDecimal("0.00204")),
                            1));
        }

        /** The units of the whole article as one chunk. */
        Chunk chunk() {
            List<Unit> units = new ArrayList<>();
            units.add(Unit.title(article.title()));
            units.add(Unit.dateline(article.metadata().dateline().text().strip()));
            for (int i = 0; i < article.paragraphs().size(); i++) {
                units.add(Unit.body(i, 0, article.paragraphs().get(i)));
            }
            return new Chunk(0, units);
        }

        /** A reply that echoes the source under the markers, as a model that does not translate would. */
        public String echo() {
            StringBuilder b = new StringBuilder("[T] " + article.title() + "\n\n[D] "
                    + article.metadata().dateline().text().strip());
            for (int i = 0; i < article.paragraphs().size(); i++) {
                b.append("\n\n[")
                        .append(i + 1)
                        .append("] ")
                        .append(article.paragraphs().get(i));
            }
            return b.toString();
        }

        /** A correct reply for {@link #chunk()}: the reference translation under the markers. */
        public String reply() {
            StringBuilder b = new StringBuilder("[T] " + title + "\n\n[D] " + dateline);
            for (int i = 0; i < paragraphs.size(); i++) {
                b.append("\n\n[").append(i + 1).append("] ").append(paragraphs.get(i));
            }
            return b.toString();
        }
    }

    private static Seed load(String id) {
        try {
            Path file = Path.of("..", "seeds", id + ".txt");
            CleanedArticle article = new DetectingCleaner(
                            BoilerplateProfiles.builtIn(), languages(), DetectingCleaner.DEFAULT_MAX_BYTES)
                    .clean(RawArticle.of(new ArticleId(id), file.toString(), Files.readAllBytes(file)));
            JsonNode en;
            try (InputStream in = Seeds.class.getResourceAsStream("/translate/seeds/" + id + ".en.json")) {
                en = new ObjectMapper().readTree(in);
            }
            List<String> paragraphs = new ArrayList<>();
            en.get("paragraphs").forEach(p -> paragraphs.add(p.asText()));
            return new Seed(
                    article, en.get("title").asText(), en.get("dateline").asText(), paragraphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Seed> all() {
        return Holder.SEEDS;
    }
}
