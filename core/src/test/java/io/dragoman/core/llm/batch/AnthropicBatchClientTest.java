package io.dragoman.core.llm.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicBatchClientTest {

    static final String KEY = "sk-ant-dragoman-FAKE-BATCH-KEY-4be1";
    static final String JOB_KEY = "dragoman-0123abcd";
    static WireMockServer server;
    AnthropicBatchClient client;

    @BeforeAll
    static void start() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        client = new AnthropicBatchClient(ProviderConfig.of(
                ProviderKind.ANTHROPIC,
                "claude-haiku-4-5",
                server.baseUrl() + "/v1",
                Optional.of(KEY),
                "ANTHROPIC_API_KEY"));
    }

    /** A batch as the API shows it; {@code results} is null until it ended. */
    static String batch(String id, String status, String counts, String created, String extra) {
        boolean ended = status.equals("ended");
        return """
                {"id": "%s", "type": "message_batch", "processing_status": "%s",
                 "request_counts": {%s}, "ended_at": %s, "created_at": "%s",
                 "expires_at": "2026-12-05T19:00:00.000000Z", "archived_at": null, "cancel_initiated_at": null,
                 "results_url": %s%s}""".formatted(
                        id,
                        status,
                        counts,
                        ended ? "\"2026-12-04T20:00:00.000000Z\"" : "null",
                        created,
                        ended ? "\"https://elsewhere.invalid/v1/messages/batches/" + id + "/results\"" : "null",
                        extra);
    }

    static String counts(int processing, int succeeded, int errored, int canceled, int expired) {
        return "\"processing\": %d, \"succeeded\": %d, \"errored\": %d, \"canceled\": %d, \"expired\": %d"
                .formatted(processing, succeeded, errored, canceled, expired);
    }

    static String succeeded(String customId, String text, String stop, String usage) {
        return """
                {"custom_id": "%s", "result": {"type": "succeeded", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5-20251001", "content": [{"type": "text", "text": "%s"}], "stop_reason": "%s", "stop_sequence": null, "usage": %s}}}""".formatted(customId, text, stop, usage);
    }

    static String errored(String customId, String type, String message) {
        return """
                {"custom_id": "%s", "result": {"type": "errored", "error": {"type": "error", "error": {"type": "%s", "message": "%s"}}}}""".formatted(customId, type, message);
    }

    static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Article summary",
             "type": "object", "properties": {"h": {"type": "string"}}, "required": ["h"],
             "additionalProperties": false}""";

    @Test
    void submitSendsTheOnlineParamsWithACachedSystemMessageAndOurKeyInEveryCustomId() {
        server.stubFor(post("/v1/messages/batches")
                .willReturn(okJson(
                        batch("msgbatch_01", "in_progress", counts(2, 0, 0, 0, 0), "2026-12-04T19:00:00Z", ""))));

        String id = client.submit(
                JOB_KEY,
                List.of(
                        new BatchRequest("r1", ModelRequest.of("Translate.", "Guten Tag", 800, 0.2)),
                        new BatchRequest("r2", ModelRequest.json("Sum.", "Text", 500, 0.0, SCHEMA))));

        assertThat(id).isEqualTo("msgbatch_01");
        server.verify(postRequestedFor(urlEqualTo("/v1/messages/batches"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withRequestBody(matchingJsonPath("$.requests[0].custom_id", equalTo(JOB_KEY + "_r1")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.model", equalTo("claude-haiku-4-5")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.max_tokens", equalTo("800")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.temperature", equalTo("0.2")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.system[0].text", equalTo("Translate.")))
                .withRequestBody(
                        matchingJsonPath("$.requests[0].params.system[0].cache_control.type", equalTo("ephemeral")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.messages.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.messages[0].role", equalTo("user")))
                .withRequestBody(
                        matchingJsonPath("$.requests[0].params.messages[0].content[0].text", equalTo("Guten Tag")))
                .withRequestBody(matchingJsonPath("$.requests[0].params.output_config", absent()))
                .withRequestBody(matchingJsonPath("$.requests[1].custom_id", equalTo(JOB_KEY + "_r2")))
                .withRequestBody(
                        matchingJsonPath("$.requests[1].params.output_config.format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath(
                        "$.requests[1].params.output_config.format.schema.title", equalTo("Article summary")))
                .withRequestBody(
                        matchingJsonPath("$.requests[1].params.output_config.format.schema['$schema']", absent())));
    }

    @Test
    void submitRefusesAJobKeyThatCannotTravelInTheCustomIds() {
        var request = List.of(new BatchRequest("r1", ModelRequest.of("S", "U", 10, 0)));

        assertThatThrownBy(() -> client.submit("job_with_underscore", request))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.submit(
                        "k".repeat(60),
                        List.of(new BatchRequest("r12345", request.get(0).request()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void statusMapsEveryStateAndTheCounts() {
        record Case(String status, String counts, String extra, BatchState state) {}
        for (Case c : List.of(
                new Case("in_progress", counts(3, 1, 1, 0, 0), "", BatchState.IN_PROGRESS),
                new Case("canceling", counts(3, 1, 1, 0, 0), "", BatchState.CANCELLING),
                new Case("ended", counts(0, 3, 1, 0, 1), "", BatchState.COMPLETED),
                new Case("ended", counts(0, 0, 0, 0, 5), "", BatchState.EXPIRED),
                new Case(
                        "ended",
                        counts(0, 1, 1, 3, 0),
                        ", \"cancel_initiated_at\": \"2026-12-04T19:30:00Z\"",
                        BatchState.CANCELLED))) {
            String json = batch("b1", c.status(), c.counts(), "2026-12-04T19:00:00.123456Z", "");
            if (!c.extra().isEmpty()) {
                json = json.replace("\"cancel_initiated_at\": null", c.extra().substring(2));
            }
            server.stubFor(get("/v1/messages/batches/b1").willReturn(okJson(json)));

            BatchJob job = client.status("b1");

            assertThat(job.state()).as(c.toString()).isEqualTo(c.state());
            assertThat(job.total()).isEqualTo(5);
            assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-12-04T19:00:00.123456Z"));
        }
        BatchJob running = client.status("b1");
        assertThat(List.of(running.succeeded(), running.failed())).containsExactly(1, 4);
    }

    @Test
    void resultsComeInAnyOrderByOurCustomIdsWithErroredCanceledAndExpiredItems() {
        server.stubFor(get("/v1/messages/batches/b1")
                .willReturn(okJson(batch("b1", "ended", counts(0, 2, 2, 1, 1), "2026-12-04T19:00:00Z", ""))));
        server.stubFor(get("/v1/messages/batches/b1/results")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/binary")
                        .withBody(String.join(
                                "\n",
                                errored(JOB_KEY + "_r5", "overloaded_error", "Overloaded"),
                                succeeded(
                                        JOB_KEY + "_r2",
                                        "Second",
                                        "max_tokens",
                                        "{\"input_tokens\": 20, \"output_tokens\": 30, \"cache_read_input_tokens\":"
                                                + " 2000, \"cache_creation_input_tokens\": 0}"),
                                "{\"custom_id\": \"" + JOB_KEY + "_r4\", \"result\": {\"type\": \"expired\"}}",
                                errored(JOB_KEY + "_r3", "invalid_request_error", "max_tokens: too large"),
                                succeeded(
                                        JOB_KEY + "_r1",
                                        "First",
                                        "end_turn",
                                        "{\"input_tokens\": 100, \"output_tokens\": 20, \"cache_read_input_tokens\":"
                                                + " 0, \"cache_creation_input_tokens\": 400}"),
                                "{\"custom_id\": \"" + JOB_KEY + "_r6\", \"result\": {\"type\": \"canceled\"}}",
                                ""))));

        Map<String, BatchItem> items = OpenAiBatchClientTest.byId(client.results("b1"));

        assertThat(items).containsOnlyKeys("r1", "r2", "r3", "r4", "r5", "r6");
        BatchItem.Answered first = (BatchItem.Answered) items.get("r1");
        assertThat(first.reply().text()).isEqualTo("First");
        assertThat(first.reply().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.reply().provider()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(first.reply().model()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(first.reply().usage()).contains(new Usage(500, 20, 0, 400));
        BatchItem.Answered second = (BatchItem.Answered) items.get("r2");
        assertThat(second.reply().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(second.reply().usage()).contains(new Usage(2020, 30, 2000, 0));
        assertThat((BatchItem.Errored) items.get("r3"))
                .returns(false, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("invalid_request_error", "max_tokens: too large"));
        assertThat((BatchItem.Errored) items.get("r4")).returns(true, BatchItem.Errored::retriable);
        assertThat((BatchItem.Errored) items.get("r5")).returns(true, BatchItem.Errored::retriable);
        assertThat((BatchItem.Errored) items.get("r6")).returns(true, BatchItem.Errored::retriable);
        // the results are read from our base URL, not the host results_url names
        server.verify(
                getRequestedFor(urlEqualTo("/v1/messages/batches/b1/results")).withHeader("x-api-key", equalTo(KEY)));
    }

    @Test
    void aBatchThatEndedWithEveryItemErroredIsCompletedWithOnlyErrors() {
        server.stubFor(get("/v1/messages/batches/b2")
                .willReturn(okJson(batch("b2", "ended", counts(0, 0, 2, 0, 0), "2026-12-04T19:00:00Z", ""))));
        server.stubFor(get("/v1/messages/batches/b2/results")
                .willReturn(aResponse()
                        .withBody(errored(JOB_KEY + "_r1", "invalid_request_error", "model: not found") + "\n"
                                + errored(JOB_KEY + "_r2", "invalid_request_error", "model: not found") + "\n")));

        BatchJob job = client.status("b2");
        List<BatchItem> items = client.results("b2");

        assertThat(job.state()).isEqualTo(BatchState.COMPLETED);
        assertThat(job.failed()).isEqualTo(2);
        assertThat(items).hasSize(2).allSatisfy(i -> assertThat(i)
                .isInstanceOfSatisfying(
                        BatchItem.Errored.class, e -> assertThat(e.retriable()).isFalse()));
    }

    @Test
    void aBatchStillInProgressHasNoResultsYet() {
        server.stubFor(get("/v1/messages/batches/b3")
                .willReturn(okJson(batch("b3", "in_progress", counts(2, 0, 0, 0, 0), "2026-12-04T19:00:00Z", ""))));

        assertThat(client.results("b3")).isEmpty();
        server.verify(0, getRequestedFor(urlEqualTo("/v1/messages/batches/b3/results")));
    }

    @Test
    void listFindsOurEndedJobsAcrossPagesByTheKeyInTheirFirstResult() {
        server.stubFor(get(urlEqualTo("/v1/messages/batches?limit=100")).willReturn(okJson("""
                {"data": [%s, %s], "has_more": true, "first_id": "b1", "last_id": "theirs"}""".formatted(
                        batch("b1", "ended", counts(0, 1, 0, 0, 0), "2026-12-04T19:00:00Z", ""),
                        batch("theirs", "ended", counts(0, 1, 0, 0, 0), "2026-12-04T18:00:00Z", "")))));
        server.stubFor(get(urlEqualTo("/v1/messages/batches?limit=100&after_id=theirs"))
                .willReturn(okJson(
                        """
                {"data": [%s], "has_more": false, "first_id": "b0", "last_id": "b0"}""".formatted(batch("b0", "ended", counts(0, 1, 0, 0, 0), "2026-12-04T17:00:00Z", "")))));
        server.stubFor(get("/v1/messages/batches/b1/results")
                .willReturn(aResponse().withBody(succeeded(JOB_KEY + "_r1", "x", "end_turn", "{}") + "\n")));
        server.stubFor(get("/v1/messages/batches/theirs/results")
                .willReturn(aResponse().withBody(succeeded("someone-else", "x", "end_turn", "{}") + "\n")));
        server.stubFor(get("/v1/messages/batches/b0/results")
                .willReturn(aResponse().withBody(succeeded("dragoman-older_r1", "x", "end_turn", "{}") + "\n")));

        List<BatchJob> ours = client.list();

        assertThat(ours).extracting(BatchJob::id).containsExactly("b1", "b0");
        assertThat(ours)
                .extracting(BatchJob::jobKey)
                .containsExactly(Optional.of(JOB_KEY), Optional.of("dragoman-older"));
    }

    @Test
    void findTakesTheUnendedJobOfTheRecordedSizeCreatedClosestAfterItWasRecorded() {
        Instant prepared = Instant.parse("2026-12-04T19:00:00Z");
        server.stubFor(get(urlEqualTo("/v1/messages/batches?limit=100")).willReturn(okJson("""
                {"data": [%s, %s, %s, %s, %s], "has_more": false, "first_id": "a", "last_id": "e"}""".formatted(
                        batch("later", "in_progress", counts(3, 0, 0, 0, 0), "2026-12-04T19:40:00Z", ""),
                        batch("ours", "in_progress", counts(2, 1, 0, 0, 0), "2026-12-04T19:00:02Z", ""),
                        batch("known", "in_progress", counts(3, 0, 0, 0, 0), "2026-12-04T19:00:01Z", ""),
                        batch("other-size", "in_progress", counts(4, 0, 0, 0, 0), "2026-12-04T19:00:01Z", ""),
                        batch("before", "in_progress", counts(3, 0, 0, 0, 0), "2026-12-04T17:00:00Z", "")))));

        Optional<BatchJob> found = client.find(new BatchClient.Lost(JOB_KEY, 3, prepared, Set.of("known")));

        assertThat(found).map(BatchJob::id).contains("ours");
        assertThat(found.get().jobKey()).contains(JOB_KEY);
        assertThat(client.find(new BatchClient.Lost(JOB_KEY, 7, prepared, Set.of())))
                .isEmpty();
    }

    @Test
    void findPrefersTheEndedJobWhoseResultsNameOurKeyAndSkipsEndedOnesOfOtherKeys() {
        Instant prepared = Instant.parse("2026-12-04T19:00:00Z");
        server.stubFor(get(urlEqualTo("/v1/messages/batches?limit=100")).willReturn(okJson("""
                {"data": [%s, %s, %s], "has_more": false, "first_id": "a", "last_id": "c"}""".formatted(
                        batch("running", "in_progress", counts(2, 0, 0, 0, 0), "2026-12-04T19:00:01Z", ""),
                        batch("other", "ended", counts(0, 2, 0, 0, 0), "2026-12-04T19:00:00Z", ""),
                        batch("ours", "ended", counts(0, 2, 0, 0, 0), "2026-12-04T19:00:03Z", "")))));
        server.stubFor(get("/v1/messages/batches/other/results")
                .willReturn(aResponse().withBody(succeeded("dragoman-other_r1", "x", "end_turn", "{}"))));
        server.stubFor(get("/v1/messages/batches/ours/results")
                .willReturn(aResponse().withBody("\n" + succeeded(JOB_KEY + "_r2", "x", "end_turn", "{}"))));

        assertThat(client.find(new BatchClient.Lost(JOB_KEY, 2, prepared, Set.of())))
                .map(BatchJob::id)
                .contains("ours");
    }

    @Test
    void cancelPostsToTheJob() {
        server.stubFor(post("/v1/messages/batches/b1/cancel")
                .willReturn(okJson(batch("b1", "canceling", counts(2, 0, 0, 0, 0), "2026-12-04T19:00:00Z", ""))));

        client.cancel("b1");

        server.verify(postRequestedFor(urlPathEqualTo("/v1/messages/batches/b1/cancel"))
                .withHeader("anthropic-version", equalTo("2023-06-01")));
    }

    @Test
    void failuresNameTheCallAndNeverTheKey() {
        server.stubFor(get("/v1/messages/batches/b1")
                .willReturn(aResponse().withStatus(401).withBody("""
                {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key %s"}}""".formatted(KEY))));
        server.stubFor(get("/v1/messages/batches/b2")
                .willReturn(aResponse()
                        .withStatus(529)
                        .withHeader("retry-after", "11")
                        .withBody("{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\"}}")));
        server.stubFor(get("/v1/messages/batches/b3")
                .willReturn(okJson(batch("b3", "ended", counts(0, 0, 1, 0, 0), "2026-12-04T19:00:00Z", ""))));
        server.stubFor(get("/v1/messages/batches/b3/results")
                .willReturn(aResponse().withBody(errored(JOB_KEY + "_r1", "invalid_request_error", "echo " + KEY))));

        PermanentFailure rejected = catchThrowableOfType(PermanentFailure.class, () -> client.status("b1"));
        RetriableFailure busy = catchThrowableOfType(RetriableFailure.class, () -> client.status("b2"));
        BatchItem.Errored echoed = (BatchItem.Errored) client.results("b3").get(0);

        assertThat(rejected.getMessage())
                .contains("Anthropic batch API, GET /messages/batches/b1: HTTP 401", "invalid x-api-key")
                .doesNotContain(KEY);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(11));
        assertThat(echoed.reason()).doesNotContain(KEY);
    }
}
