package io.dragoman.cli;

import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.batch.AnthropicBatchClient;
import io.dragoman.core.llm.batch.BatchClient;
import io.dragoman.core.llm.batch.GeminiBatchClient;
import io.dragoman.core.llm.batch.MistralBatchClient;
import io.dragoman.core.llm.batch.OpenAiBatchClient;
import io.dragoman.core.pipeline.BatchRounds;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --batch} and its options: the model requests go to the provider as batch jobs, at half the price, with
 * replies within a day. Apart from {@link ModelOptions} so that only the commands that send requests offer them.
 */
final class BatchOptions {

    @Option(
            names = "--batch",
            description =
                    "Send the model requests as provider batch jobs (openai, anthropic, gemini, mistral): half the price, replies within 24"
                            + " h. The run waits for them; Ctrl-C stops it and the same command again picks the jobs up.")
    boolean batch;

    @Option(
            names = "--batch-poll",
            paramLabel = "FIRST[,MAX]",
            description = "How often to ask for the jobs' state: first after FIRST, each wait twice the last up to"
                    + " MAX, as 30s, 5m or 500ms (default: 30s,5m).")
    String poll;

    @Option(
            names = "--batch-followups",
            paramLabel = "auto|batch|online",
            description = "How the requests after each stage's first (repairs, re-asks) go: auto (default) sends them"
                    + " online when they are few, batch as more jobs, online always online.")
    String followups;

    @Option(
            names = "--batch-submit-only",
            description = "Submit the batch jobs and exit without waiting (for cron); the same command again collects"
                    + " the replies and goes on.")
    boolean submitOnly;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** True when the run sends batch jobs. */
    boolean enabled() {
        return batch;
    }

    /**
     * Checks the options against each other and the inputs, before any work.
     *
     * @throws IllegalArgumentException with the one line to show
     */
    void validate(List<String> inputs) {
        if (!batch && (poll != null || followups != null || submitOnly)) {
            throw new IllegalArgumentException(
                    "--batch-poll, --batch-followups and --batch-submit-only go with --batch");
        }
        if (batch && inputs.contains("-")) {
            throw new IllegalArgumentException(
                    "--batch reads the inputs once for each round of jobs, so it cannot read standard input (-)");
        }
        settings();
    }

    /** Checks that the provider has a batch API here. */
    void check(ProviderKind kind) {
        switch (kind) {
            case OPENAI, ANTHROPIC, GEMINI, MISTRAL -> {}
            case OLLAMA, OPENAI_COMPATIBLE ->
                throw new IllegalArgumentException("--batch: " + kind.id() + " has no batch API; run without --batch");
        }
    }

    /** The client of the provider's batch API. */
    BatchClient client(ProviderConfig config) {
        check(config.kind());
        return switch (config.kind()) {
            case ANTHROPIC -> new AnthropicBatchClient(config);
            case GEMINI -> new GeminiBatchClient(config);
            case MISTRAL -> new MistralBatchClient(config);
            default -> new OpenAiBatchClient(config);
        };
    }

    /** How the rounds go. */
    BatchRounds.Settings settings() {
        Duration first = BatchRounds.Settings.DEFAULT.firstPoll();
        Duration max = BatchRounds.Settings.DEFAULT.maxPoll();
        if (poll != null) {
            String[] parts = poll.split(",", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("--batch-poll takes FIRST or FIRST,MAX, was " + poll);
            }
            first = duration(parts[0]);
            max = parts.length == 2 ? duration(parts[1]) : (first.compareTo(max) > 0 ? first : max);
            if (max.compareTo(first) < 0) {
                throw new IllegalArgumentException("--batch-poll: MAX cannot be shorter than FIRST, was " + poll);
            }
        }
        BatchRounds.Followups mode;
        try {
            mode = followups == null
                    ? BatchRounds.Followups.AUTO
                    : BatchRounds.Followups.valueOf(followups.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--batch-followups must be auto, batch or online, was " + followups);
        }
        return new BatchRounds.Settings(first, max, mode, submitOnly);
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--batch-poll: a wait is written as 30s, 5m, 1h or 500ms, was " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
