package io.dragoman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a provider's batch API (and its chat API, for the requests a run sends online), on 127.0.0.1, in the
 * wire format of OpenAI's Files and Batch APIs, Anthropic's Message Batches, Gemini's batch mode or Mistral's batch jobs: a job is
 * validating, then in progress, and completes a fixed time after it was created; its results answer every request with
 * the synthetic article's translation or summary, in a shuffled order. Counts every request submitted in a job and
 * every online one, per article and kind.
 */
final class BatchStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("Artikel-(\\d{4})");

    private final HttpServer server;
    private final int articles;
    private final Duration takes;
    private final Map<String, String> files = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicIntegerArray batchedTranslations;
    private final AtomicIntegerArray batchedSummaries;
    private final AtomicInteger online = new AtomicInteger();
    private final java.util.Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger statusQuestions = new AtomicInteger();

    private final Dialect dialect;

    /** Whose wire format the stand-in speaks. */
    enum Dialect {
        OPENAI,
        ANTHROPIC,
        GEMINI,
        MISTRAL
    }

    private record Job(String id, String inputFile, String jobKey, long createdNanos, long createdEpoch) {}

    /** An OpenAI stand-in. */
    BatchStandIn(int articles, Duration takes) throws IOException {
        this(Dialect.OPENAI, articles, takes);
    }

    /**
     * @param articles how many synthetic articles there are
     * @param takes how long a job takes from creation to completion
     */
    BatchStandIn(Dialect dialect, int articles, Duration takes) throws IOException {
        this.dialect = dialect;
        this.articles = articles;
        this.takes = takes;
        this.batchedTranslations = new AtomicIntegerArray(articles);
        this.batchedSummaries = new AtomicIntegerArray(articles);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** How many requests for article {@code n}'s translation were submitted in jobs. */
    int batchedTranslations(int n) {
        return batchedTranslations.get(n);
    }

    int batchedSummaries(int n) {
        return batchedSummaries.get(n);
    }

    int jobs() {
        return jobs.size();
    }

    int online() {
        return online.get();
    }

    /** The OpenAI jobs a cancel request named. */
    java.util.Set<String> cancelled() {
        return java.util.Set.copyOf(cancelled);
    }

    int statusQuestions() {
        return statusQuestions.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring("/v1".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (dialect) {
                case OPENAI -> openAi(exchange, method, path, body);
                case ANTHROPIC -> anthropic(exchange, method, path, body);
                case GEMINI -> gemini(exchange, method, path, body);
                case MISTRAL -> mistral(exchange, method, path, body);
            }
        }
    }

    private void openAi(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (method.equals("POST") && path.equals("/files")) {
            String id = "file-" + (files.size() + 1);
            files.put(id, jsonl(new String(body, StandardCharsets.UTF_8)));
            reply(exchange, 200, JSON.createObjectNode().put("id", id).put("object", "file"));
        } else if (method.equals("POST") && path.equals("/batches")) {
            JsonNode create = JSON.readTree(body);
            String file = create.path("input_file_id").asText();
            if (!files.containsKey(file)) {
                reply(exchange, 400, error("no such file"));
                return;
            }
            String id = "batch_" + (jobs.size() + 1);
            Job job = new Job(
                    id,
                    file,
                    create.path("metadata").path("dragoman_job").asText(),
                    System.nanoTime(),
                    System.currentTimeMillis() / 1000);
            count(files.get(file));
            jobs.put(id, job);
            reply(exchange, 200, status(job));
        } else if (method.equals("GET") && path.equals("/batches")) {
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false);
            var data = list.putArray("data");
            List<Job> all;
            synchronized (jobs) {
                all = new ArrayList<>(jobs.values());
            }
            Collections.reverse(all);
            all.forEach(j -> data.add(status(j)));
            reply(exchange, 200, list);
        } else if (method.equals("POST") && path.matches("/batches/[^/]+/cancel")) {
            String id = path.substring("/batches/".length(), path.length() - "/cancel".length());
            Job job = jobs.get(id);
            if (job != null) {
                cancelled.add(id);
            }
            reply(exchange, job == null ? 404 : 200, job == null ? error("no such batch") : status(job));
        } else if (method.equals("GET") && path.startsWith("/batches/")) {
            statusQuestions.incrementAndGet();
            Job job = jobs.get(path.substring("/batches/".length()));
            reply(exchange, job == null ? 404 : 200, job == null ? error("no such batch") : status(job));
        } else if (method.equals("GET") && path.matches("/files/output-batch_\\d+/content")) {
            String id = path.substring("/files/output-".length(), path.length() - "/content".length());
            text(exchange, output(jobs.get(id)));
        } else if (method.equals("POST") && path.equals("/chat/completions")) {
            online.incrementAndGet();
            reply(exchange, 200, JSON.readTree(answer(JSON.readTree(body))));
        } else {
            reply(exchange, 404, error("not here: " + method + " " + path));
        }
    }

    private void anthropic(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (method.equals("POST") && path.equals("/messages/batches")) {
            // the requests as the JSONL a file upload would hold, so that counting and answering are shared
            StringBuilder lines = new StringBuilder();
            String key = "";
            for (JsonNode request : JSON.readTree(body).path("requests")) {
                ObjectNode line = JSON.createObjectNode()
                        .put("custom_id", request.path("custom_id").asText());
                line.set("body", request.path("params"));
                lines.append(line).append('\n');
                key = request.path("custom_id").asText().replaceAll("_.*", "");
            }
            Job job = createOn(lines.toString(), key);
            reply(exchange, 200, anthropicStatus(job));
        } else if (method.equals("GET") && path.equals("/messages/batches")) {
            ObjectNode list = JSON.createObjectNode().put("has_more", false);
            var data = list.putArray("data");
            newestFirst().forEach(j -> data.add(anthropicStatus(j)));
            reply(exchange, 200, list);
        } else if (method.equals("GET") && path.matches("/messages/batches/[^/]+/results")) {
            Job job = jobs.get(path.split("/")[3]);
            List<String> lines = new ArrayList<>();
            for (String line : output(job).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode result = JSON.readTree(line);
                JsonNode completion = result.path("response").path("body");
                ObjectNode item = JSON.createObjectNode()
                        .put("custom_id", result.path("custom_id").asText());
                ObjectNode message =
                        item.putObject("result").put("type", "succeeded").putObject("message");
                message.put("id", "msg_" + lines.size()).put("type", "message").put("role", "assistant");
                message.put("model", "claude-haiku-4-5-20251001").put("stop_reason", "end_turn");
                message.putArray("content")
                        .addObject()
                        .put("type", "text")
                        .put(
                                "text",
                                completion
                                        .path("choices")
                                        .path(0)
                                        .path("message")
                                        .path("content")
                                        .asText());
                message.putObject("usage").put("input_tokens", 1200).put("output_tokens", 900);
                lines.add(item.toString());
            }
            text(exchange, String.join("\n", lines) + "\n");
        } else if (method.equals("GET") && path.startsWith("/messages/batches/")) {
            statusQuestions.incrementAndGet();
            Job job = jobs.get(path.substring("/messages/batches/".length()));
            reply(exchange, job == null ? 404 : 200, job == null ? error("no such batch") : anthropicStatus(job));
        } else if (method.equals("POST") && path.equals("/messages")) {
            online.incrementAndGet();
            reply(exchange, 404, error("online calls are not part of this stand-in"));
        } else {
            reply(exchange, 404, error("not here: " + method + " " + path));
        }
    }

    private ObjectNode anthropicStatus(Job job) {
        int total = total(job);
        boolean ended = completed(job);
        ObjectNode status = JSON.createObjectNode()
                .put("id", job.id())
                .put("type", "message_batch")
                .put("processing_status", ended ? "ended" : "in_progress")
                .put(
                        "created_at",
                        java.time.Instant.ofEpochSecond(job.createdEpoch()).toString());
        status.putNull("cancel_initiated_at");
        if (ended) {
            status.put("results_url", baseUrl() + "/messages/batches/" + job.id() + "/results");
        } else {
            status.putNull("results_url");
        }
        status.putObject("request_counts")
                .put("processing", ended ? 0 : total)
                .put("succeeded", ended ? total : 0)
                .put("errored", 0)
                .put("canceled", 0)
                .put("expired", 0);
        return status;
    }

    private void gemini(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        String query = exchange.getRequestURI().getRawQuery();
        if (key == null || key.isEmpty() || (query != null && query.contains("key="))) {
            reply(exchange, 401, error("the key goes in the x-goog-api-key header"));
        } else if (method.equals("POST") && path.matches("/models/[^/:]+:batchGenerateContent")) {
            // the requests as the JSONL a file upload would hold, so that counting and answering are shared
            JsonNode batch = JSON.readTree(body).path("batch");
            StringBuilder lines = new StringBuilder();
            for (JsonNode request : batch.path("inputConfig").path("requests").path("requests")) {
                ObjectNode line = JSON.createObjectNode()
                        .put("custom_id", request.path("metadata").path("key").asText());
                line.set("body", request.path("request"));
                lines.append(line).append('\n');
            }
            String name = batch.path("displayName").asText();
            Job job = createOn(lines.toString(), name.replaceFirst("^dragoman_job=", ""));
            reply(exchange, 200, geminiOperation(job, false));
        } else if (method.equals("GET") && path.equals("/batches")) {
            ObjectNode list = JSON.createObjectNode();
            var operations = list.putArray("operations");
            for (Job j : newestFirst()) {
                operations.add(geminiOperation(j, false));
            }
            reply(exchange, 200, list);
        } else if (method.equals("GET") && path.startsWith("/batches/")) {
            statusQuestions.incrementAndGet();
            Job job = jobs.get(path.substring("/batches/".length()));
            reply(exchange, job == null ? 404 : 200, job == null ? error("no such batch") : geminiOperation(job, true));
        } else if (path.contains(":generateContent")) {
            online.incrementAndGet();
            reply(exchange, 404, error("online calls are not part of this stand-in"));
        } else {
            reply(exchange, 404, error("not here: " + method + " " + path));
        }
    }

    /** A batch as Gemini's long-running operation; with {@code results}, its inlined responses once it is done. */
    private ObjectNode geminiOperation(Job job, boolean results) throws IOException {
        int total = total(job);
        long age = System.nanoTime() - job.createdNanos();
        boolean done = completed(job);
        String state = done
                ? "BATCH_STATE_SUCCEEDED"
                : age < takes.toNanos() / 4 ? "BATCH_STATE_PENDING" : "BATCH_STATE_RUNNING";
        ObjectNode operation = JSON.createObjectNode().put("name", "batches/" + job.id());
        ObjectNode batch = operation
                .putObject("metadata")
                .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch")
                .put("model", "models/gemini-2.5-flash")
                .put("displayName", "dragoman_job=" + job.jobKey())
                .put("name", "batches/" + job.id())
                .put(
                        "createTime",
                        java.time.Instant.ofEpochSecond(job.createdEpoch()).toString())
                .put("state", state);
        batch.putObject("batchStats")
                .put("requestCount", Integer.toString(total))
                .put("successfulRequestCount", Integer.toString(done ? total : 0))
                .put("pendingRequestCount", Integer.toString(done ? 0 : total));
        operation.put("done", done);
        if (done && results) {
            var inlined = operation
                    .putObject("response")
                    .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput")
                    .putObject("inlinedResponses")
                    .putArray("inlinedResponses");
            for (String line : output(job).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode result = JSON.readTree(line);
                String text = result.path("response")
                        .path("body")
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content")
                        .asText();
                ObjectNode item = inlined.addObject();
                ObjectNode response = item.putObject("response");
                ObjectNode candidate = response.putArray("candidates").addObject();
                ObjectNode content = candidate.putObject("content").put("role", "model");
                content.putArray("parts").addObject().put("text", text);
                candidate.put("finishReason", "STOP").put("index", 0);
                response.putObject("usageMetadata")
                        .put("promptTokenCount", 1200)
                        .put("candidatesTokenCount", 900)
                        .put("totalTokenCount", 2100);
                response.put("modelVersion", "gemini-2.5-flash");
                item.putObject("metadata").put("key", result.path("custom_id").asText());
            }
        }
        return operation;
    }

    private void mistral(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (method.equals("POST") && path.equals("/files")) {
            String id = "file-" + (files.size() + 1);
            files.put(id, jsonl(new String(body, StandardCharsets.UTF_8)));
            reply(exchange, 200, JSON.createObjectNode().put("id", id).put("purpose", "batch"));
        } else if (method.equals("POST") && path.equals("/batch/jobs")) {
            JsonNode create = JSON.readTree(body);
            String file = create.path("input_files").path(0).asText();
            if (!files.containsKey(file)) {
                reply(exchange, 400, error("no such file"));
                return;
            }
            Job job = create(file, create.path("metadata").path("dragoman_job").asText());
            reply(exchange, 200, mistralStatus(job));
        } else if (method.equals("GET") && path.equals("/batch/jobs")) {
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("total", jobs.size());
            var data = list.putArray("data");
            newestFirst().forEach(j -> data.add(mistralStatus(j)));
            reply(exchange, 200, list);
        } else if (method.equals("GET") && path.startsWith("/batch/jobs/")) {
            statusQuestions.incrementAndGet();
            Job job = jobs.get(path.substring("/batch/jobs/".length()));
            reply(exchange, job == null ? 404 : 200, job == null ? error("no such batch") : mistralStatus(job));
        } else if (method.equals("GET") && path.matches("/files/output-batch_\\d+/content")) {
            String id = path.substring("/files/output-".length(), path.length() - "/content".length());
            text(exchange, output(jobs.get(id)));
        } else if (method.equals("POST") && path.equals("/chat/completions")) {
            online.incrementAndGet();
            reply(exchange, 200, JSON.readTree(answer(JSON.readTree(body))));
        } else {
            reply(exchange, 404, error("not here: " + method + " " + path));
        }
    }

    private ObjectNode mistralStatus(Job job) {
        int total = total(job);
        long age = System.nanoTime() - job.createdNanos();
        String state = completed(job) ? "SUCCESS" : age < takes.toNanos() / 4 ? "QUEUED" : "RUNNING";
        ObjectNode status = JSON.createObjectNode()
                .put("id", job.id())
                .put("object", "batch")
                .put("endpoint", "/v1/chat/completions")
                .put("status", state)
                .put("created_at", job.createdEpoch())
                .put("total_requests", total)
                .put("succeeded_requests", state.equals("SUCCESS") ? total : 0)
                .put("failed_requests", 0);
        status.putArray("input_files").add(job.inputFile());
        if (state.equals("SUCCESS")) {
            status.put("output_file", "output-" + job.id());
        } else {
            status.putNull("output_file");
        }
        status.putNull("error_file");
        status.putArray("errors");
        status.putObject("metadata").put("dragoman_job", job.jobKey());
        return status;
    }

    /** A job on the lines given (Anthropic's requests, held as a file would hold them). */
    private Job createOn(String lines, String jobKey) throws IOException {
        String file = "file-" + (files.size() + 1);
        files.put(file, lines);
        return create(file, jobKey);
    }

    /** A job on an uploaded file, its requests counted. */
    private Job create(String file, String jobKey) throws IOException {
        synchronized (jobs) {
            Job job = new Job(
                    "batch_" + (jobs.size() + 1), file, jobKey, System.nanoTime(), System.currentTimeMillis() / 1000);
            count(files.get(file));
            jobs.put(job.id(), job);
            return job;
        }
    }

    private List<Job> newestFirst() {
        List<Job> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        Collections.reverse(all);
        return all;
    }

    private int total(Job job) {
        return (int)
                files.get(job.inputFile()).lines().filter(l -> !l.isBlank()).count();
    }

    private static void text(HttpExchange exchange, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/jsonl");
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    /** The JSONL file out of a multipart upload. */
    private static String jsonl(String multipart) {
        int start = multipart.indexOf("Content-Type: application/jsonl\r\n\r\n");
        int from = start + "Content-Type: application/jsonl\r\n\r\n".length();
        int end = multipart.lastIndexOf("\r\n--");
        return multipart.substring(from, end);
    }

    private void count(String jsonl) throws IOException {
        for (String line : jsonl.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String request = JSON.readTree(line).path("body").toString();
            int n = article(request);
            if (n >= 0) {
                (request.contains("Summarise this") ? batchedSummaries : batchedTranslations).incrementAndGet(n);
            }
        }
    }

    private int article(String request) {
        Matcher m = MARKER.matcher(request);
        int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
        return n < articles ? n : -1;
    }

    private boolean completed(Job job) {
        return System.nanoTime() - job.createdNanos() >= takes.toNanos();
    }

    private ObjectNode status(Job job) {
        int total = (int)
                files.get(job.inputFile()).lines().filter(l -> !l.isBlank()).count();
        long age = System.nanoTime() - job.createdNanos();
        String state = completed(job) ? "completed" : age < takes.toNanos() / 4 ? "validating" : "in_progress";
        ObjectNode status = JSON.createObjectNode()
                .put("id", job.id())
                .put("object", "batch")
                .put("endpoint", "/v1/chat/completions")
                .put("input_file_id", job.inputFile())
                .put("status", state)
                .put("created_at", job.createdEpoch());
        if (state.equals("completed")) {
            status.put("output_file_id", "output-" + job.id());
        }
        status.putObject("request_counts")
                .put("total", total)
                .put("completed", state.equals("completed") ? total : 0)
                .put("failed", 0);
        status.putObject("metadata").put("dragoman_job", job.jobKey());
        return status;
    }

    private String output(Job job) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : files.get(job.inputFile()).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = JSON.readTree(line);
            ObjectNode result = JSON.createObjectNode().put("id", "req-" + lines.size());
            result.put("custom_id", request.path("custom_id").asText());
            ObjectNode response = result.putObject("response").put("status_code", 200);
            response.set("body", JSON.readTree(answer(request.path("body"))));
            lines.add(result.toString());
        }
        Collections.shuffle(lines, new Random(lines.size()));
        return String.join("\n", lines) + "\n";
    }

    /** The chat completion that answers a request body. */
    private String answer(JsonNode body) {
        String request = body.toString();
        int n = article(request);
        StandInRuns.Synthetic a = StandInRuns.Synthetic.of(Math.max(n, 0));
        return TranslateEndToEndTest.completion(request.contains("Summarise this") ? a.summary() : a.translation());
    }

    private static ObjectNode error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message);
        return error;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] out = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }
}
