package io.dragoman.beam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.Dragoman;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.setup.ConfigFile;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.llm.setup.OllamaProbe;
import io.dragoman.core.llm.setup.ProviderChoice;
import io.dragoman.core.llm.setup.ProviderResolver;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunListener;
import io.dragoman.core.pipeline.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Runs one shard's articles through the CLI's own batch path ({@link Dragoman#run} over a run store in a temporary
 * directory of the worker), with one rate limiter at the shard's share of the job's limits and the job's call cache
 * in front of the model, and hands on what the CLI would write: each article's {@code articles.jsonl} record, each
 * {@code failures.jsonl} record, each {@code md/<id>.md} page. An article whose model stages did not run (the budget,
 * a rejected key) is handed on nowhere, so a rerun does it.
 */
final class ShardRun extends DoFn<KV<Integer, Iterable<Page>>, String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The statuses that end an article: with model stages, {@code cleaned} means they did not run. */
    private static final Set<String> FINAL = Set.of("summarized", "translated", "needs-review");

    /** The {@code articles.jsonl} records; the main output. */
    static final TupleTag<String> ARTICLES = new TupleTag<>() {};
    /** The {@code failures.jsonl} records. */
    static final TupleTag<String> FAILURES = new TupleTag<>() {};
    /** The Markdown pages, by article id. */
    static final TupleTag<KV<String, String>> PAGES = new TupleTag<>() {};

    private final JobSettings settings;
    private transient LanguageDetector languages;

    ShardRun(JobSettings settings) {
        this.settings = settings;
    }

    /** Loads the language model once for this worker's instance: the cleaner and the checks share it. */
    @Setup
    public void setup() {
        languages = new OpenNlpLanguageDetector();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Page>> shard, MultiOutputReceiver out) throws IOException {
        Path tmp = Files.createTempDirectory("dragoman-shard-");
        try {
            Dragoman.Builder builder = Dragoman.builder()
                    .languages(languages)
                    .cleaner(new DetectingCleaner(BoilerplateProfiles.builtIn(), languages, settings.maxBytes()))
                    .store(tmp.resolve("dragoman.db"))
                    .stages(settings.stages())
                    .concurrency(settings.concurrency());
            if (settings.stages().anyModel()) {
                builder.model(model());
                settings.shardBudget().ifPresent(builder::maxCost);
            }
            Path outputs = tmp.resolve("out");
            try (Dragoman dragoman = builder.build()) {
                Stream<io.dragoman.core.input.Input> inputs = StreamSupport.stream(
                                shard.getValue().spliterator(), false)
                        .map(Page::input);
                RunResult result = dragoman.run(inputs, RunListener.NONE, new BatchRunner.Control());
                if (result.stop() != RunResult.Stop.COMPLETED) {
                    Metrics.counter(DragomanBeam.METRICS, "shards stopped early: " + result.stopMessage())
                            .inc();
                }
                dragoman.writeOutputs(outputs, Optional.of(result));
            }
            handOn(outputs, out);
        } finally {
            delete(tmp);
        }
    }

    /** The model for this shard: resolved from the worker's environment, limited to the shard's share, cached. */
    private ModelProvider model() {
        Map<String, String> env = System.getenv();
        ConfigFile file = ConfigFile.defaultLocation(env)
                .filter(Files::isRegularFile)
                .map(ConfigFile::read)
                .orElse(ConfigFile.NONE);
        ProviderConfig config = new ProviderResolver(env, new OllamaProbe(Duration.ofMillis(500)))
                .resolve(
                        ProviderChoice.flags(
                                Optional.ofNullable(settings.provider()).map(ProviderKind::fromId),
                                Optional.ofNullable(settings.model()),
                                Optional.ofNullable(settings.baseUrl())),
                        file.choice());
        return new CachingModelProvider(
                ModelProviders.create(config, settings.shardLimits()), new OutputCallCache(settings.under("cache")));
    }

    private void handOn(Path outputs, MultiOutputReceiver out) throws IOException {
        boolean models = settings.stages().anyModel();
        for (String line : Files.readAllLines(outputs.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode record = JSON.readTree(line);
            String status = record.path("status").asText();
            Metrics.counter(DragomanBeam.METRICS, "articles " + status).inc();
            if (models ? FINAL.contains(status) : status.equals("cleaned")) {
                out.get(ARTICLES).output(line);
                String id = record.path("id").asText();
                Path page = outputs.resolve("md").resolve(id + ".md");
                if (Files.isRegularFile(page)) {
                    out.get(PAGES).output(KV.of(id, Files.readString(page, StandardCharsets.UTF_8)));
                }
            }
        }
        Path failures = outputs.resolve("failures.jsonl");
        if (Files.isRegularFile(failures)) {
            for (String line : Files.readAllLines(failures, StandardCharsets.UTF_8)) {
                out.get(FAILURES).output(line);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the shard's temporary directory " + dir, e);
        }
    }
}
