package io.dragoman.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawArticleTest {
    private static final ArticleId ID = new ArticleId("a");
    private static final byte[] CONTENT = {'x'};

    @Test
    void hasNoUrlAndNoExtraWhenMadeFromFourComponents() {
        RawArticle raw = new RawArticle(ID, "a.txt", CONTENT, Optional.of("text/plain"));

        assertThat(raw.url()).isEmpty();
        assertThat(raw.extra()).isEmpty();
        assertThat(RawArticle.of(ID, "a.txt", CONTENT))
                .isEqualTo(new RawArticle(ID, "a.txt", CONTENT, Optional.empty()));
    }

    @Test
    void comparesUrlAndExtraToo() {
        RawArticle plain = RawArticle.of(ID, "f.jsonl:1", CONTENT);
        RawArticle withUrl = new RawArticle(
                ID, "f.jsonl:1", CONTENT, Optional.empty(), Optional.of("https://example.org/a"), Map.of());
        RawArticle withExtra =
                new RawArticle(ID, "f.jsonl:1", CONTENT, Optional.empty(), Optional.empty(), Map.of("k", 1));

        assertThat(plain).isNotEqualTo(withUrl).isNotEqualTo(withExtra);
        assertThat(withExtra)
                .isEqualTo(new RawArticle(ID, "f.jsonl:1", CONTENT, Optional.empty(), Optional.empty(), Map.of("k", 1)))
                .hasSameHashCodeAs(
                        new RawArticle(ID, "f.jsonl:1", CONTENT, Optional.empty(), Optional.empty(), Map.of("k", 1)));
        assertThat(withUrl.toString()).isEqualTo("RawArticle[a, f.jsonl:1, 1 bytes, https://example.org/a]");
    }

    @Test
    void keepsACopyOfExtraAndTreatsNullAsNone() {
        Map<String, Object> extra = new HashMap<>(Map.of("k", "v"));
        RawArticle raw = new RawArticle(ID, "f.jsonl:1", CONTENT, Optional.empty(), Optional.empty(), extra);
        extra.put("k", "changed");

        assertThat(raw.extra()).isEqualTo(Map.of("k", "v")).isUnmodifiable();
        assertThat(new RawArticle(ID, "x", CONTENT, Optional.empty(), Optional.empty(), null).extra())
                .isEmpty();
    }
}
