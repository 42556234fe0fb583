package io.dragoman.core.golden;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.Dragoman;
import io.dragoman.core.article.Stages;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.soak.ModelWire;
import io.dragoman.core.translate.Seeds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The whole stack a {@code dragoman run} uses, pointed at a {@link StandInModel} on 127.0.0.1: the OpenAI provider
 * (LangChain4j client, failure mapping), the shared rate limiter and the retries with the default policy, then the
 * {@link Dragoman} facade with its run store, call cache, translator, summarizer and output writer. Waits are recorded
 * instead of slept and every clock is fixed, so a run with hundreds of faults takes seconds and its outputs do not
 * depend on the time. Close it to stop the server.
 */
final class GoldenStack implements AutoCloseable {

    /** The time every clock of the stack shows. */
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** Short, so an injected timeout costs little, yet far above a reply's time on a loaded machine. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    /** Articles processed at once, as a user's run against an OpenAI-compatible server would. */
    static final int CONCURRENCY = 4;

    private static final int TIMEOUT_DELAY_MS = 1_600;

    private final WireMockServer server;
    private final StandInModel standIn;
    private final Queue<Duration> retryWaits = new ConcurrentLinkedQueue<>();
    private final Queue<Duration> limiterWaits = new ConcurrentLinkedQueue<>();
    private final ModelProvider model;

    /** Starts the stand-in with this mix of faults and these articles. */
    GoldenStack(ReplyPlan.Mix mix, StandInModel.Script script) {
        standIn = new StandInModel(mix, script, NOW, TIMEOUT_DELAY_MS);
        server = startOnAFiveDigitPort(standIn);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        ProviderConfig config = new ProviderConfig(
                StandInModel.KIND,
                ModelWire.model(StandInModel.KIND),
                ModelWire.baseUrl(StandInModel.KIND, server.port()),
                Optional.of("golden-stand-in-key"),
                "OPENAI_API_KEY",
                Duration.ofSeconds(5),
                READ_TIMEOUT);
        model = ModelProviders.create(
                config,
                new RateLimiter(new RateLimiter.Limits(3_000, 10_000_000), System::nanoTime, limiterWaits::add),
                RetryingModelProvider.Settings.DEFAULT,
                retryWaits::add,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * A started server on a free port of five digits, as the system hands out (32768 and up on Linux, 49152 and up
     * elsewhere). The port is normalised away in the outputs, but its length is not: {@code report.json} cuts a
     * failure reason that names the base URL at 100 characters.
     */
    private static WireMockServer startOnAFiveDigitPort(StandInModel standIn) {
        for (int attempt = 0; attempt < 20; attempt++) {
            WireMockServer started = new WireMockServer(options()
                    .bindAddress("127.0.0.1")
                    .dynamicPort()
                    .http2PlainDisabled(true)
                    .containerThreads(4 * CONCURRENCY + 16)
                    .disableRequestJournal()
                    .stubRequestLoggingDisabled(true)
                    .extensionScanningEnabled(false)
                    .extensions(standIn));
            started.start();
            if (started.port() >= 10_000) {
                return started;
            }
            started.stop();
        }
        throw new IllegalStateException("The system gave no free port of five digits in 20 tries.");
    }

    /** The provider stack on the stand-in. */
    ModelProvider model() {
        return model;
    }

    /** The stand-in, for what it saw. */
    StandInModel standIn() {
        return standIn;
    }

    /** The waits the retries asked for, in no particular order. */
    List<Duration> retryWaits() {
        return new ArrayList<>(retryWaits);
    }

    /** Translates and summarises the inputs into {@code dir} with the stack's own model; see {@link #run(Run)}. */
    RunResult run(Path dir, Supplier<Stream<Input>> inputs) {
        return run(new Run(dir, inputs, true, true, model, false));
    }

    /**
     * One run as {@code dragoman run} makes it: a first pass lets the cleaner learn the batch's chrome, then the batch
     * runs against {@code dir/dragoman.db} and the outputs are rendered into {@code dir}.
     *
     * @param dir the output directory, with the run store in it
     * @param inputs the inputs, read once per pass
     * @param translate whether to translate
     * @param summarize whether to summarise
     * @param model the model to run with: the stack's own, or one in front of it
     * @param force whether the store's articles are forgotten first ({@code --force}); its call cache is kept
     * @param prompts the prompts to run with ({@code --prompts DIR}, or the built-in ones)
     */
    record Run(
            Path dir,
            Supplier<Stream<Input>> inputs,
            boolean translate,
            boolean summarize,
            ModelProvider model,
            boolean force,
            PromptLibrary prompts) {

        /** A run with the built-in prompts. */
        Run(
                Path dir,
                Supplier<Stream<Input>> inputs,
                boolean translate,
                boolean summarize,
                ModelProvider model,
                boolean force) {
            this(dir, inputs, translate, summarize, model, force, PromptLibrary.builtIn());
        }
    }

    /** Runs as the record says and writes the outputs. */
    RunResult run(Run run) {
        try (Dragoman dragoman = Dragoman.builder()
                .languages(Seeds.languages())
                .model(run.model())
                .prompts(run.prompts())
                .stages(new Stages(run.translate(), run.summarize()))
                .store(run.dir().resolve("dragoman.db"))
                .concurrency(CONCURRENCY)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()) {
            if (run.force()) {
                dragoman.forgetArticles();
            }
            dragoman.learn(run.inputs().get());
            RunResult result = dragoman.run(run.inputs().get(), outcome -> {}, new BatchRunner.Control());
            dragoman.writeOutputs(run.dir(), Optional.of(result));
            return result;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
