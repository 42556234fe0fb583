package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.testing.LocalNews;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The steps between reading and the model stages. */
class StepsTest {

    private static Page page(String id, String url, String text) {
        return Page.of(new RawArticle(
                new ArticleId(id),
                "crawl.warc.gz at byte 0",
                text.getBytes(StandardCharsets.UTF_8),
                Optional.of("text/plain"),
                Optional.of(url),
                Map.of()));
    }

    @Test
    void givesTheSameArticleCapturedTwiceTheSameContentHash() {
        String text = LocalNews.NEWS.article(200).page();
        Steps.ContentHash hash = new Steps.ContentHash(10_000_000);
        hash.setup();

        String first = hash.key(page("lokal.example_200", "https://lokal.example/200", text));
        String again = hash.key(page("lokal.example_again", "https://lokal.example/again", text));
        String other = hash.key(page(
                "other",
                "https://lokal.example/201",
                LocalNews.NEWS.article(201).page()));

        assertThat(first).doesNotStartWith("uncleaned:").isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }
}
