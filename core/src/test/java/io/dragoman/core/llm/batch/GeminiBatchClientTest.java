package io.dragoman.core.llm.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

class GeminiBatchClientTest {

    static final String KEY = "AIza-dragoman-FAKE-GEMINI-BATCH-KEY-7c1f";
    static WireMockServer server;
    GeminiBatchClient client;

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
        client = new GeminiBatchClient(ProviderConfig.of(
                ProviderKind.GEMINI,
                "gemini-2.5-flash",
                server.baseUrl() + "/v1beta",
                Optional.of(KEY),
                "GEMINI_API_KEY"));
    }

    /** A batch operation as {@code GET batches/{id}} answers it, with {@code extra} fields of the operation. */
    static String operation(String id, String displayName, String state, String extra) {
        return """
                {"name": "batches/%s",
                 "metadata": {"@type": "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch",
                  "model": "models/gemini-2.5-flash", "displayName": "%s", "name": "batches/%s",
                  "createTime": "2026-12-03T08:20:00.123456Z", "updateTime": "2026-12-03T08:25:00Z",
                  "batchStats": {"requestCount": "3", "successfulRequestCount": "2", "failedRequestCount": "1",
                   "pendingRequestCount": "0"},
                  "state": "%s"}%s}""".formatted(id, displayName, id, state, extra);
    }

    static String answer(String key, String text, String finish, String usage) {
        return """
                {"response": {"candidates": [{"content": {"parts": [{"text": "%s"}], "role": "model"},
                  "finishReason": "%s", "index": 0}], "usageMetadata": %s, "modelVersion": "gemini-2.5-flash-001",
                  "responseId": "r-%s"},
                 "metadata": {"key": "%s"}}""".formatted(text, finish, usage, key, key);
    }

    @Test
    void submitSendsTheOnlineGenerateContentBodiesInlineWithTheirKeysAndOurJobKeyAsDisplayName() {
        server.stubFor(post("/v1beta/models/gemini-2.5-flash:batchGenerateContent")
                .willReturn(okJson(operation("b-123", "dragoman_job=run-1-r1", "BATCH_STATE_PENDING", ""))));

        String id = client.submit(
                "run-1-r1",
                List.of(
                        new BatchRequest("r1", ModelRequest.of("Translate.", "Guten Tag", 800, 0.2)),
                        new BatchRequest("r2", ModelRequest.json("Sum.", "Text", 500, 0.0, """
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Article summary",
                         "type": "object", "properties": {"h": {"type": "string"}}, "required": ["h"],
                         "additionalProperties": false}"""))));

        assertThat(id).isEqualTo("b-123");
        server.verify(postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.5-flash:batchGenerateContent"))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.batch.displayName", equalTo("dragoman_job=run-1-r1")))
                .withRequestBody(matchingJsonPath("$.batch.inputConfig.requests.requests[0].request", equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "Guten Tag"}]}],
                         "systemInstruction": {"parts": [{"text": "Translate."}]},
                         "generationConfig": {"maxOutputTokens": 800, "temperature": 0.2}}""")))
                .withRequestBody(
                        matchingJsonPath("$.batch.inputConfig.requests.requests[0].metadata.key", equalTo("r1")))
                .withRequestBody(
                        matchingJsonPath("$.batch.inputConfig.requests.requests[1].metadata.key", equalTo("r2")))
                .withRequestBody(matchingJsonPath(
                        "$.batch.inputConfig.requests.requests[1].request.generationConfig", equalToJson("""
                        {"maxOutputTokens": 500, "temperature": 0.0, "responseMimeType": "application/json",
                         "responseJsonSchema": {"title": "Article summary", "type": "object",
                          "properties": {"h": {"type": "string"}}, "required": ["h"],
                          "additionalProperties": false}}""")))
                .withRequestBody(notContaining("$schema"))
                .withRequestBody(notContaining("responseSchema\"")));
        LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getUrl()).doesNotContain(KEY);
    }

    @Test
    void statusMapsEveryStateInBothSpellingsAndTheCounts() {
        Map<String, BatchState> states = Map.of(
                "PENDING", BatchState.VALIDATING,
                "RUNNING", BatchState.IN_PROGRESS,
                "SUCCEEDED", BatchState.COMPLETED,
                "FAILED", BatchState.FAILED,
                "CANCELLED", BatchState.CANCELLED,
                "EXPIRED", BatchState.EXPIRED);
        for (var state : states.entrySet()) {
            for (String prefix : List.of("BATCH_STATE_", "JOB_STATE_")) {
                server.stubFor(get("/v1beta/batches/b1")
                        .willReturn(okJson(operation("b1", "dragoman_job=run-1-r1", prefix + state.getKey(), ""))));

                BatchJob job = client.status("b1");

                assertThat(job.state()).as(prefix + state.getKey()).isEqualTo(state.getValue());
                assertThat(job.id()).isEqualTo("b1");
                assertThat(job.jobKey()).contains("run-1-r1");
                assertThat(List.of(job.total(), job.succeeded(), job.failed())).containsExactly(3, 2, 1);
                assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-12-03T08:20:00.123456Z"));
            }
        }
        server.verify(getRequestedFor(urlEqualTo("/v1beta/batches/b1")).withHeader("x-goog-api-key", equalTo(KEY)));
    }

    @Test
    void resultsAreTheInlinedResponsesMatchedByKeyInAnyOrderWithErroredItems() {
        server.stubFor(get("/v1beta/batches/b1")
                .willReturn(okJson(operation("b1", "dragoman_job=run-1-r1", "BATCH_STATE_SUCCEEDED", """
                        , "done": true, "response": {
                          "@type": "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput",
                          "inlinedResponses": {"inlinedResponses": [%s, %s,
                           {"error": {"code": 400, "message": "Invalid JSON schema: %s", "status": "INVALID_ARGUMENT"},
                            "metadata": {"key": "c3"}},
                           {"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"},
                            "metadata": {"key": "c4"}},
                           {"response": {"promptFeedback": {"blockReason": "SAFETY"}}, "metadata": {"key": "c5"}}]}}""".formatted(
                                answer(
                                        "c2",
                                        "Second",
                                        "MAX_TOKENS",
                                        "{\"promptTokenCount\": 120, \"candidatesTokenCount\": 30}"),
                                answer(
                                        "c1",
                                        "First",
                                        "STOP",
                                        "{\"promptTokenCount\": 100, \"candidatesTokenCount\": 20,"
                                                + " \"cachedContentTokenCount\": 64,"
                                                + " \"totalTokenCount\": 120}"),
                                KEY)))));

        Map<String, BatchItem> items = OpenAiBatchClientTest.byId(client.results("b1"));

        assertThat(items).containsOnlyKeys("c1", "c2", "c3", "c4", "c5");
        BatchItem.Answered first = (BatchItem.Answered) items.get("c1");
        assertThat(first.reply().text()).isEqualTo("First");
        assertThat(first.reply().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.reply().provider()).isEqualTo(ProviderKind.GEMINI);
        assertThat(first.reply().model()).isEqualTo("gemini-2.5-flash-001");
        assertThat(first.reply().usage()).contains(new Usage(100, 20, 64, 0));
        BatchItem.Answered second = (BatchItem.Answered) items.get("c2");
        assertThat(second.reply().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(second.reply().usage()).contains(new Usage(120, 30));
        assertThat((BatchItem.Errored) items.get("c3"))
                .returns(false, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason())
                        .contains("HTTP 400", "Invalid JSON schema")
                        .doesNotContain(KEY));
        assertThat((BatchItem.Errored) items.get("c4"))
                .returns(true, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("overloaded"));
        assertThat((BatchItem.Errored) items.get("c5"))
                .returns(false, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("blocked", "SAFETY"));
    }

    @Test
    void anUnfinishedJobHasNoResultsYet() {
        server.stubFor(get("/v1beta/batches/b1")
                .willReturn(okJson(operation("b1", "dragoman_job=run-1-r1", "BATCH_STATE_RUNNING", ""))));

        assertThat(client.status("b1").state().ended()).isFalse();
        assertThat(client.results("b1")).isEmpty();
    }

    @Test
    void aFailedJobSaysWhyAndHasNoResults() {
        server.stubFor(
                get("/v1beta/batches/b9")
                        .willReturn(
                                okJson(
                                        operation(
                                                "b9",
                                                "dragoman_job=run-1-r1",
                                                "BATCH_STATE_FAILED",
                                                ", \"done\": true, \"error\": {\"code\": 3, \"message\": \"Model gemini-nope is not found\"}"))));

        BatchJob job = client.status("b9");

        assertThat(job.state()).isEqualTo(BatchState.FAILED);
        assertThat(job.error()).contains("Model gemini-nope is not found");
        assertThat(client.results("b9")).isEmpty();
    }

    @Test
    void listFindsOnlyOurJobsAcrossPagesAndFindTakesTheOneWithTheLostKey() {
        server.stubFor(get(urlEqualTo("/v1beta/batches?pageSize=100"))
                .willReturn(okJson("{\"operations\": ["
                        + operation("b2", "dragoman_job=run-1-r2", "BATCH_STATE_RUNNING", "") + ", "
                        + operation("theirs", "nightly eval", "BATCH_STATE_SUCCEEDED", "")
                        + "], \"nextPageToken\": \"tok/2+\"}")));
        server.stubFor(get(urlEqualTo("/v1beta/batches?pageSize=100&pageToken=tok%2F2%2B"))
                .willReturn(okJson("{\"operations\": ["
                        + operation("b1", "dragoman_job=run-1-r1", "BATCH_STATE_SUCCEEDED", "") + "]}")));

        assertThat(client.list()).extracting(BatchJob::id).containsExactly("b2", "b1");
        assertThat(client.find(new BatchClient.Lost("run-1-r1", 3, Instant.now(), Set.of())))
                .map(BatchJob::id)
                .contains("b1");
        server.verify(getRequestedFor(urlPathEqualTo("/v1beta/batches"))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withQueryParam("key", absent()));
    }

    @Test
    void cancelPostsToTheBatch() {
        server.stubFor(post("/v1beta/batches/b1:cancel").willReturn(okJson("{}")));

        client.cancel("b1");

        server.verify(
                postRequestedFor(urlEqualTo("/v1beta/batches/b1:cancel")).withHeader("x-goog-api-key", equalTo(KEY)));
    }

    @Test
    void failuresNameTheCallAndNeverTheKey() {
        server.stubFor(
                get("/v1beta/batches/b1").willReturn(aResponse().withStatus(400).withBody("""
                {"error": {"code": 400, "message": "API key not valid: %s", "status": "INVALID_ARGUMENT"}}""".formatted(KEY))));
        server.stubFor(get("/v1beta/batches/b2")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody("""
                        {"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}}""")));

        PermanentFailure rejected = catchThrowableOfType(PermanentFailure.class, () -> client.status("b1"));
        RetriableFailure busy = catchThrowableOfType(RetriableFailure.class, () -> client.status("b2"));

        assertThat(rejected.getMessage())
                .contains("Gemini batch API, GET /batches/b1: HTTP 400", "API key not valid")
                .doesNotContain(KEY);
        assertThat(busy.getMessage()).contains("Quota exceeded").doesNotContain(KEY);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(7));
    }
}
