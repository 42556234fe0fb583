package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.dragoman.core.llm.langchain4j.LangChain4jProvider;
import io.dragoman.core.llm.provider.RetryHint;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.prompt.PromptBlocks;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.summary.SummaryException;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Glossary;
import io.dragoman.core.translate.Translation;
import io.dragoman.core.translate.TranslationArticle;
import io.dragoman.core.translate.TranslationException;
import io.dragoman.core.translate.Translator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every provider must show, against a WireMock server answering in the provider's own wire format
 * (stub bodies under {@code src/test/resources/wiremock/<provider id>/}). Extended once per provider; besides the
 * wire-format facts below, what it checks comes from the provider's {@link io.dragoman.core.llm.provider.ProviderSpec}
 * (the retry hints it sends, whether the summary prompt carries the schema). {@code ProviderContractCoverageTest}
 * checks that every provider has its extension and its stubs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderContractTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String REPLY_START = "MINSK, 26 November (BelTA) – The foreign ministers";
    /** A small schema of the shape Dragoman sends, with the document metadata the summary schema has too. */
    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Headline",
              "type": "object",
              "properties": {
                "headline": {"type": "string", "description": "A short English headline."},
                "topics": {"type": "array", "items": {"type": "string"}}
              },
              "required": ["headline", "topics"],
              "additionalProperties": false
            }
            """;
    /** The text of every provider's {@code summary.json} stub. */
    static final String SUMMARY_TEXT = "{\"headline\":\"Belarus and Russia agree\",\"topics\":[\"foreign policy\"]}";

    WireMockServer server;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** The provider under test. */
    abstract ProviderKind kind();

    /** The model name to configure. */
    abstract String model();

    /** A distinctive fake key in this provider's format, or empty for providers without keys. */
    abstract Optional<String> fakeKey();

    /** The path of the base URL on the server, e.g. {@code /v1}. */
    abstract String basePath();

    /** The path the chat call goes to, e.g. {@code /v1/chat/completions}. */
    abstract String chatPath();

    /** The folder under {@code wiremock/} holding this provider's stub bodies. */
    abstract String fixtures();

    /** The header that carries the key, and its value for {@link #fakeKey()}. */
    abstract MappingBuilder withKeyHeader(MappingBuilder request);

    /** The JSON path of the output token budget in this provider's request body, e.g. {@code $.max_tokens}. */
    abstract String maxTokensJsonPath();

    /**
     * The JSON path of the schema object in this provider's request body, e.g. {@code $.format}, or empty when the
     * provider gets no schema (then {@link ProviderKind#nativeJsonSchema()} must be false).
     */
    abstract Optional<String> schemaJsonPath();

    /** Adds the body patterns for this provider's structured-output switches other than the schema itself. */
    abstract RequestPatternBuilder withStructuredOutputMode(RequestPatternBuilder request);

    /** Where the configured key is said to come from. */
    String keySource() {
        return kind().keyVariable().orElse("");
    }

    /**
     * The usage of {@code reply-cached.json}, whose prompt was partly served from the provider's prompt cache, or
     * empty when the provider's replies have no cache counts.
     */
    Optional<Usage> cachedUsage() {
        return Optional.empty();
    }

    /** The status this provider answers a bad key with. */
    int rejectedKeyStatus() {
        return 401;
    }

    /** The stub body this provider answers a bad key with; it echoes {@link #fakeKey()} (the worst case). */
    String rejectedKeyFixture() {
        return "error-401.json";
    }

    /** The status this provider answers an unknown model with. */
    int unknownModelStatus() {
        return 404;
    }

    @BeforeAll
    void startServer() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
        sleeps.clear();
    }

    ProviderConfig config() {
        return new ProviderConfig(
                kind(),
                model(),
                "http://127.0.0.1:" + server.port() + basePath(),
                fakeKey(),
                fakeKey().isPresent() ? keySource() : "",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    ModelProvider single() {
        return LangChain4jProvider.create(config(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ModelProvider retrying() {
        return new RetryingModelProvider(
                single(),
                new RetryingModelProvider.Settings(
                        3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5)),
                sleeps::add);
    }

    static ModelRequest request() {
        return ModelRequest.of(
                "Translate the article into English.",
                "MINSK, 26. November (BelTA) – Die Außenminister von Belarus und Russland, Wladimir Makej und Sergej"
                        + " Lawrow, führten Gespräche in Minsk.",
                900,
                0.2);
    }

    static ModelRequest summaryRequest() {
        return ModelRequest.json(
                "Summarise the article in English.",
                "MINSK, 26. November (BelTA) – Die Außenminister von Belarus und Russland vereinbarten, ihr Vorgehen"
                        + " auf internationaler Ebene abzustimmen.",
                700,
                0.0,
                SCHEMA);
    }

    ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(resource(fixtures() + "/" + file));
    }

    void stubOnce(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .inScenario("retry")
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("answered once"));
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .inScenario("retry")
                .whenScenarioStateIs("answered once")
                .willReturn(then));
    }

    int chatCalls() {
        return server.findAll(postRequestedFor(urlPathEqualTo(chatPath()))).size();
    }

    @Test
    void returnsTheReplyWithUsageAndSendsTheKeyAndTheOutputBudget() {
        server.stubFor(withKeyHeader(post(urlPathEqualTo(chatPath())))
                .withRequestBody(matchingJsonPath(maxTokensJsonPath(), equalTo("900")))
                .willReturn(json(200, "reply.json")));

        ModelReply reply = retrying().chat(request());

        assertThat(reply.text()).startsWith(REPLY_START);
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.truncated()).isFalse();
        assertThat(reply.usage()).contains(new Usage(412, 318));
        assertThat(reply.provider()).isEqualTo(kind());
        assertThat(reply.model()).isNotBlank();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void readsThePartOfThePromptServedFromTheProvidersPromptCache() {
        assumeTrue(cachedUsage().isPresent(), kind().id() + " replies carry no prompt-cache counts");
        server.stubFor(withKeyHeader(post(urlPathEqualTo(chatPath()))).willReturn(json(200, "reply-cached.json")));

        ModelReply reply = retrying().chat(request());

        assertThat(reply.usage()).isEqualTo(cachedUsage());
        assertThat(reply.usage().orElseThrow().uncachedInputTokens())
                .isEqualTo(cachedUsage().orElseThrow().inputTokens()
                        - cachedUsage().orElseThrow().cachedInputTokens()
                        - cachedUsage().orElseThrow().cacheWriteTokens());
    }

    @Test
    void translatesAnArticleParagraphByParagraphWithUsageAndAnExplicitOutputBudget() {
        server.stubFor(withKeyHeader(post(urlPathEqualTo(chatPath())))
                .withRequestBody(matchingJsonPath(maxTokensJsonPath(), equalTo("512")))
                .willReturn(json(200, "translation.json")));
        Translator translator = Translator.standard(
                retrying(),
                PromptLibrary.builtIn(),
                Glossary.EMPTY,
                PriceTable.builtIn(),
                Translator.Settings.DEFAULT,
                io.dragoman.core.translate.Seeds.languages());

        Translation translation = translator.translate(TranslationArticle.MAKEJ_AND_LAWROW);

        assertThat(translation.title()).isEqualTo("Makei and Lavrov hold talks in Minsk");
        assertThat(translation.dateline()).isEqualTo("MINSK, 26 November (BelTA) –");
        assertThat(translation.paragraphs())
                .containsExactly(
                        "The foreign ministers of Belarus and Russia, Vladimir Makei and Sergei Lavrov, held talks in"
                                + " Minsk.",
                        "They discussed cooperation within the CSTO and the EAEU in 2021.");
        assertThat(translation.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.PASSED));
        assertThat(translation.usage()).isEqualTo(new Usage(412, 318));
        assertThat(translation.calls()).isEqualTo(1);
        assertThat(translation.provider()).isEqualTo(kind());
        assertThat(translation.promptVersions()).containsKey("translate");
        assertThat(chatCalls()).isEqualTo(1);
        String sent = server.findAll(postRequestedFor(urlPathEqualTo(chatPath())))
                .get(0)
                .getBodyAsString();
        assertThat(sent).contains("Lawrow → Lavrov").contains("[2] Sie erörterten");
    }

    @Test
    void sendsTheJsonSchemaInTheProvidersOwnField() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "summary.json")));

        ModelReply reply = retrying().chat(summaryRequest());

        assertThat(reply.text()).isEqualTo(SUMMARY_TEXT);
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(kind().nativeJsonSchema()).isEqualTo(schemaJsonPath().isPresent());
        RequestPatternBuilder sent = postRequestedFor(urlPathEqualTo(chatPath()));
        if (schemaJsonPath().isEmpty()) {
            server.verify(sent.withRequestBody(notContaining("\"headline\"")));
            return;
        }
        String schema = schemaJsonPath().get();
        server.verify(withStructuredOutputMode(sent)
                .withRequestBody(matchingJsonPath(schema + ".type", equalTo("object")))
                .withRequestBody(matchingJsonPath(schema + ".properties.headline.type", equalTo("string")))
                .withRequestBody(matchingJsonPath(
                        schema + ".properties.headline.description", equalTo("A short English headline.")))
                .withRequestBody(matchingJsonPath(schema + ".properties.topics.items.type", equalTo("string")))
                .withRequestBody(matchingJsonPath(schema + ".required[1]", equalTo("topics")))
                .withRequestBody(matchingJsonPath(schema + ".additionalProperties", equalTo("false")))
                .withRequestBody(notContaining("json-schema.org")));
    }

    @Test
    void sendsNoSchemaAndNoStructuredOutputModeForAFreeTextRequest() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "reply.json")));

        retrying().chat(request());

        RequestPatternBuilder sent = postRequestedFor(urlPathEqualTo(chatPath()));
        schemaJsonPath().ifPresent(schema -> sent.withRequestBody(not(matchingJsonPath(schema))));
        server.verify(sent.withRequestBody(notContaining("json_schema")).withRequestBody(notContaining("json_object")));
    }

    Summarizer summarizer() {
        return Summarizer.standard(
                retrying(),
                PromptLibrary.builtIn(),
                PriceTable.builtIn(),
                io.dragoman.core.translate.Seeds.languages());
    }

    @Test
    void neverFollowsARedirectSoTheRequestAndKeyNeverReachAnotherServer() {
        WireMockServer other = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        other.start();
        try {
            other.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                            com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(json(200, "reply.json")));
            String elsewhere = "http://127.0.0.1:" + other.port() + chatPath();
            server.stubFor(post(urlPathEqualTo(chatPath()))
                    .willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere)));

            ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> single().chat(request()));

            assertThat(other.getAllServeEvents())
                    .as("requests the redirect target saw")
                    .isEmpty();
            assertThat(failure).isInstanceOf(PermanentFailure.class);
            assertThat(failure.getMessage())
                    .contains("HTTP 307")
                    .contains("redirect")
                    .contains(elsewhere);
            fakeKey().ifPresent(key -> assertThat(failure.getMessage()).doesNotContain(key));
        } finally {
            other.stop();
        }
    }

    /** Every text value of a request body: the messages, whichever field this provider keeps them in. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new java.util.ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
        return texts;
    }

    @Test
    void sendsHostileArticleTextOnlyInsideTheDataBlocksOfTheTranslateRepairSummaryAndReaskRequests()
            throws IOException {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .withRequestBody(notContaining("Summarise this"))
                .willReturn(json(200, "reply.json")));
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .withRequestBody(containing("Summarise this"))
                .willReturn(json(200, "summary-missing-field.json")));
        Translator translator = Translator.standard(
                single(),
                PromptLibrary.builtIn(),
                Glossary.EMPTY,
                PriceTable.builtIn(),
                Translator.Settings.DEFAULT,
                io.dragoman.core.translate.Seeds.languages());

        TranslationException notTranslated = catchThrowableOfType(
                TranslationException.class, () -> translator.translate(TranslationArticle.HOSTILE));
        SummaryException notSummarised = catchThrowableOfType(SummaryException.class, () -> Summarizer.standard(
                        single(),
                        PromptLibrary.builtIn(),
                        PriceTable.builtIn(),
                        io.dragoman.core.translate.Seeds.languages())
                .summarize(TranslationArticle.HOSTILE));

        assertThat(notTranslated)
                .as("a reply without markers cannot be aligned")
                .isNotNull();
        assertThat(notSummarised)
                .as("a summary missing a field never validates")
                .isNotNull();
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
                server.findAll(postRequestedFor(urlPathEqualTo(chatPath())));
        assertThat(sent).as("translate, repair, summarize, re-ask").hasSize(4);
        ObjectMapper mapper = new ObjectMapper();
        for (var request : sent) {
            List<String> holding = texts(mapper.readTree(request.getBodyAsString())).stream()
                    .filter(t -> TranslationArticle.HOSTILE_FRAGMENTS.stream().anyMatch(t::contains))
                    .toList();
            assertThat(holding).as("one message holds the article").hasSize(1);
            List<PromptBlocks.Block> blocks =
                    PromptBlocks.assertOnlyInsideBlocks(holding.get(0), TranslationArticle.HOSTILE_FRAGMENTS);
            assertThat(blocks).extracting(PromptBlocks.Block::name).contains("article");
        }
    }

    @Test
    void summarisesAnArticleWithThePublishedSchemaInTheProvidersOwnField() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "summary-valid.json")));

        Summary summary = summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW);

        assertThat(summary.fields().headline()).isEqualTo("Aleinik and Lavrov hold talks in Minsk");
        assertThat(summary.fields().people()).hasSize(2);
        assertThat(summary.reasked()).isFalse();
        assertThat(summary.provider()).isEqualTo(kind());
        assertThat(summary.usage()).isEqualTo(new Usage(412, 318));
        assertThat(chatCalls()).isEqualTo(1);
        String schema = schemaJsonPath().orElseThrow();
        server.verify(postRequestedFor(urlPathEqualTo(chatPath()))
                .withRequestBody(matchingJsonPath(schema + ".properties.keyPoints.type", equalTo("array")))
                .withRequestBody(matchingJsonPath(schema + ".properties.people.items.required[1]", equalTo("role"))));
    }

    @Test
    void acceptsASummaryFencedInMarkdown() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "summary-fenced.json")));

        Summary summary = summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW);

        assertThat(summary.fields().topics()).contains("diplomacy");
        assertThat(chatCalls()).isEqualTo(1);
    }

    @Test
    void reasksWithTheValidatorsErrorsWhenTheSummaryLacksAField() {
        stubOnce(json(200, "summary-missing-field.json"), json(200, "summary-valid.json"));

        Summary summary = summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW);

        assertThat(summary.reasked()).isTrue();
        assertThat(summary.calls()).isEqualTo(2);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(chatPath())))
                        .get(1)
                        .getBodyAsString())
                .contains("not a valid summary object")
                .contains("topics");
    }

    @Test
    void reasksATruncatedSummaryWithALargerOutputBudget() {
        stubOnce(json(200, "summary-truncated.json"), json(200, "summary-valid.json"));

        Summary summary = summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW);

        assertThat(summary.fields().headline()).isNotBlank();
        server.verify(postRequestedFor(urlPathEqualTo(chatPath()))
                .withRequestBody(matchingJsonPath(maxTokensJsonPath(), equalTo("4000"))));
    }

    @Test
    void recordsAFailureWithTheRawReplyWhenTheSummaryStaysInvalid() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "summary-missing-field.json")));

        SummaryException failure = catchThrowableOfType(
                SummaryException.class, () -> summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW));

        assertThat(failure).hasMessageContaining("after a re-ask").hasMessageContaining("topics");
        assertThat(failure.rawReply()).hasValueSatisfying(raw -> assertThat(raw).contains("\"headline\""));
        assertThat(failure.calls()).isEqualTo(2);
    }

    @Test
    void reportsAReplyCutOffByTheTokenLimitAsTruncated() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "truncated.json")));

        ModelReply reply = retrying().chat(request());

        assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(reply.truncated()).isTrue();
        assertThat(reply.usage()).contains(new Usage(412, 16));
    }

    @Test
    void waitsAsLongAsRetryAfterSecondsSaysAfterA429ThenSucceeds() {
        stubOnce(json(429, "error-429.json").withHeader("Retry-After", "7"), json(200, "reply.json"));

        ModelReply reply = retrying().chat(request());

        assertThat(reply.text()).startsWith(REPLY_START);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(chatCalls()).isEqualTo(2);
    }

    @Test
    void waitsUntilTheHttpDateInRetryAfterThenSucceeds() {
        String in30Seconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        stubOnce(json(429, "error-429.json").withHeader("Retry-After", in30Seconds), json(200, "reply.json"));

        retrying().chat(request());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void backsOffAndRetriesAfterAServerError() {
        stubOnce(json(500, "error-500.json"), json(200, "reply.json"));

        ModelReply reply = retrying().chat(request());

        assertThat(reply.text()).startsWith(REPLY_START);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250));
    }

    @Test
    void retriesWhenTheProviderIsOverloadedWith529() {
        stubOnce(json(529, "error-529.json"), json(200, "reply.json"));

        assertThat(retrying().chat(request()).text()).startsWith(REPLY_START);
        assertThat(chatCalls()).isEqualTo(2);
    }

    @Test
    void givesUpWithARetriableFailureAfterTheLastAttempt() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(500, "error-500.json")));

        RetriableFailure failure =
                catchThrowableOfType(RetriableFailure.class, () -> retrying().chat(request()));

        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure).hasMessageContaining("gave up after 3 attempts");
        assertThat(chatCalls()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void reportsAnUnreadableReplyAsRetriable() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>502 Bad Gateway</body></html>")));

        assertThatThrownBy(() -> single().chat(request()))
                .isInstanceOf(RetriableFailure.class)
                .hasMessageContaining("not a valid " + kind().id() + " reply")
                .hasMessageContaining("--base-url");
    }

    @Test
    void reportsAnEmptyReplyAsRetriableSayingTheBodyWasEmpty() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("")));

        assertThatThrownBy(() -> single().chat(request()))
                .isInstanceOf(RetriableFailure.class)
                .hasMessageContaining(kind().id() + " (" + model())
                .hasMessageContaining("answered HTTP 200 with an empty body instead of a reply");
    }

    @Test
    void reportsAConnectionClosedBeforeTheReplyAsRetriableSayingSo() {
        server.stubFor(
                post(urlPathEqualTo(chatPath())).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> single().chat(request()))
                .isInstanceOf(RetriableFailure.class)
                .hasMessageContaining("The connection to " + kind().id() + " (" + model())
                .hasMessageContaining("was closed before a reply arrived")
                .hasMessageNotContaining("UncheckedIOException")
                .satisfies(f -> assertThat(((ModelFailure) f).noConnection())
                        .as("the request reached the server")
                        .isFalse());
    }

    @Test
    void reportsARefusedConnectionAsRetriableWithNoConnectionMade() {
        ProviderConfig closed = config();
        ProviderConfig refusing = new ProviderConfig(
                closed.kind(),
                closed.model(),
                "http://127.0.0.1:1" + basePath(),
                closed.apiKey(),
                closed.keySource(),
                closed.connectTimeout(),
                closed.readTimeout());

        ModelFailure failure = catchThrowableOfType(
                ModelFailure.class, () -> LangChain4jProvider.create(refusing, Clock.fixed(NOW, ZoneOffset.UTC))
                        .chat(request()));

        assertThat(failure).isInstanceOf(RetriableFailure.class).hasMessageContaining("Could not connect to");
        assertThat(failure.noConnection()).isTrue();
    }

    @Test
    void retriesAConnectionClosedWithoutAnswerAndThenSucceeds() {
        stubOnce(aResponse().withFault(Fault.EMPTY_RESPONSE), json(200, "reply.json"));

        assertThat(retrying().chat(request()).text()).startsWith(REPLY_START);
        assertThat(chatCalls()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void reportsATimeoutAsRetriable() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .willReturn(json(200, "reply.json").withFixedDelay(1500)));
        ModelProvider impatient = LangChain4jProvider.create(
                config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> impatient.chat(request()))
                .isInstanceOf(RetriableFailure.class)
                .hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void reportsARejectedKeyAsPermanentNamingWhereTheKeyCameFromWithoutRetrying() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(rejectedKeyStatus(), rejectedKeyFixture())));

        PermanentFailure failure =
                catchThrowableOfType(PermanentFailure.class, () -> retrying().chat(request()));

        assertThat(failure.httpStatus()).isEqualTo(rejectedKeyStatus());
        assertThat(failure)
                .hasMessageContaining(
                        fakeKey().isPresent()
                                ? "the key in " + keySource() + " was rejected"
                                : "the request without an API key was rejected");
        assertThat(chatCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void reportsAnUnknownModelAsPermanentWithoutRetrying() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(unknownModelStatus(), "error-404.json")));

        PermanentFailure failure =
                catchThrowableOfType(PermanentFailure.class, () -> retrying().chat(request()));

        assertThat(failure.httpStatus()).isEqualTo(unknownModelStatus());
        assertThat(failure).hasMessageContaining(model());
        assertThat(chatCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverShowsTheApiKeyInFailuresStackTracesOrToString() {
        assumeTrue(fakeKey().isPresent(), "this provider takes no key");
        String key = fakeKey().orElseThrow();
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(rejectedKeyStatus(), rejectedKeyFixture())));
        assertThat(resource(fixtures() + "/" + rejectedKeyFixture()))
                .as("the stub echoes the key")
                .contains(key);
        ModelProvider provider = retrying();

        PermanentFailure failure = catchThrowableOfType(PermanentFailure.class, () -> provider.chat(request()));

        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(failure.getMessage()).doesNotContain(key);
        assertThat(failure.toString()).doesNotContain(key);
        assertThat(trace.toString()).doesNotContain(key);
        assertThat(config().toString()).doesNotContain(key).contains("apiKey=***");
        assertThat(single().toString()).doesNotContain(key);
        assertThat(provider.info().toString()).doesNotContain(key);
    }

    @Test
    void putsTheSchemaInTheSummaryPromptExactlyWhenTheSpecSaysSo() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "summary-valid.json")));

        summarizer().summarize(TranslationArticle.MAKEJ_AND_LAWROW);

        // the schema block's words are in the prompt only, and the schema's shape is sent either way
        RequestPatternBuilder sent = postRequestedFor(urlPathEqualTo(chatPath()));
        server.verify(
                kind().spec().schemaInPrompt()
                        ? sent.withRequestBody(containing("JSON Schema of the answer"))
                        : sent.withRequestBody(notContaining("JSON Schema of the answer")));
        server.verify(sent.withRequestBody(containing("additionalProperties")));
    }

    /** After a 429 carrying one of the provider's retry hints, the retry waits as long as the hint says. */
    @TestFactory
    Stream<DynamicTest> waitsAsLongAsEachRetryHintOfTheProviderSays() {
        return kind().spec().retryHints().stream()
                .map(hint -> DynamicTest.dynamicTest(hint.name(), () -> {
                    resetServer();
                    stubOnce(
                            withHint(hint, aResponse().withStatus(429).withBody(RATE_LIMITED)),
                            json(200, "reply.json"));

                    assertThat(retrying().chat(request()).text()).startsWith(REPLY_START);
                    assertThat(sleeps).containsExactly(hintedWait(hint));
                }));
    }

    /**
     * A successful reply whose rate-limit hint says the window is used up pauses the shared limiter, so the next call
     * waits instead of collecting a 429.
     */
    @TestFactory
    Stream<DynamicTest> pausesTheSharedLimiterForEachExhaustedLimitHintOnASuccessfulReply() {
        return kind().spec().retryHints().stream()
                .filter(hint -> hint == RetryHint.RATE_LIMIT_RESET || hint == RetryHint.ANTHROPIC_RATE_LIMIT_RESET)
                .map(hint -> DynamicTest.dynamicTest(hint.name(), () -> {
                    resetServer();
                    server.stubFor(
                            post(urlPathEqualTo(chatPath())).willReturn(withHint(hint, json(200, "reply.json"))));
                    AtomicLong nanos = new AtomicLong();
                    RateLimiter limiter = new RateLimiter(RateLimiter.Limits.NONE, nanos::get, d -> {
                        sleeps.add(d);
                        nanos.addAndGet(d.toNanos());
                    });
                    ModelProvider provider = ModelProviders.create(
                            config(),
                            limiter,
                            RetryingModelProvider.Settings.DEFAULT,
                            sleeps::add,
                            Clock.fixed(NOW, ZoneOffset.UTC));

                    provider.chat(request());
                    provider.chat(request());

                    assertThat(sleeps).containsExactly(hintedWait(hint));
                }));
    }

    /** An error body of no provider in particular. */
    static final String RATE_LIMITED = "{\"error\": {\"code\": 429, \"message\": \"Rate limit reached.\"}}";

    /** The response with the hint added, asking for {@link #hintedWait}. */
    static ResponseDefinitionBuilder withHint(RetryHint hint, ResponseDefinitionBuilder response) {
        return switch (hint) {
            case RETRY_AFTER_MS -> response.withHeader("retry-after-ms", "1500");
            case RETRY_AFTER -> response.withHeader("Retry-After", "7");
            case RATE_LIMIT_RESET ->
                response.withHeader("x-ratelimit-remaining-requests", "0")
                        .withHeader("x-ratelimit-reset-requests", "19.5s")
                        .withHeader("x-ratelimit-remaining-tokens", "39000")
                        .withHeader("x-ratelimit-reset-tokens", "1.5s");
            case ANTHROPIC_RATE_LIMIT_RESET ->
                response.withHeader("anthropic-ratelimit-requests-remaining", "0")
                        .withHeader(
                                "anthropic-ratelimit-requests-reset",
                                NOW.plusSeconds(30).toString());
            case GEMINI_RETRY_INFO -> response.withBody("""
                    {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "details": [
                      {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "41s"}]}}
                    """);
        };
    }

    /** The wait {@link #withHint} asks for. */
    static Duration hintedWait(RetryHint hint) {
        return switch (hint) {
            case RETRY_AFTER_MS -> Duration.ofMillis(1500);
            case RETRY_AFTER -> Duration.ofSeconds(7);
            case RATE_LIMIT_RESET -> Duration.ofMillis(19_500);
            case ANTHROPIC_RATE_LIMIT_RESET -> Duration.ofSeconds(30);
            case GEMINI_RETRY_INFO -> Duration.ofSeconds(41);
        };
    }

    static String resource(String path) {
        try (InputStream in = ProviderContractTest.class.getResourceAsStream("/wiremock/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource wiremock/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
