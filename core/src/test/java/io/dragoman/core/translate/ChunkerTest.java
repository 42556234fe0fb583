package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final JTokkitTokenCounter TOKENS = JTokkitTokenCounter.o200k();
    private static final Chunker CHUNKER = new Chunker(TOKENS, OpenNlpSentenceSplitter.german());

    @Test
    void keepsASeedArticleInOneChunkWhenItFits() {
        for (Seeds.Seed seed : Seeds.all()) {
            List<Chunk> chunks = CHUNKER.chunks(seed.article(), 2500);

            assertThat(chunks).hasSize(1);
            assertThat(chunks.get(0).markers()).startsWith("T", "D", "1");
            assertThat(chunks.get(0).bodyCount())
                    .isEqualTo(seed.article().paragraphs().size());
        }
    }

    @Test
    void packsWholeParagraphsInOrderWithinTheBudget() {
        CleanedArticle article = Seeds.all().get(0).article();

        List<Chunk> chunks = CHUNKER.chunks(article, 300);

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.get(0).units().get(0).kind()).isEqualTo(Unit.Kind.TITLE);
        assertThat(chunks.get(0).units().get(1).kind()).isEqualTo(Unit.Kind.DATELINE);
        List<String> body = new ArrayList<>();
        for (Chunk c : chunks) {
            int tokens =
                    c.units().stream().mapToInt(u -> TOKENS.count(u.text())).sum();
            assertThat(tokens).as(c.toString()).isLessThanOrEqualTo(300);
            c.units().stream().filter(u -> u.kind() == Unit.Kind.BODY).forEach(u -> {
                assertThat(u.part()).isZero();
                body.add(u.text());
            });
        }
        assertThat(body).isEqualTo(article.paragraphs());
    }

    @Test
    void splitsOnlyAnOverLongParagraphAtSentenceBoundaries() {
        CleanedArticle article = TranslationArticle.article(
                "long",
                "Titel",
                List.of(
                        "Kurz.",
                        "Der Minister sprach am 26. November in Minsk. Er traf Kollegen aus Russland. Sie sprachen"
                                + " über Handel. Die Gespräche dauerten zwei Stunden."));

        List<Chunk> chunks = CHUNKER.chunks(article, 20);

        List<Unit> parts = chunks.stream()
                .flatMap(c -> c.units().stream())
                .filter(u -> u.kind() == Unit.Kind.BODY && u.paragraph() == 1)
                .toList();
        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).part()).isEqualTo(i);
            assertThat(TOKENS.count(parts.get(i).text())).isLessThanOrEqualTo(20);
        }
        assertThat(String.join(" ", parts.stream().map(Unit::text).toList()))
                .isEqualTo(article.paragraphs().get(1));
        assertThat(parts.get(0).text()).startsWith("Der Minister sprach am 26. November in Minsk.");
        assertThat(chunks.stream().flatMap(c -> c.units().stream()).filter(u -> u.paragraph() == 0))
                .singleElement()
                .satisfies(u -> assertThat(u.text()).isEqualTo("Kurz."));
    }

    @Test
    void halvesAChunkByLength() {
        Chunk chunk = CHUNKER.chunks(Seeds.all().get(1).article(), 2500).get(0);

        List<Chunk> halves = chunk.halves();

        assertThat(halves).hasSize(2);
        assertThat(halves.get(0).units().size() + halves.get(1).units().size())
                .isEqualTo(chunk.units().size());
        assertThat(halves.get(1).markers().get(0)).isEqualTo("1");
    }
}
