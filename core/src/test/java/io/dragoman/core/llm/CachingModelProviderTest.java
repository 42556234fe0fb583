package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingModelProviderTest {

    private static final ProviderInfo INFO = new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://a/v1");
    private static final String SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"],"
                    + "\"additionalProperties\":false}";
    private static final ModelRequest REQUEST =
            ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 500, 0.2);

    @TempDir
    Path dir;

    private RunStore store;

    @BeforeEach
    void openStore() {
        store = RunStore.open(dir.resolve("dragoman.db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A provider that answers every request with what {@code answer} gives, and remembers the requests. */
    private static final class Fake implements ModelProvider {
        private final ProviderInfo info;
        private final Function<ModelRequest, ModelReply> answer;
        final List<ModelRequest> calls = new ArrayList<>();

        Fake(ProviderInfo info, Function<ModelRequest, ModelReply> answer) {
            this.info = info;
            this.answer = answer;
        }

        Fake(Function<ModelRequest, ModelReply> answer) {
            this(INFO, answer);
        }

        @Override
        public synchronized ModelReply chat(ModelRequest request) {
            calls.add(request);
            return answer.apply(request);
        }

        @Override
        public ProviderInfo info() {
            return info;
        }
    }

    private static ModelReply reply(String text, FinishReason finish) {
        return new ModelReply(text, finish, Optional.of(new Usage(40, 7)), ProviderKind.OPENAI, "gpt-4.1-mini-2025");
    }

    private static ModelReply echo(ModelRequest request) {
        return reply("EN: " + request.user(), FinishReason.STOP);
    }

    @Test
    void aRepeatedCallIsAnsweredFromTheCacheWithoutCallingTheModel() {
        Fake model = new Fake(CachingModelProviderTest::echo);
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());

        ModelReply first = cached.chat(REQUEST);
        ModelReply second = cached.chat(REQUEST);

        assertThat(model.calls).hasSize(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.usage()).contains(new Usage(40, 7));
        assertThat(second.model()).isEqualTo("gpt-4.1-mini-2025");
        assertThat(cached.hits()).isEqualTo(1);
        assertThat(cached.misses()).isEqualTo(1);
        assertThat(cached.savedUsage()).isEqualTo(new Usage(40, 7));
        assertThat(cached.info()).isEqualTo(INFO);
    }

    @Test
    void changingOneWordOfARenderedPromptMissesOnlyThatCall() {
        Fake model = new Fake(CachingModelProviderTest::echo);
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());
        ModelRequest other = ModelRequest.of("Summarise in English.", "Die Katze schläft.", 500, 0.2);
        cached.chat(REQUEST);
        cached.chat(other);

        // the prompt file behind the system message changed one word: its calls miss, the others still hit
        ModelRequest edited = ModelRequest.of("Translate into British English.", "Der Hund bellt laut.", 500, 0.2);
        cached.chat(edited);
        cached.chat(other);

        assertThat(model.calls).containsExactly(REQUEST, other, edited);
        assertThat(cached.hits()).isEqualTo(1);
    }

    @Test
    void everyParameterThatDecidesTheReplyIsPartOfTheKey() {
        String base = CachingModelProvider.key(INFO, REQUEST);
        List<String> others = List.of(
                CachingModelProvider.key(
                        new ProviderInfo(ProviderKind.MISTRAL, "gpt-4.1-mini", "http://a/v1"), REQUEST),
                CachingModelProvider.key(new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1", "http://a/v1"), REQUEST),
                CachingModelProvider.key(INFO, ModelRequest.of("", "Der Hund bellt laut.", 500, 0.2)),
                CachingModelProvider.key(INFO, ModelRequest.of("Translate into English.", "Der Hund bellt.", 500, 0.2)),
                CachingModelProvider.key(
                        INFO, ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 501, 0.2)),
                CachingModelProvider.key(
                        INFO, ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 500, 0.3)),
                CachingModelProvider.key(
                        INFO, ModelRequest.json("Translate into English.", "Der Hund bellt laut.", 500, 0.2, SCHEMA)),
                // moving text between the messages is another request, not the same characters in another order
                CachingModelProvider.key(
                        INFO, ModelRequest.of("Translate into English.Der", " Hund bellt laut.", 500, 0.2)));

        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(others).doesNotContain(base).doesNotHaveDuplicates();
        assertThat(CachingModelProvider.key(
                        new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://b/v1"), REQUEST))
                .as("the base URL is not part of the key")
                .isEqualTo(base);
        assertThat(CachingModelProvider.key(
                        INFO, ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 500, 0.2)))
                .as("an equal request has the same key")
                .isEqualTo(base);
    }

    @Test
    void requestsWithDifferentParametersAreSeparateCalls() {
        Fake model = new Fake(CachingModelProviderTest::echo);
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());

        cached.chat(REQUEST);
        cached.chat(ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 900, 0.2));
        cached.chat(ModelRequest.of("Translate into English.", "Der Hund bellt laut.", 500, 0.0));
        cached.chat(ModelRequest.json("Translate into English.", "Der Hund bellt laut.", 500, 0.2, SCHEMA));
        new CachingModelProvider(
                        new Fake(new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1", "http://a/v1"), model::chat),
                        store.callCache())
                .chat(REQUEST);

        assertThat(model.calls).hasSize(5);
        assertThat(cached.hits()).isZero();
    }

    @Test
    void truncatedOrFilteredRepliesAreNotCached() {
        Fake model = new Fake(request -> reply("EN: The dog", FinishReason.LENGTH));
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());

        assertThat(cached.chat(REQUEST).truncated()).isTrue();
        assertThat(cached.chat(REQUEST).truncated()).isTrue();

        Fake filtered = new Fake(request -> reply("", FinishReason.CONTENT_FILTER));
        CachingModelProvider cachedFiltered = new CachingModelProvider(filtered, store.callCache());
        cachedFiltered.chat(REQUEST);
        cachedFiltered.chat(REQUEST);

        assertThat(model.calls).hasSize(2);
        assertThat(filtered.calls).hasSize(2);
        assertThat(store.callCache().get(CachingModelProvider.key(INFO, REQUEST)))
                .isEmpty();
    }

    @Test
    void aSessionCountsOnlyTheCallsThatReachedTheModel() {
        Fake model = new Fake(CachingModelProviderTest::echo);
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());
        ModelRequest other = new ModelRequest(REQUEST.system(), "Die Katze schläft.", 256, 0.0, Optional.empty());
        cached.chat(REQUEST);
        List<ModelCall> heard = new ArrayList<>();
        CallSession session = new CallSession(false, heard::add, PriceTable.builtIn(), JTokkitTokenCounter.o200k());

        cached.chat(REQUEST, session); // replayed
        String text = cached.chat(other, session).text(); // paid

        assertThat(text).isEqualTo("EN: Die Katze schläft.");
        assertThat(session.paid().calls()).isEqualTo(1);
        assertThat(session.paid().usage()).isEqualTo(new Usage(40, 7));
        assertThat(session.paid().cost())
                .isEqualTo(PriceTable.builtIn().cost(ProviderKind.OPENAI, "gpt-4.1-mini-2025", new Usage(40, 7)));
        assertThat(heard).extracting(ModelCall::cached).containsExactly(true, false);
        CallSession later = CallSession.detached();
        cached.chat(other, later);
        assertThat(later.paid()).isEqualTo(Spent.NONE);
    }

    @Test
    void aFreshSessionAsksTheModelAgainAndKeepsTheNewReply() {
        List<String> replies = new ArrayList<>(List.of("EN: first", "EN: second"));
        Fake model = new Fake(request -> new ModelReply(
                replies.remove(0), FinishReason.STOP, Optional.of(new Usage(40, 7)), ProviderKind.OPENAI, "m"));
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());
        cached.chat(REQUEST);

        CallSession fresh = new CallSession(true, call -> {}, PriceTable.builtIn(), JTokkitTokenCounter.o200k());
        String asked = cached.chat(REQUEST, fresh).text();

        assertThat(asked).isEqualTo("EN: second");
        assertThat(fresh.paid().calls()).isEqualTo(1);
        assertThat(cached.chat(REQUEST).text()).isEqualTo("EN: second");
        assertThat(model.calls).hasSize(2);
    }

    @Test
    void aSessionDoesNotCountAFailedCallAndCountsCallsFromSeveralThreads() throws Exception {
        List<RuntimeException> failures =
                new ArrayList<>(List.of(new RetriableFailure("overloaded", 503, Optional.empty(), null)));
        Fake model = new Fake(request -> {
            synchronized (failures) {
                if (!failures.isEmpty()) {
                    throw failures.remove(0);
                }
            }
            return echo(request);
        });
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());
        List<ModelCall> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        CallSession session = new CallSession(false, heard::add, PriceTable.builtIn(), JTokkitTokenCounter.o200k());

        assertThatThrownBy(() -> cached.chat(REQUEST, session)).isInstanceOf(RetriableFailure.class);
        List<Thread> chunks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ModelRequest chunk = new ModelRequest(REQUEST.system(), "Teil " + i, 256, 0.0, Optional.empty());
            Thread t = new Thread(() -> cached.chat(chunk, session));
            chunks.add(t);
            t.start();
        }
        for (Thread t : chunks) {
            t.join(10_000);
        }

        assertThat(session.paid().calls()).isEqualTo(8);
        assertThat(heard).hasSize(9);
        assertThat(heard.get(0).failure()).hasValueSatisfying(f -> assertThat(f).contains("overloaded"));
    }

    @Test
    void failuresPropagateAndAreNotCached() {
        List<RuntimeException> failures = new ArrayList<>(List.of(
                new RetriableFailure("rate limited", 429, Optional.empty(), null),
                new PermanentFailure("bad key", 401, null)));
        Fake model = new Fake(request -> {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return echo(request);
        });
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());

        assertThatThrownBy(() -> cached.chat(REQUEST)).isInstanceOf(RetriableFailure.class);
        assertThatThrownBy(() -> cached.chat(REQUEST)).isInstanceOf(PermanentFailure.class);
        assertThat(cached.chat(REQUEST).text()).isEqualTo("EN: Der Hund bellt laut.");
        assertThat(cached.chat(REQUEST).text()).isEqualTo("EN: Der Hund bellt laut.");

        assertThat(model.calls).hasSize(3);
        assertThat(cached.hits()).isEqualTo(1);
        assertThat(cached.misses()).isEqualTo(3);
    }

    @Test
    void theCacheSurvivesReopeningTheStore() {
        Fake model = new Fake(CachingModelProviderTest::echo);
        ModelReply first = new CachingModelProvider(model, store.callCache()).chat(REQUEST);
        store.close();

        store = RunStore.open(dir.resolve("dragoman.db"));
        CachingModelProvider afterRestart = new CachingModelProvider(model, store.callCache());

        assertThat(afterRestart.chat(REQUEST)).isEqualTo(first);
        assertThat(model.calls).hasSize(1);
        assertThat(afterRestart.hits()).isEqualTo(1);
    }

    @Test
    void aReplyWithoutReportedUsageIsReplayedWithoutUsage() {
        ModelReply noUsage = new ModelReply("Hi.", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "qwen");
        Fake model = new Fake(request -> noUsage);
        CachingModelProvider cached = new CachingModelProvider(model, store.callCache());

        cached.chat(REQUEST);

        assertThat(cached.chat(REQUEST)).isEqualTo(noUsage);
        assertThat(cached.savedUsage()).isEqualTo(new Usage(0, 0));
        assertThat(model.calls).hasSize(1);
    }
}
