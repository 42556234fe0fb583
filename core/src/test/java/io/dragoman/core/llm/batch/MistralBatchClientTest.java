package io.dragoman.core.llm.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import io.dragoman.core.llm.FinishReason;
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

class MistralBatchClientTest {

    static final String KEY = "mistral-dragoman-FAKE-BATCH-KEY-2d7e";
    static WireMockServer server;
    MistralBatchClient client;

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
        client = new MistralBatchClient(ProviderConfig.of(
                ProviderKind.MISTRAL,
                "mistral-small-latest",
                server.baseUrl() + "/v1",
                Optional.of(KEY),
                "MISTRAL_API_KEY"));
    }

    static String job(String id, String status, String extra) {
        return """
                {"id": "%s", "object": "batch", "input_files": ["f-in"], "metadata": {"dragoman_job": "run-1-r1"},
                 "endpoint": "/v1/chat/completions", "model": "mistral-small-latest", "output_file": null,
                 "error_file": null, "errors": [], "status": "%s", "created_at": 1764750000,
                 "total_requests": 3, "completed_requests": 3, "succeeded_requests": 2, "failed_requests": 1,
                 "started_at": 1764750010, "completed_at": null%s}""".formatted(id, status, extra);
    }

    static String completion(String customId, String text, String finish, String usage) {
        return """
                {"id": "r-%s", "custom_id": "%s", "response": {"status_code": 200, "body": {"id": "c", "object": "chat.completion", "model": "mistral-small-2506", "created": 1764750100, "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "%s"}], "usage": %s}}, "error": null}""".formatted(customId, customId, text, finish, usage);
    }

    @Test
    void submitUploadsTheOnlineChatBodiesAsJsonlAndCreatesAJobForTheModelCarryingOurKey() {
        server.stubFor(post("/v1/files").willReturn(okJson("""
                {"id": "f-in", "object": "file", "bytes": 900, "created_at": 1764750000, "filename": "j.jsonl",
                 "purpose": "batch", "sample_type": "batch_request", "source": "upload"}""")));
        server.stubFor(post("/v1/batch/jobs").willReturn(okJson(job("job-1", "QUEUED", ""))));

        String id = client.submit(
                "run-1-r1",
                List.of(
                        new BatchRequest("r1", ModelRequest.of("Translate.", "Guten Tag", 800, 0.2)),
                        new BatchRequest("r2", ModelRequest.json("Sum.", "Text", 500, 0.0, """
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Article summary",
                         "type": "object", "properties": {"h": {"type": "string"}}, "required": ["h"],
                         "additionalProperties": false}"""))));

        assertThat(id).isEqualTo("job-1");
        server.verify(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(containing("name=\"purpose\"\r\n\r\nbatch"))
                .withRequestBody(
                        containing(
                                "{\"custom_id\":\"r1\",\"body\":{\"messages\":[{\"role\":\"system\",\"content\":\"Translate.\"},"
                                        + "{\"role\":\"user\",\"content\":\"Guten Tag\"}],\"temperature\":0.2,\"max_tokens\":800}}"))
                .withRequestBody(containing("\"custom_id\":\"r2\""))
                .withRequestBody(containing("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                        + "\"Article_summary\",\"strict\":true"))
                .withRequestBody(notContaining("max_completion_tokens"))
                .withRequestBody(notContaining("$schema")));
        server.verify(postRequestedFor(urlEqualTo("/v1/batch/jobs"))
                .withRequestBody(matchingJsonPath("$.input_files[0]", equalTo("f-in")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("mistral-small-latest")))
                .withRequestBody(matchingJsonPath("$.endpoint", equalTo("/v1/chat/completions")))
                .withRequestBody(matchingJsonPath("$.metadata.dragoman_job", equalTo("run-1-r1"))));
    }

    @Test
    void statusMapsEveryStateAndTheCounts() {
        for (var state : Map.of(
                        "QUEUED", BatchState.VALIDATING,
                        "RUNNING", BatchState.IN_PROGRESS,
                        "SUCCESS", BatchState.COMPLETED,
                        "FAILED", BatchState.FAILED,
                        "TIMEOUT_EXCEEDED", BatchState.EXPIRED,
                        "CANCELLATION_REQUESTED", BatchState.CANCELLING,
                        "CANCELLED", BatchState.CANCELLED)
                .entrySet()) {
            server.stubFor(get("/v1/batch/jobs/j1").willReturn(okJson(job("j1", state.getKey(), ""))));

            BatchJob job = client.status("j1");

            assertThat(job.state()).as(state.getKey()).isEqualTo(state.getValue());
            assertThat(job.jobKey()).contains("run-1-r1");
            assertThat(List.of(job.total(), job.succeeded(), job.failed())).containsExactly(3, 2, 1);
            assertThat(job.createdAt().getEpochSecond()).isEqualTo(1764750000L);
        }
    }

    @Test
    void resultsComeFromTheOutputAndErrorFilesInAnyOrderWithErroredAndUnprocessedItems() {
        server.stubFor(get("/v1/batch/jobs/j1")
                .willReturn(okJson(job("j1", "TIMEOUT_EXCEEDED", "")
                        .replace("\"output_file\": null", "\"output_file\": \"f-out\"")
                        .replace("\"error_file\": null", "\"error_file\": \"f-err\""))));
        server.stubFor(get("/v1/files/f-out/content")
                .willReturn(aResponse()
                        .withBody(completion(
                                        "c2",
                                        "Second",
                                        "length",
                                        "{\"prompt_tokens\": 120, \"completion_tokens\": 30, \"total_tokens\": 150}")
                                + "\n"
                                + completion(
                                        "c1",
                                        "First",
                                        "stop",
                                        "{\"prompt_tokens\": 100, \"completion_tokens\": 20, \"total_tokens\": 120}")
                                + "\n")));
        server.stubFor(get("/v1/files/f-err/content").willReturn(aResponse().withBody("""
                {"id": "e3", "custom_id": "c3", "response": {"status_code": 400, "body": {"object": "error", "message": "Invalid response_format", "type": "invalid_request_error"}}, "error": null}
                {"id": "e4", "custom_id": "c4", "response": {"status_code": 503, "body": "Service unavailable"}, "error": null}
                {"id": "e5", "custom_id": "c5", "response": null, "error": {"message": "The job timed out before this request ran."}}
                """)));

        Map<String, BatchItem> items = OpenAiBatchClientTest.byId(client.results("j1"));

        assertThat(items).containsOnlyKeys("c1", "c2", "c3", "c4", "c5");
        BatchItem.Answered first = (BatchItem.Answered) items.get("c1");
        assertThat(first.reply().text()).isEqualTo("First");
        assertThat(first.reply().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.reply().provider()).isEqualTo(ProviderKind.MISTRAL);
        assertThat(first.reply().model()).isEqualTo("mistral-small-2506");
        assertThat(first.reply().usage()).contains(new Usage(100, 20));
        assertThat(((BatchItem.Answered) items.get("c2")).reply().finishReason())
                .isEqualTo(FinishReason.LENGTH);
        assertThat((BatchItem.Errored) items.get("c3"))
                .returns(false, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("HTTP 400", "Invalid response_format"));
        assertThat((BatchItem.Errored) items.get("c4"))
                .returns(true, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("Service unavailable"));
        assertThat((BatchItem.Errored) items.get("c5"))
                .returns(true, BatchItem.Errored::retriable)
                .satisfies(e -> assertThat(e.reason()).contains("timed out"));
    }

    @Test
    void aFailedJobSaysWhyAndHasNoResults() {
        server.stubFor(get("/v1/batch/jobs/j9")
                .willReturn(okJson(job("j9", "FAILED", "")
                        .replace(
                                "\"errors\": []",
                                "\"errors\": [{\"message\": \"Invalid model: mistral-nope\", \"count\": 1}]"))));

        BatchJob job = client.status("j9");

        assertThat(job.state()).isEqualTo(BatchState.FAILED);
        assertThat(job.error()).contains("Invalid model: mistral-nope");
        assertThat(client.results("j9")).isEmpty();
    }

    @Test
    void listFindsOnlyOurJobsAcrossPages() {
        String theirs = job("theirs", "SUCCESS", "").replace("{\"dragoman_job\": \"run-1-r1\"}", "null");
        StringBuilder page0 = new StringBuilder(job("j1", "RUNNING", ""));
        for (int i = 0; i < 99; i++) {
            page0.append(", ").append(theirs);
        }
        server.stubFor(get(urlEqualTo("/v1/batch/jobs?page=0&page_size=100"))
                .willReturn(okJson("{\"object\": \"list\", \"total\": 101, \"data\": [" + page0 + "]}")));
        server.stubFor(get(urlEqualTo("/v1/batch/jobs?page=1&page_size=100"))
                .willReturn(okJson(
                        "{\"object\": \"list\", \"total\": 101, \"data\": [" + job("j0", "SUCCESS", "") + "]}")));

        assertThat(client.list()).extracting(BatchJob::id).containsExactly("j1", "j0");
    }

    @Test
    void cancelPostsToTheJob() {
        server.stubFor(post("/v1/batch/jobs/j1/cancel").willReturn(okJson(job("j1", "CANCELLATION_REQUESTED", ""))));

        client.cancel("j1");

        server.verify(postRequestedFor(urlPathEqualTo("/v1/batch/jobs/j1/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void failuresNameTheCallAndNeverTheKey() {
        server.stubFor(
                get("/v1/batch/jobs/j1").willReturn(aResponse().withStatus(401).withBody("""
                {"message": "Unauthorized: %s", "request_id": "q"}""".formatted(KEY))));
        server.stubFor(get("/v1/batch/jobs/j2")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "5")
                        .withBody("{\"message\": \"Requests rate limit exceeded\"}")));

        PermanentFailure rejected = catchThrowableOfType(PermanentFailure.class, () -> client.status("j1"));
        RetriableFailure busy = catchThrowableOfType(RetriableFailure.class, () -> client.status("j2"));

        assertThat(rejected.getMessage())
                .contains("Mistral batch API, GET /batch/jobs/j1: HTTP 401", "Unauthorized")
                .doesNotContain(KEY);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(5));
    }
}
