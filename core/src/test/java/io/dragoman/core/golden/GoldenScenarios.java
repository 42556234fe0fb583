package io.dragoman.core.golden;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.soak.SoakArticles;
import io.dragoman.core.summary.SummarizerTest;
import io.dragoman.core.testing.StandInReplies;
import io.dragoman.core.testing.SyntheticNews.Article;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The inputs of the golden runs and the stand-in scripts that answer for them: the two seed articles with their
 * hand-made English and summaries, and synthetic BelTA-style articles ({@link SoakArticles}) whose English comes with
 * them.
 */
final class GoldenScenarios {

    /**
     * The seed of the synthetic run's fault mix. The mix is drawn from each request's digest, so a prompt edit redraws
     * it; the seed is the date of the last redraw whose run shows every kind of failure {@code GoldenRunTest} asks
     * for.
     */
    static final long SEED = 20_261_203L;

    /** The seed the old run-store fixture was made with ({@code OldStoreResumeTest}); it never changes. */
    static final long FIXTURE_SEED = 20_260_302L;

    /**
     * The synthetic run's mix: a 400 for 2 % of first requests and a server that stays down for 1.5 %, one or two
     * transient faults for a quarter of all requests, a wrong first reply for a quarter of translations and summaries,
     * and a wrong second reply for a quarter of repairs and re-asks.
     */
    static final ReplyPlan.Mix MIX = new ReplyPlan.Mix(SEED, 0.02, 0.015, 0.25, 0.25, 0.25);

    /** The same mix with the fixture's seed. */
    static final ReplyPlan.Mix FIXTURE_MIX = new ReplyPlan.Mix(FIXTURE_SEED, 0.02, 0.015, 0.25, 0.25, 0.25);

    private GoldenScenarios() {}

    /** The seeds as {@code dragoman run seeds/} reads them: ids from the file names, locations as given. */
    static Stream<Input> seedInputs() {
        return Seeds.IDS.stream().map(id -> {
            Path file = Path.of("..", "seeds", id + ".txt");
            try {
                return new Input.Read(
                        RawArticle.of(new ArticleId(id), "seeds/" + id + ".txt", Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Answers for the seeds: their reference translations and summaries, found by their titles (the source's in a
     * translation request, the English one in a summary request, which carries the translation).
     */
    static StandInModel.Script seeds() {
        List<StandInModel.Subject> subjects = Seeds.all().stream()
                .map(seed -> {
                    Map<String, String> english = new HashMap<>();
                    english.put(seed.article().title().strip(), seed.title());
                    english.put(seed.article().metadata().dateline().text().strip(), seed.dateline());
                    for (int i = 0; i < seed.paragraphs().size(); i++) {
                        english.put(
                                seed.article().paragraphs().get(i).strip(),
                                seed.paragraphs().get(i));
                    }
                    String id = seed.article().id().value();
                    return new StandInModel.Subject(
                            id,
                            Map.copyOf(english),
                            SummarizerTest.resource("/summary/" + id + ".reply.json")
                                    .strip(),
                            "{}");
                })
                .toList();
        Map<String, StandInModel.Subject> byTitle = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            byTitle.put(Seeds.all().get(i).article().title().strip(), subjects.get(i));
            byTitle.put(Seeds.all().get(i).title().strip(), subjects.get(i));
        }
        return user -> byTitle.entrySet().stream()
                .filter(e -> user.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Synthetic articles with these numbers, in order. */
    static Stream<Input> syntheticInputs(LongStream numbers) {
        return numbers.mapToObj(SoakArticles::article).map(Article::input);
    }

    /** Answers for synthetic articles, found by the {@code (Nr. n)} or {@code (No. n)} in every prompt about one. */
    static StandInModel.Script synthetic() {
        return user -> SoakArticles.numberIn(user).map(SoakArticles::article).map(GoldenScenarios::subject);
    }

    private static StandInModel.Subject subject(Article article) {
        return new StandInModel.Subject(
                article.id(), article.english(), StandInReplies.summary(article), StandInReplies.wrongSchema(article));
    }

    /** A script that knows the seeds and synthetic articles alike. */
    static StandInModel.Script seedsAndSynthetic() {
        StandInModel.Script seeds = seeds();
        StandInModel.Script synthetic = synthetic();
        return user -> {
            Optional<StandInModel.Subject> seed = seeds.subject(user);
            return seed.isPresent() ? seed : synthetic.subject(user);
        };
    }
}
