package io.dragoman.cli;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
import io.dragoman.core.pipeline.Estimator;
import io.dragoman.core.translate.Reviewer;
import io.dragoman.core.translate.Translator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman estimate}: tokens and cost of a run before anything is sent. Needs no key. */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Estimate the tokens and the cost of translating and summarising the inputs, per article and in total,"
                    + " before any call: the requests are rendered and counted, the output is a range, prices come"
                    + " from the price table. Sends nothing and needs no API key.",
        },
        footer = {"", ExitCodes.ESTIMATE_HELP})
final class EstimateCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(
            names = "--only",
            paramLabel = "STAGE",
            converter = StageOption.class,
            completionCandidates = StageOption.class,
            description = "Estimate only this stage: ${COMPLETION-CANDIDATES} (default: translate and summarize).")
    Stage only;

    @Mixin
    ModelOptions models;

    @Option(
            names = "--batch",
            description = "Price at the provider's batch prices, as run --batch pays (half the online price on most).")
    boolean batch;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        models.validate();
        Stages stages = only == null ? Stages.ALL : Stages.only(only);
        if (!stages.anyModel()) {
            throw new IllegalArgumentException("--only clean calls no model: there is nothing to estimate.");
        }
        ProviderInfo info = models.plannedModel(parent.environment(), parent.ollamaAnswers(), err);
        Cleaned cleaned = clean(parent, input, true, err);
        if (cleaned.foundNothing()) {
            err.println(input.nothingFound());
            err.flush();
            return ExitCodes.SOME_FAILED;
        }
        new EstimateReport(estimator(models, info, stages, batch), info, out, batch).table(cleaned.articles());
        out.flush();
        err.flush();
        return cleaned.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** The articles the inputs yield, and how many inputs failed (each named on {@code err}). */
    record Cleaned(List<CleanedArticle> articles, int failed) {
        /** Whether the inputs held nothing to clean: no article and no failure. */
        boolean foundNothing() {
            return articles.isEmpty() && failed == 0;
        }
    }

    /**
     * Cleans every input in memory, for estimates and dry runs, naming each failure on {@code err}, and first, when
     * {@code saySkipped}, the files the directory listings skipped as not articles.
     */
    static Cleaned clean(DragomanCommand parent, InputOptions input, boolean saySkipped, PrintWriter err) {
        List<CleanedArticle> articles = new ArrayList<>();
        int[] failed = {0};
        InputReader reader = input.reader(parent.stdin());
        IntConsumer learned = n -> {
            if (saySkipped) {
                InputOptions.skipped(reader).forEach(err::println);
            }
        };
        new CleanBatch(reader, parent.newCleaner(input.maxBytes)).run(input.inputs, learned, outcome -> {
            if (outcome instanceof CleanOutcome.Cleaned c) {
                articles.add(c.article());
            } else if (outcome instanceof CleanOutcome.Failed f) {
                failed[0]++;
                err.println("dragoman: " + f.location() + ": " + f.reason());
            }
        });
        return new Cleaned(articles, failed[0]);
    }

    /** An estimator for the stages, on a model that sends nothing. */
    static Estimator estimator(ModelOptions models, ProviderInfo info, Stages stages, boolean batch) {
        ModelProvider offline = ModelProviders.offline(info.kind(), info.model());
        Optional<Translator> translator = stages.translate()
                ? Optional.of(models.plannedReviewer()
                        .map(r -> models.translator(offline)
                                .withReviewer(
                                        new Reviewer(ModelProviders.offline(r.kind(), r.model()), models.library())))
                        .orElseGet(() -> models.translator(offline)))
                : Optional.empty();
        return new Estimator(
                translator,
                stages.summarize() ? Optional.of(models.summarizer(offline)) : Optional.empty(),
                JTokkitTokenCounter.o200k(),
                batch ? models.prices().atBatchPrices() : models.prices(),
                info);
    }
}
