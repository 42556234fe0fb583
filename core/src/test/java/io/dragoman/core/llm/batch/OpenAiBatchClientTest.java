package io.dragoman.core.llm.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiBatchClientTest {

    static final String KEY = "sk-dragoman-FAKE-BATCH-KEY-91c2";
    static WireMockServer server;
    OpenAiBatchClient client;

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
        client = new OpenAiBatchClient(ProviderConfig.of(
                ProviderKind.OPENAI, "gpt-4.1-mini", server.baseUrl() + "/v1", Optional.of(KEY), "OPENAI_API_KEY"));
    }

    static String job(String id, String status, String extra) {
        return """
                {"id": "%s", "object": "batch", "endpoint": "/v1/chat/completions", "errors": null,
                 "input_file_id": "file-in", "completion_window": "24h", "status": "%s",
                 "created_at": 1764750000, "request_counts": {"total": 3, "completed": 2, "failed": 1},
                 "metadata": {"dragoman_job": "run-1-r1"}%s}""".formatted(id, status, extra);
    }

    @Test
    void submitUploadsTheRequestsAsJsonlAndCreatesAJobCarryingOurKey() {
        server.stubFor(post("/v1/files").willReturn(okJson("""
                {"id": "file-in", "object": "file", "bytes": 1200, "purpose": "batch", "filename": "j.jsonl"}""")));
        server.stubFor(post("/v1/batches").willReturn(okJson(job("batch_abc", "validating", ""))));

        String id = client.submit(
                "run-1-r1",
                List.of(
                        new BatchRequest("a1-translate", ModelRequest.of("Translate.", "Guten Tag", 800, 0.2)),
                        new BatchRequest("a1-summary", ModelRequest.json("Sum.", "Text", 500, 0.0, """
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Article summary",
                         "type": "object", "properties": {"h": {"type": "string"}}, "required": ["h"],
                         "additionalProperties": false}"""))));

        assertThat(id).isEqualTo("batch_abc");
        server.verify(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(containing("name=\"purpose\"\r\n\r\nbatch"))
                .withRequestBody(containing("\"custom_id\":\"a1-translate\""))
                .withRequestBody(containing("\"url\":\"/v1/chat/completions\""))
                .withRequestBody(containing("\"max_completion_tokens\":800"))
                .withRequestBody(containing("\"name\":\"Article_summary\",\"strict\":true"))
                .withRequestBody(containing("\"custom_id\":\"a1-summary\"")));
        server.verify(postRequestedFor(urlEqualTo("/v1/batches"))
                .withRequestBody(matchingJsonPath("$.input_file_id", equalTo("file-in")))
                .withRequestBody(matchingJsonPath("$.endpoint", equalTo("/v1/chat/completions")))
                .withRequestBody(matchingJsonPath("$.completion_window", equalTo("24h")))
                .withRequestBody(matchingJsonPath("$.metadata.dragoman_job", equalTo("run-1-r1"))));
    }

    @Test
    void statusMapsEveryStateAndTheCounts() {
        for (var state : Map.of(
                        "validating", BatchState.VALIDATING,
                        "in_progress", BatchState.IN_PROGRESS,
                        "finalizing", BatchState.FINALIZING,
                        "completed", BatchState.COMPLETED,
                        "failed", BatchState.FAILED,
                        "expired", BatchState.EXPIRED,
                        "cancelling", BatchState.CANCELLING,
                        "cancelled", BatchState.CANCELLED)
                .entrySet()) {
            server.stubFor(get("/v1/batches/b1").willReturn(okJson(job("b1", state.getKey(), ""))));

            BatchJob job = client.status("b1");

            assertThat(job.state()).isEqualTo(state.getValue());
            assertThat(job.jobKey()).contains("run-1-r1");
            assertThat(List.of(job.total(), job.succeeded(), job.failed())).containsExactly(3, 2, 1);
        }
    }

    @Test
    void resultsComeFromTheOutputAndErrorFilesInAnyOrderWithErroredAndExpiredItems() {
        server.stubFor(get("/v1/batches/b1")
                .willReturn(okJson(
                        job("b1", "expired", ", \"output_file_id\": \"file-out\", \"error_file_id\": \"file-err\""))));
        server.stubFor(get("/v1/files/file-out/content").willReturn(aResponse().withBody("""
                {"id": "r2", "custom_id": "c2", "response": {"status_code": 200, "request_id": "q2", "body": {"id": "x", "object": "chat.completion", "model": "gpt-4.1-mini-2025-04-14", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Second"}, "finish_reason": "length"}], "usage": {"prompt_tokens": 120, "completion_tokens": 30, "prompt_tokens_details": {"cached_tokens": 64}}}}, "error": null}
                {"id": "r1", "custom_id": "c1", "response": {"status_code": 200, "request_id": "q1", "body": {"id": "y", "object": "chat.completion", "model": "gpt-4.1-mini-2025-04-14", "choices": [{"index": 0, "message": {"role": "assistant", "content": "First"}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 100, "completion_tokens": 20}}}, "error": null}
                """)));
        server.stubFor(get("/v1/files/file-err/content").willReturn(aResponse().withBody("""
                {"id": "r3", "custom_id": "c3", "response": {"status_code": 400, "request_id": "q3", "body": {"error": {"message": "Invalid schema", "type": "invalid_request_error"}}}, "error": null}
                {"id": "r4", "custom_id": "c4", "response": null, "error": {"code": "batch_expired", "message": "This request could not be executed before the completion window expired."}}
                """)));

        Map<String, BatchItem> items = byId(client.results("b1"));

        assertThat(items).containsOnlyKeys("c1", "c2", "c3", "c4");
        BatchItem.Answered first = (BatchItem.Answered) items.get("c1");
        assertThat(first.reply().text()).isEqualTo("First");
        assertThat(first.reply().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.reply().usage()).contains(new Usage(100, 20));
        BatchItem.Answered second = (BatchItem.Answered) items.get("c2");
        assertThat(second.reply().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(second.reply().usage()).contains(new Usage(120, 30, 64, 0));
        assertThat((BatchItem.Errored) items.get("c3"))
                .returns(false, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("Invalid schema"));
        assertThat((BatchItem.Errored) items.get("c4")).returns(true, BatchItem.Errored::retriable);
    }

    @Test
    void aFailedJobSaysWhyAndHasNoResults() {
        server.stubFor(get("/v1/batches/b9").willReturn(okJson(job("b9", "failed", """
                , "errors": {"object": "list", "data": [{"code": "invalid_json_line", "line": 1,
                  "message": "This line is not parseable as valid JSON."}]}"""))));

        BatchJob job = client.status("b9");

        assertThat(job.state()).isEqualTo(BatchState.FAILED);
        assertThat(job.error()).contains("This line is not parseable as valid JSON.");
        assertThat(client.results("b9")).isEmpty();
    }

    @Test
    void listFindsOnlyOurJobsAcrossPages() {
        server.stubFor(get(urlEqualTo("/v1/batches?limit=100"))
                .willReturn(okJson("""
                {"object": "list", "data": [%s, {"id": "theirs", "status": "completed", "created_at": 1, "metadata": {}}],
                 "first_id": "b1", "last_id": "theirs", "has_more": true}""".formatted(job("b1", "in_progress", "")))));
        server.stubFor(get(urlEqualTo("/v1/batches?limit=100&after=theirs"))
                .willReturn(okJson("""
                {"object": "list", "data": [%s], "first_id": "b0", "last_id": "b0", "has_more": false}""".formatted(job("b0", "completed", "")))));

        assertThat(client.list()).extracting(BatchJob::id).containsExactly("b1", "b0");
    }

    @Test
    void cancelPostsToTheJob() {
        server.stubFor(post("/v1/batches/b1/cancel").willReturn(okJson(job("b1", "cancelling", ""))));

        client.cancel("b1");

        server.verify(postRequestedFor(urlPathEqualTo("/v1/batches/b1/cancel")));
    }

    @Test
    void failuresNameTheCallAndNeverTheKey() {
        server.stubFor(
                get("/v1/batches/b1").willReturn(aResponse().withStatus(401).withBody("""
                {"error": {"message": "Incorrect API key provided: %s.", "type": "invalid_request_error"}}""".formatted(KEY))));
        server.stubFor(get("/v1/batches/b2")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "7")
                        .withBody("busy")));

        PermanentFailure rejected = catchThrowableOfType(PermanentFailure.class, () -> client.status("b1"));
        RetriableFailure busy = catchThrowableOfType(RetriableFailure.class, () -> client.status("b2"));

        assertThat(rejected.getMessage())
                .contains("OpenAI batch API, GET /batches/b1: HTTP 401", "Incorrect API key")
                .doesNotContain(KEY);
        assertThat(rejected.httpStatus()).isEqualTo(401);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        assertThat(busy).isInstanceOf(ModelFailure.class);
    }

    static Map<String, BatchItem> byId(List<BatchItem> items) {
        Map<String, BatchItem> map = new java.util.HashMap<>();
        items.forEach(i -> map.put(i.customId(), i));
        return map;
    }
}
