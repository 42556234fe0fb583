package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.Dragoman;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stages;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.StandInModel;
import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.translate.CheckResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInModelTest {

    @TempDir
    Path tmp;

    @Test
    void articlesAreDistinctLazyAndTheSameOnEveryCall() {
        assertThat(LocalNews.NEWS.article(42)).isEqualTo(LocalNews.NEWS.article(42));
        List<String> pages = LocalNews.NEWS
                .inputs(200)
                .map(i -> ((Input.Read) i).article())
                .map(a -> new String(a.content(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
        assertThat(pages).doesNotHaveDuplicates();
        assertThat(LocalNews.NEWS
                        .inputs(500)
                        .map(i -> LocalNews.NEWS
                                .article(Long.parseLong(i.location().substring(10)))
                                .paragraphsDe()
                                .size())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(3, 4, 5);
        assertThat(SyntheticNews.numberIn(LocalNews.NEWS.article(1234).titleDe()))
                .contains(1234L);
    }

    @Test
    void theCleanerFindsTitleDatelineAndEveryParagraph() {
        try (Dragoman dragoman = Dragoman.builder().stages(Stages.CLEAN_ONLY).build()) {
            for (long n = 0; n < 50; n++) {
                SyntheticNews.Article a = LocalNews.NEWS.article(n);
                ArticleOutcome outcome = dragoman.process(((Input.Read) a.input()).article());
                assertThat(outcome).isInstanceOf(ArticleOutcome.Done.class);
                CleanedArticle cleaned = ((ArticleOutcome.Done) outcome).article();
                assertThat(cleaned.title()).isEqualTo(a.titleDe());
                assertThat(cleaned.paragraphs()).isEqualTo(a.paragraphsDe());
                assertThat(cleaned.metadata().dateline().text().strip()).isEqualTo(a.datelineDe());
                assertThat(cleaned.metadata().language()).isEqualTo("de");
            }
        }
    }

    @Test
    void everyArticleTakesTwoCallsAndPassesEveryCheck() {
        List<ArticleOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (StandInModel server = StandInModel.start(0, 32, 1000)) {
            ProviderConfig config = ProviderConfig.of(
                    ProviderKind.OPENAI,
                    StandInModel.MODEL,
                    server.baseUrl(),
                    Optional.of("sk-bench-test"),
                    "the test");
            RunResult result;
            try (Dragoman dragoman = Dragoman.builder()
                    .model(ModelProviders.create(config, RateLimiter.Limits.NONE))
                    .store(tmp.resolve("dragoman.db"))
                    .concurrency(4)
                    .build()) {
                result = dragoman.run(LocalNews.NEWS.inputs(40), outcomes::add, new BatchRunner.Control());
                dragoman.writeOutputs(tmp.resolve("out"), Optional.of(result));
            }
            assertThat(result.done()).isEqualTo(40);
            assertThat(result.failed()).isZero();
            assertThat(result.calls()).isEqualTo(80);
            assertThat(server.requests()).isEqualTo(80);
            assertThat(server.misses()).isZero();
        }
        assertThat(outcomes).hasSize(40).allSatisfy(o -> {
            ArticleOutcome.Done done = (ArticleOutcome.Done) o;
            assertThat(done.translation().orElseThrow().checks())
                    .extracting(CheckResult::status)
                    .containsOnly(CheckResult.Status.PASSED);
            assertThat(done.summary().orElseThrow().warnings()).isEmpty();
            assertThat(done.summary().orElseThrow().reasked()).isFalse();
        });
        assertThat(tmp.resolve("out").resolve("articles.jsonl")).isNotEmptyFile();
    }
}
