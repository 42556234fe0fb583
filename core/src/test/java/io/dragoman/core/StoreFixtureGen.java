package io.dragoman.core;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.pipeline.RunStore;
import io.dragoman.core.pipeline.Stage;
import io.dragoman.core.pipeline.Stages;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Temporary: makes the schema-1 store fixture with the code of today. */
final class StoreFixtureGen {

    static final String BROKEN_TITLE_WORDS = "Belarus und Polen vereinbarten";

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

    /** The seed model, answering the broken article's translation with one paragraph only. */
    static final class FixtureModel implements ModelProvider {
        private final DragomanTest.SeedModel seeds = new DragomanTest.SeedModel();

        @Override
        public ModelReply chat(ModelRequest request) {
            if (request.user().contains(BROKEN_TITLE_WORDS)) {
                return new ModelReply(
                        "[T] Belarus and Poland agreed\n\n[D] MINSK, 26 November (BelTA)\n\n[1] Only one paragraph.",
                        FinishReason.STOP,
                        Optional.of(new Usage(800, 40)),
                        ProviderKind.OPENAI,
                        "gpt-4.1-mini");
            }
            return seeds.chat(request);
        }

        @Override
        public ProviderInfo info() {
            return seeds.info();
        }
    }

    static Dragoman.Builder builder(Path db, ModelProvider model) {
        return Dragoman.builder()
                .languages(Seeds.languages())
                .model(model)
                .store(db)
                .concurrency(1)
                .retryFailed(false);
    }

    public static void main(String[] args) throws Exception {
        Path fixture = Path.of(args[0]);
        Path expected = Path.of(args[1]);
        Path work = Files.createTempDirectory("fixture");
        Path db = work.resolve("dragoman.db");
        Input seed2 = inputs().get(1);
        // 1. the second seed translated only
        try (Dragoman d = builder(db, new FixtureModel())
                .stages(Stages.only(Stage.TRANSLATE))
                .build()) {
            d.run(Stream.of(seed2), o -> {}, new BatchRunner.Control());
        }
        // 2. everything else through every stage
        try (Dragoman d = builder(db, new FixtureModel()).build()) {
            List<Input> rest = new ArrayList<>(inputs());
            rest.remove(1);
            RunResult r = d.run(rest.stream(), o -> System.out.println(o), new BatchRunner.Control());
            System.out.println(r);
            // 3. the second seed's summary reply reaches the call cache, its summary never the articles table
            System.out.println(d.process(((Input.Read) seed2).article()));
        }
        // 4. a worker was on the second seed when the run was killed: copy the files while the store is open
        Files.createDirectories(fixture);
        try (RunStore store = RunStore.open(db)) {
            store.markInFlight(Seeds.IDS.get(1));
            for (String f : List.of("dragoman.db", "dragoman.db-wal")) {
                if (Files.exists(work.resolve(f))) {
                    Files.copy(work.resolve(f), fixture.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // 5. what today's code makes of it: resume with a model that must not be called, then render
        Path resume = Files.createTempDirectory("resume");
        for (String f : List.of("dragoman.db", "dragoman.db-wal")) {
            if (Files.exists(fixture.resolve(f))) {
                Files.copy(fixture.resolve(f), resume.resolve(f));
            }
        }
        ModelProvider refusing = new ModelProvider() {
            @Override
            public ModelReply chat(ModelRequest request) {
                throw new AssertionError("a model call: " + request.user().substring(0, 80));
            }

            @Override
            public ProviderInfo info() {
                return new DragomanTest.SeedModel().info();
            }
        };
        try (Dragoman d = builder(resume.resolve("dragoman.db"), refusing).build()) {
            RunResult r = d.run(inputs().stream(), o -> System.out.println(o), new BatchRunner.Control());
            System.out.println(r);
            System.out.println("cache hits " + d.cacheHits());
            d.writeOutputs(expected, Optional.empty());
        }
    }
}
