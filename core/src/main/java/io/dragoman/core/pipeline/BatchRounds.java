package io.dragoman.core.pipeline;

import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.batch.BatchClient;
import io.dragoman.core.llm.batch.BatchJob;
import io.dragoman.core.llm.batch.BatchRequest;
import io.dragoman.core.llm.batch.BatchedModel;
import io.dragoman.core.llm.retry.Sleeper;
import io.dragoman.core.store.BatchJobTable;
import io.dragoman.core.store.StoredBatchJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A run whose model requests go to the provider as batch jobs, in rounds: a pass over the articles through the one
 * article path, with a {@link BatchedModel} that collects every request it cannot answer yet; those requests as one
 * job (or several, under the provider's limits), committed to the store before it is submitted; waiting for the job
 * with a growing interval; its replies kept in the store; and the next pass, which takes every article a step
 * further. A pass that collects few requests (the repairs and re-asks after the first rounds) sends them online
 * instead. Jobs an earlier run left open are waited for first, found again among the provider's jobs ({@link
 * BatchClient#find}: by our key in their metadata or name, or as the provider's client matches them) when the earlier run
 * stopped between submitting and recording the job's id, so no request is submitted twice.
 */
public final class BatchRounds {

    /**
     * How the rounds go.
     *
     * @param firstPoll how long to wait before asking for a job's state the first time
     * @param maxPoll the longest wait between two questions (each wait doubles until it)
     * @param followups how the requests of the rounds after the first go
     * @param submitOnly submit the first jobs and end the run without waiting for them
     */
    public record Settings(Duration firstPoll, Duration maxPoll, Followups followups, boolean submitOnly) {
        /** 30 s growing to 5 min; follow-ups online when they are few. */
        public static final Settings DEFAULT =
                new Settings(Duration.ofSeconds(30), Duration.ofMinutes(5), Followups.AUTO, false);

        /** Validates the intervals. */
        public Settings {
            Objects.requireNonNull(followups, "followups");
            if (firstPoll.isNegative() || firstPoll.isZero() || maxPoll.compareTo(firstPoll) < 0) {
                throw new IllegalArgumentException("The batch poll intervals must be positive, the longest last.");
            }
        }
    }

    /** How the requests of the rounds after the first go. */
    public enum Followups {
        /** Online when fewer than 20 and at most a tenth of the first round's: a day's wait for few is not worth it. */
        AUTO,
        /** Always as batch jobs. */
        BATCH,
        /** Always online. */
        ONLINE;

        boolean online(int requests, int firstRound) {
            return switch (this) {
                case AUTO -> requests < 20 && requests * 10 <= firstRound;
                case BATCH -> false;
                case ONLINE -> true;
            };
        }
    }

    /** Hears what the jobs do, a line at a time, for the progress display. */
    @FunctionalInterface
    public interface Events {
        void said(String line);
    }

    /** After this many rounds the requests left go online: a provider that keeps expiring jobs cannot hold a run. */
    private static final int MAX_ROUNDS = 8;

    /** How many times a failed submission is tried again before the run stops. */
    private static final int SUBMIT_TRIES = 3;

    private final BatchedModel model;
    private final BatchClient client;
    private final BatchJobTable jobs;
    private final Settings settings;
    private final Sleeper sleeper;
    private final Events events;

    /**
     * @param model the model the article path uses, collecting requests
     * @param client the provider's batch API
     * @param jobs where the jobs are kept
     * @param settings how the rounds go
     * @param sleeper waits between questions
     * @param events hears what the jobs do
     */
    public BatchRounds(
            BatchedModel model,
            BatchClient client,
            BatchJobTable jobs,
            Settings settings,
            Sleeper sleeper,
            Events events) {
        this.model = Objects.requireNonNull(model, "model");
        this.client = Objects.requireNonNull(client, "client");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Runs the rounds to the end, or until the run is stopped (its jobs stay with the provider and in the store; the
     * same run again picks them up).
     *
     * @param inputs the inputs, read again for every pass
     * @param runner runs one pass of the article path over the inputs
     * @param listener hears each article's outcome once, when it is final
     * @param control stops the run
     */
    public RunResult run(
            Supplier<Stream<Input>> inputs, BatchRunner runner, RunListener listener, BatchRunner.Control control) {
        Rounds rounds = new Rounds(listener);
        // one budget for every pass: an article waiting for a job keeps its reservation until its replies are used
        Budget budget = runner.newBudget();
        int firstRound = 0;
        if (!settle(jobs.open(), control)) {
            return rounds.end(control);
        }
        for (int round = 1; ; round++) {
            RunResult result = runner.run(inputs.get(), rounds, control, rounds::settled, budget);
            rounds.add(result);
            boolean budgetReached = result.stop() == RunResult.Stop.BUDGET;
            if (result.stop() != RunResult.Stop.COMPLETED && !budgetReached) {
                return rounds.end(control);
            }
            List<Map.Entry<String, ModelRequest>> collected = model.drain();
            if (collected.isEmpty()) {
                return rounds.end(control);
            }
            if (round == 1) {
                firstRound = collected.size();
            }
            if (!budgetReached
                    && (round > 1 && settings.followups().online(collected.size(), firstRound) || round > MAX_ROUNDS)) {
                events.said(collected.size() + " follow-up " + (collected.size() == 1 ? "request goes" : "requests go")
                        + " online");
                model.goOnline();
                rounds.add(runner.run(inputs.get(), rounds, control, rounds::settled, budget));
                return rounds.end(control);
            }
            Set<String> pending = jobs.pendingCallKeys();
            List<Map.Entry<String, ModelRequest>> fresh = collected.stream()
                    .filter(e -> !pending.contains(e.getKey()))
                    .toList();
            int submitted = 0;
            for (List<Map.Entry<String, ModelRequest>> part : split(fresh)) {
                if (!submit(part, control)) {
                    return rounds.end(control);
                }
                submitted++;
            }
            if (settings.submitOnly() && !budgetReached) {
                control.stop(
                        RunResult.Stop.WAITING,
                        "Submitted " + submitted + (submitted == 1 ? " batch job" : " batch jobs")
                                + "; run the same command again to collect the replies once the provider is done.");
                return rounds.end(control);
            }
            // with the budget reached, the articles it still covers are in the job: wait for it, keep the replies,
            // and end; the next run (with a larger --max-cost) uses them and goes on
            if (!settle(jobs.open(), control) || budgetReached) {
                return rounds.end(control);
            }
        }
    }

    /** The collected requests in parts that fit one job each. */
    private List<List<Map.Entry<String, ModelRequest>>> split(List<Map.Entry<String, ModelRequest>> requests) {
        BatchClient.Limits limits = client.limits();
        List<List<Map.Entry<String, ModelRequest>>> parts = new ArrayList<>();
        List<Map.Entry<String, ModelRequest>> part = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, ModelRequest> e : requests) {
            long size = bytes(e.getValue());
            if (!part.isEmpty() && (part.size() >= limits.maxRequests() || bytes + size > limits.maxBytes())) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(e);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** A generous bound of one request's line in a job's payload: the messages escaped, the schema, the envelope. */
    private static long bytes(ModelRequest request) {
        long text = request.system().getBytes(StandardCharsets.UTF_8).length
                + request.user().getBytes(StandardCharsets.UTF_8).length
                + request.jsonSchema().map(s -> s.length()).orElse(0);
        return text * 6 / 5 + 512;
    }

    /** Records the job, submits it and records the provider's id; false when the run stopped instead. */
    private boolean submit(List<Map.Entry<String, ModelRequest>> part, BatchRunner.Control control) {
        String jobKey = "dragoman-" + UUID.randomUUID().toString().replace("-", "");
        List<BatchJobTable.Item> items = new ArrayList<>();
        List<BatchRequest> requests = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            String customId = "r" + (i + 1);
            items.add(new BatchJobTable.Item(customId, part.get(i).getKey()));
            requests.add(new BatchRequest(customId, part.get(i).getValue()));
        }
        jobs.prepare(jobKey, client.info(), payloadHash(part), items);
        for (int attempt = 1; ; attempt++) {
            try {
                String id = client.submit(jobKey, requests);
                jobs.submitted(jobKey, id);
                events.said("batch job " + id + ": " + part.size() + (part.size() == 1 ? " request" : " requests")
                        + " submitted to " + client.info().kind().id());
                return true;
            } catch (RetriableFailure e) {
                // the provider may have taken the job before the answer was lost: look before submitting again
                Optional<BatchJob> taken = jobs.all().stream()
                        .filter(j -> j.jobKey().equals(jobKey))
                        .findFirst()
                        .flatMap(this::listed);
                if (taken.isPresent()) {
                    jobs.submitted(jobKey, taken.get().id());
                    return true;
                }
                if (attempt >= SUBMIT_TRIES) {
                    // the provider may still have taken it: the next run looks for it by our key
                    control.stop(RunResult.Stop.UNREACHABLE, "Could not submit a batch job: " + e.getMessage());
                    return false;
                }
                events.said("submitting a batch job failed (" + e.getMessage() + "), trying again");
                if (!pause(settings.firstPoll(), control)) {
                    return false;
                }
            } catch (ModelFailure e) {
                jobs.notSubmitted(jobKey);
                control.stop(RunResult.Stop.CONFIGURATION, "The batch job was refused: " + e.getMessage());
                return false;
            }
        }
    }

    /** The recorded job in the provider's jobs; empty when it is not there or they cannot be read. */
    private Optional<BatchJob> listed(StoredBatchJob job) {
        try {
            return client.find(lost(job));
        } catch (ModelFailure e) {
            return Optional.empty();
        }
    }

    /** What the client needs to find the recorded job among the provider's. */
    private BatchClient.Lost lost(StoredBatchJob job) {
        Set<String> known = new java.util.HashSet<>();
        jobs.all().forEach(j -> j.jobId().ifPresent(known::add));
        return new BatchClient.Lost(job.jobKey(), job.requests(), job.createdAt(), known);
    }

    private static String payloadHash(List<Map.Entry<String, ModelRequest>> part) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            part.forEach(e -> digest.update((e.getKey() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have.", e);
        }
    }

    /**
     * Waits for the open jobs to end and keeps their replies; a job recorded without its provider id is looked for in
     * the provider's list of our jobs. False when the run was stopped meanwhile.
     */
    private boolean settle(List<StoredBatchJob> open, BatchRunner.Control control) {
        if (open.isEmpty()) {
            return true;
        }
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (StoredBatchJob job : open) {
            if (job.jobId().isPresent()) {
                ids.put(job.jobKey(), job.jobId().get());
                continue;
            }
            Optional<BatchJob> found;
            try {
                found = client.find(lost(job));
            } catch (ModelFailure e) {
                control.stop(RunResult.Stop.UNREACHABLE, "Could not list the provider's batch jobs: " + e.getMessage());
                return false;
            }
            if (found.isPresent()) {
                jobs.submitted(job.jobKey(), found.get().id());
                ids.put(job.jobKey(), found.get().id());
                events.said("batch job " + found.get().id() + ": found again in the provider's list");
            } else {
                jobs.notSubmitted(job.jobKey());
                events.said("a batch job recorded by an earlier run never reached the provider; its requests are"
                        + " collected again");
            }
        }
        Map<String, String> lastSeen = new java.util.HashMap<>();
        Duration wait = settings.firstPoll();
        while (!ids.isEmpty()) {
            for (var it = ids.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                BatchJob job;
                try {
                    job = client.status(e.getValue());
                    String seen = job.state() + " " + job.succeeded() + " " + job.failed();
                    if (!seen.equals(lastSeen.put(e.getKey(), seen))) {
                        jobs.seen(e.getKey(), job);
                        events.said(describe(job));
                    }
                    if (job.state().ended()) {
                        jobs.fetched(e.getKey(), job, client.results(job.id()));
                        it.remove();
                    }
                } catch (RetriableFailure f) {
                    events.said("batch job " + e.getValue() + ": " + f.getMessage() + "; asking again later");
                } catch (ModelFailure f) {
                    control.stop(RunResult.Stop.CONFIGURATION, "Batch job " + e.getValue() + ": " + f.getMessage());
                    return false;
                }
            }
            if (ids.isEmpty()) {
                return true;
            }
            if (!pause(wait, control)) {
                return false;
            }
            wait = wait.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : wait.multipliedBy(2);
        }
        return true;
    }

    private static String describe(BatchJob job) {
        String line = "batch job " + job.id() + ": " + job.state().label() + ", " + job.succeeded() + " of "
                + job.total() + " answered" + (job.failed() > 0 ? ", " + job.failed() + " errored" : "");
        return job.error().map(e -> line + " (" + e + ")").orElse(line);
    }

    /** Sleeps in short steps; false as soon as the run is stopped. */
    private boolean pause(Duration wait, BatchRunner.Control control) {
        long until = System.nanoTime() + wait.toNanos();
        while (!control.stopping()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                sleeper.sleep(
                        Duration.ofNanos(Math.min(left, Duration.ofMillis(100).toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
