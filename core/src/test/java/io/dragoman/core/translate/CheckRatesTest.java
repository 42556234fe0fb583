package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.SentenceSplitter;
import io.dragoman.core.llm.FinishReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How often each check fires on good translations (false alarms) and how often the checks catch a fault put into
 * them, over the hand-made pairs in {@code translate/good-pairs} (German paragraphs with a faithful English
 * translation and paraphrased, reordered, split and merged variants) and the seeds' reference translations. Writes
 * the table to {@code target/check-rates.md}; the README quotes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckRatesTest {

    /** The most a check may fire on good paragraphs. */
    static final double MAX_FALSE_ALARMS = 0.02;

    private static final Path PAIRS = Path.of("src", "test", "resources", "translate", "good-pairs");
    private static final SentenceSplitter GERMAN = OpenNlpSentenceSplitter.german();
    private static final SentenceSplitter ENGLISH = OpenNlpSentenceSplitter.english();
    private static final List<TranslationCheck> CHECKS = TranslationChecks.standard(Seeds.languages(), GERMAN, ENGLISH);

    /** A German paragraph and one good English translation of it. */
    record Pair(String id, String kind, String german, String english) {}

    private final List<Pair> good = new ArrayList<>();
    private final Map<String, Integer> alarms = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    @BeforeAll
    void measureFalseAlarms() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> listed = Files.list(PAIRS)) {
            files = listed.filter(p -> p.getFileName().toString().matches("pairs-\\d+\\.json"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            for (JsonNode p : json.readTree(file.toFile()).get("pairs")) {
                String german = p.get("de").asText();
                good.add(new Pair(
                        p.get("id").asText(), "translation", german, p.get("en").asText()));
                for (JsonNode v : p.get("variants")) {
                    good.add(new Pair(
                            p.get("id").asText(),
                            v.get("kind").asText(),
                            german,
                            v.get("en").asText()));
                }
            }
        }
        for (Seeds.Seed seed : Seeds.all()) {
            for (int i = 0; i < seed.paragraphs().size(); i++) {
                good.add(new Pair(
                        seed.article().id().value() + "/" + (i + 1),
                        "reference",
                        seed.article().paragraphs().get(i),
                        seed.paragraphs().get(i)));
            }
        }
        for (TranslationCheck check : CHECKS) {
            alarms.put(check.name(), 0);
        }
        for (Pair pair : good) {
            for (TranslationCheck check : CHECKS) {
                if (check.check(reply(pair.german(), pair.english())).isPresent()) {
                    alarms.merge(check.name(), 1, Integer::sum);
                }
            }
        }
        table.append("| check | fires on good paragraphs |\n|---|---:|\n");
        alarms.forEach((check, n) -> table.append(String.format(
                Locale.ROOT, "| %s | %d of %d (%.1f %%) |%n", check, n, good.size(), 100.0 * n / good.size())));
    }

    private static ChunkReply reply(String german, String english) {
        Chunk chunk = new Chunk(0, List.of(Unit.body(0, 0, german)));
        return new ChunkReply(
                chunk,
                MarkedReply.parse("[1] " + english),
                FinishReason.STOP,
                Glossary.builtIn("BelTA").occurringIn(german));
    }

    private static boolean fires(String check, String german, String english) {
        return CHECKS.stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow()
                .check(reply(german, english))
                .isPresent();
    }

    @Test
    void theCorpusHasEnoughGoodParagraphsToMeasureTwoPercent() {
        assertThat(good.stream()
                        .filter(p -> !p.kind().equals("reference"))
                        .map(Pair::id)
                        .distinct())
                .as("hand-made German paragraphs")
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(good).as("good paragraphs, variants included").hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void noCheckFiresOnMoreThanTwoPercentOfGoodParagraphs() {
        alarms.forEach((check, n) -> assertThat((double) n / good.size())
                .as("%s fires on %d of %d good paragraphs:%n%s", check, n, good.size(), firing(check))
                .isLessThanOrEqualTo(MAX_FALSE_ALARMS));
    }

    @Test
    void theChecksCatchTheFaultsPutIntoGoodTranslations() throws IOException {
        List<Pair> originals = good.stream()
                .filter(p -> p.kind().equals("translation") || p.kind().equals("reference"))
                .toList();
        table.append("\n| fault put in | check | caught |\n|---|---|---:|\n");
        double echo = caught(originals, "last sentence left in German", "untranslated", this::lastSentenceInGerman);
        double half = caught(originals, "last sentence half in German", "untranslated", this::lastSentenceHalfGerman);
        double dropped = caught(originals, "a middle sentence dropped", "sentences", this::middleSentenceDropped);
        double added = caught(originals, "a sentence added", "sentences", this::sentenceAdded);
        double quote = caught(originals, "quotation marks removed", "quotes", this::quotesRemoved);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "check-rates.md"), table.toString());
        System.out.print(table);

        // floors a little under what was measured when the checks were written (see the README's table)
        assertThat(echo).as("a German sentence at the end").isGreaterThanOrEqualTo(0.95);
        assertThat(half).as("half a German sentence").isGreaterThanOrEqualTo(0.9);
        assertThat(dropped).as("a dropped sentence").isGreaterThanOrEqualTo(0.8);
        assertThat(added).as("an added sentence").isGreaterThanOrEqualTo(0.85);
        assertThat(quote).as("a lost quotation").isGreaterThanOrEqualTo(0.95);
    }

    /** The share of the pairs the fault applies to on which the check fires, added to the table. */
    private double caught(List<Pair> pairs, String fault, String check, Function<Pair, String> inject) {
        int applied = 0;
        int found = 0;
        for (Pair pair : pairs) {
            String faulty = inject.apply(pair);
            if (faulty == null) {
                continue;
            }
            applied++;
            found += fires(check, pair.german(), faulty) ? 1 : 0;
        }
        double share = applied == 0 ? 0 : (double) found / applied;
        table.append(String.format(
                Locale.ROOT, "| %s | %s | %d of %d (%.0f %%) |%n", fault, check, found, applied, 100 * share));
        return share;
    }

    private String lastSentenceInGerman(Pair p) {
        List<String> en = ENGLISH.split(p.english());
        List<String> de = GERMAN.split(p.german());
        if (en.size() < 2 || de.size() < 2) {
            return null;
        }
        List<String> out = new ArrayList<>(en.subList(0, en.size() - 1));
        out.add(de.get(de.size() - 1));
        return String.join(" ", out);
    }

    /** The last English sentence's first half of words, then the second half of the German one's. */
    private String lastSentenceHalfGerman(Pair p) {
        List<String> en = ENGLISH.split(p.english());
        List<String> de = GERMAN.split(p.german());
        if (en.size() < 2 || de.size() < 2) {
            return null;
        }
        String[] english = en.get(en.size() - 1).split(" ");
        String[] german = de.get(de.size() - 1).split(" ");
        if (english.length < 8 || german.length < 8) {
            return null;
        }
        String mixed = String.join(" ", java.util.Arrays.copyOfRange(english, 0, english.length / 2)) + " "
                + String.join(" ", java.util.Arrays.copyOfRange(german, german.length / 2, german.length));
        List<String> out = new ArrayList<>(en.subList(0, en.size() - 1));
        out.add(mixed);
        return String.join(" ", out);
    }

    private String middleSentenceDropped(Pair p) {
        List<String> en = ENGLISH.split(p.english());
        if (en.size() < 3 || p.german().length() < SentencesCheck.MIN_PARAGRAPH_CHARS) {
            return null;
        }
        List<String> out = new ArrayList<>(en);
        int longest = 1;
        for (int i = 1; i < en.size() - 1; i++) {
            longest = en.get(i).length() > en.get(longest).length() ? i : longest;
        }
        out.remove(longest);
        return String.join(" ", out);
    }

    private String sentenceAdded(Pair p) {
        if (p.german().length() < SentencesCheck.MIN_PARAGRAPH_CHARS) {
            return null;
        }
        return p.english() + " Observers from several international organisations, who had travelled there for the"
                + " occasion, welcomed the outcome and called for the talks to continue next year.";
    }

    private String quotesRemoved(Pair p) {
        if (QuotesCheck.count(p.german()) == 0) {
            return null;
        }
        return p.english().replaceAll("[“”\"„]", "");
    }

    private String firing(String check) {
        StringBuilder b = new StringBuilder();
        for (Pair pair : good) {
            CHECKS.stream()
                    .filter(c -> c.name().equals(check))
                    .findFirst()
                    .orElseThrow()
                    .check(reply(pair.german(), pair.english()))
                    .ifPresent(f -> b.append("  ")
                            .append(pair.id())
                            .append(' ')
                            .append(pair.kind())
                            .append(": ")
                            .append(f.message())
                            .append('\n'));
        }
        return b.toString();
    }
}
