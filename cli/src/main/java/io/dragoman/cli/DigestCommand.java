package io.dragoman.cli;

import io.dragoman.core.digest.ModelOverviews;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.llm.setup.NoProviderException;
import io.dragoman.core.output.DigestOptions;
import io.dragoman.core.output.DigestWriter;
import io.dragoman.core.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman digest DIR}: what happened per day or week, as {@code DIR/digest.md} and the site's digest page. */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = {
            "Write DIR/digest.md and the digest page of the reader site (DIR/site/digest.html): per day or week, the"
                    + " stories (articles grouped by the people, organisations, places and topics they share, and"
                    + " versions of one report), the people and organisations named most with their change against"
                    + " the period before, and the names seen for the first time. Later renders of the site keep"
                    + " these options.",
        },
        footer = {"", ExitCodes.DIGEST_HELP})
final class DigestCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Option(names = "--since", paramLabel = "DATE", description = "The first day (yyyy-mm-dd) covered.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "The last day (yyyy-mm-dd) covered.")
    LocalDate until;

    @Option(
            names = "--by",
            paramLabel = "day|week",
            defaultValue = "week",
            converter = PeriodOption.class,
            description = "The length of a period: day, or week from Monday (default: ${DEFAULT-VALUE}).")
    DigestOptions.Period by;

    @Option(
            names = "--overview",
            description = "Have a model write a short English overview of each period from the articles' summaries,"
                    + " every sentence citing the ids of its articles (checked: they must be articles of the period)."
                    + " On when --provider or --model is given. Calls are cached in the run store and priced.")
    boolean overview;

    @Option(
            names = "--estimate",
            description = "With --overview: print the overviews' tokens and cost, send nothing and write nothing.")
    boolean estimate;

    @Mixin
    ModelChoice models;

    @Override
    public Integer call() {
        DigestOptions options;
        try {
            options = new DigestOptions(Optional.ofNullable(since), Optional.ofNullable(until), by);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean overviews = overview || models.provider != null || models.model != null;
        if (estimate && !overviews) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--estimate counts the overviews' calls: add --overview.");
        }
        PrintWriter err = spec.commandLine().getErr();
        models.validate();
        ModelChoice choice = models;
        DigestWriter.Result result;
        List<String> warnings = new ArrayList<>();
        Path db = SiteCommand.store(dir);
        try (RunStore store = RunStore.open(db)) {
            if (estimate) {
                return estimate(store, options, choice);
            }
            Optional<DigestWriter.Overviews> writer = Optional.empty();
            CachingModelProvider cached = null;
            CallSession session = null;
            if (overviews) {
                ProviderConfig resolved;
                try {
                    resolved = choice.resolve(parent.environment(), parent.ollamaAnswers(), err);
                } catch (NoProviderException e) {
                    err.println("dragoman digest: " + e.getMessage());
                    return ExitCodes.CONFIG;
                }
                cached = new CachingModelProvider(
                        ModelProviders.create(resolved, RateLimiter.Limits.NONE), store.callCache());
                session = new CallSession(false, call -> {}, choice.prices(), JTokkitTokenCounter.o200k());
                writer = Optional.of(new ModelOverviews(cached, choice.library(), session, warnings::add));
            }
            result = new DigestWriter(dir).write(store, options, writer);
            if (overviews) {
                long written = result.digest().periods().stream()
                        .filter(p -> p.overview().isPresent())
                        .count();
                Spent paid = session.paid();
                spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "Overviews by %s %s for %d of %d periods: %d calls sent, %d answered from the cache;"
                                        + " %,d input and %,d output tokens%s.%n",
                                cached.info().kind().id(),
                                cached.info().model(),
                                written,
                                result.digest().periods().size(),
                                paid.calls(),
                                cached.hits(),
                                paid.usage().inputTokens(),
                                paid.usage().outputTokens(),
                                paid.cost()
                                        .map(c -> ", $"
                                                + c.setScale(4, java.math.RoundingMode.HALF_UP)
                                                        .toPlainString())
                                        .orElse(", cost unknown (no price for the model)"));
            }
        } catch (java.io.UncheckedIOException e) {
            err.println("dragoman digest: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        warnings.forEach(w -> err.println("dragoman digest: warning: " + w));
        err.flush();
        int articles = result.digest().periods().stream()
                .mapToInt(io.dragoman.core.output.Digest.Period::articles)
                .sum();
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Wrote the digest of %d articles in %d periods to %s and %s.%n",
                        articles,
                        result.digest().periods().size(),
                        result.markdown(),
                        result.site().index().resolveSibling("digest.html"));
        spec.commandLine().getOut().flush();
        return warnings.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** Prints what the overviews would send and cost; writes nothing. */
    private int estimate(RunStore store, DigestOptions options, ModelChoice choice) {
        PrintWriter out = spec.commandLine().getOut();
        ProviderInfo info = choice.plannedModel(
                parent.environment(), parent.ollamaAnswers(), spec.commandLine().getErr());
        DigestWriter digests = new DigestWriter(dir);
        ModelOverviews planner = new ModelOverviews(
                ModelProviders.offline(info.kind(), info.model()), choice.library(), CallSession.detached(), w -> {});
        TokenCounter tokens = JTokkitTokenCounter.o200k();
        io.dragoman.core.output.Digest digest = digests.digest(store, options);
        long input = 0;
        int calls = 0;
        for (io.dragoman.core.output.Digest.Period p : digest.periods()) {
            List<DigestWriter.Summarized> summaries = digests.summaries(store, p);
            if (!summaries.isEmpty()) {
                ModelRequest r = planner.request(p, summaries);
                input += tokens.count(r.system()) + tokens.count(r.user());
                calls++;
            }
        }
        long output = (long) calls * ModelOverviews.OUTPUT_TOKENS;
        Optional<java.math.BigDecimal> cost = choice.prices().cost(info.kind(), info.model(), new Usage(input, output));
        out.printf(
                Locale.ROOT,
                "Overviews by %s %s: %d calls, %,d input tokens, at most %,d output tokens, at most %s. Nothing sent.%n",
                info.kind().id(),
                info.model(),
                calls,
                input,
                output,
                cost.map(c -> "$"
                                + c.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString())
                        .orElse("an unknown cost (no price for the model)"));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code day} or {@code week}, as typed. */
    static final class PeriodOption implements picocli.CommandLine.ITypeConverter<DigestOptions.Period> {
        @Override
        public DigestOptions.Period convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "day" -> DigestOptions.Period.DAY;
                case "week" -> DigestOptions.Period.WEEK;
                default ->
                    throw new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not a period: day or week.");
            };
        }
    }
}
