package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory left by a run that was killed, written by the Dragoman of schema version 1 and kept as a fixture
 * ({@code store/schema-1}, see {@code store/README.md}): it opens, and the rerun finishes it without a model call,
 * rendering exactly the outputs that Dragoman rendered from it ({@code store/schema-1-resumed}).
 */
class SchemaOneStoreTest {

    /** Words in the title of the fixture's article whose translation failed. */
    private static final String BROKEN_TITLE_WORDS = "Belarus und Polen vereinbarten";

    @TempDir
    Path tmp;

    /** The inputs of the fixture's run, in its order. */
    static List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String id : Seeds.IDS) {
            Path file = Path.of("..", "seeds", id + ".txt");
            inputs.add(
                    new Input.Read(RawArticle.of(new ArticleId(id), "seeds/" + id + ".txt", Files.readAllBytes(file))));
        }
        String seed = Files.readString(Path.of("..", "seeds", Seeds.IDS.get(0) + ".txt"));
        String broken = seed.replace("Belarus und Russland vereinbarten", BROKEN_TITLE_WORDS);
        inputs.add(new Input.Read(RawArticle.of(
                new ArticleId("broken-translation"), "in/broken.txt", broken.getBytes(StandardCharsets.UTF_8))));
        inputs.add(new Input.Read(RawArticle.of(new ArticleId("empty"), "in/empty.txt", new byte[0])));
        inputs.add(new Input.Unreadable("in/missing.html", "no such file or directory"));
        return inputs;
    }

    /**
     * A model that answers only summary requests and counts the calls: the fixture's translations must all come from
     * its cache, while a summary request sends the English translation alone since the fixture was made, so the cache
     * has none of today's.
     */
    private static final class NoCalls implements ModelProvider {
        final AtomicInteger calls = new AtomicInteger();
        private final DragomanTest.SeedModel summaries = new DragomanTest.SeedModel();

        @Override
        public ModelReply chat(ModelRequest request) {
            calls.incrementAndGet();
            if (request.jsonSchema().isEmpty()) {
                throw new AssertionError("a translation call the call cache should have answered");
            }
            return summaries.chat(request);
        }

        @Override
        public ProviderInfo info() {
            return new DragomanTest.SeedModel().info();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SchemaOneStoreTest.class.getResource("/store/" + name), name)
                .toURI());
    }

    @Test
    void aKilledRunOfSchemaOneResumesWithoutModelCallsAndRendersTheSameOutputs() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        for (String file : List.of("dragoman.db", "dragoman.db-wal")) {
            Files.copy(resource("schema-1/" + file), out.resolve(file));
        }
        NoCalls model = new NoCalls();
        RunResult result;
        try (Dragoman dragoman = Dragoman.builder()
                .languages(Seeds.languages())
                .model(model)
                .store(out.resolve("dragoman.db"))
                .concurrency(1)
                .retryFailed(false)
                .build()) {
            result = dragoman.run(inputs().stream(), outcome -> {}, new BatchRunner.Control());
            dragoman.writeOutputs(out, Optional.empty());
        }

        assertThat(model.calls.get())
                .as("model calls: the summary of the article in flight")
                .isEqualTo(1);
        assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
        assertThat(result.done())
                .as("the article in flight, finished from the cache")
                .isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.failed()).as("the unreadable input, recorded again").isEqualTo(1);
        assertThat(result.calls()).isEqualTo(1);

        Path expected = resource("schema-1-resumed");
        if (Boolean.getBoolean("dragoman.golden.update")) {
            // rewrite the expected outputs in the source tree, then review the diff
            Path source = Path.of("src/test/resources/store/schema-1-resumed");
            try (Stream<Path> all = Files.walk(source)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    Files.copy(out.resolve(source.relativize(f).toString()), f, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        List<String> files;
        try (Stream<Path> all = Files.walk(expected)) {
            files = all.filter(Files::isRegularFile)
                    .map(f -> expected.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        try (Stream<Path> pages = Files.list(out.resolve("md"))) {
            assertThat(pages.map(p -> "md/" + p.getFileName()).sorted())
                    .containsExactlyElementsOf(
                            files.stream().filter(f -> f.startsWith("md/")).toList());
        }
        for (String file : files) {
            assertThat(Files.readString(out.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(expected.resolve(file)));
        }
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            assertThat(store.integrityCheck()).isTrue();
        }
    }
}
