package io.dragoman.cli;

import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.retry.RateLimiter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How fast a command that sends requests may send them: articles at once and the client-side rate limits. Apart from
 * {@link ModelOptions} so that commands which send nothing ({@code estimate}) do not offer them.
 */
final class PaceOptions {

    @Option(
            names = "--rpm",
            paramLabel = "N",
            description = "At most N requests per minute, across all threads (default: no client-side limit).")
    int rpm;

    @Option(
            names = "--tpm",
            paramLabel = "N",
            description = "At most N tokens per minute, across all threads (default: no client-side limit).")
    long tpm;

    @Option(
            names = "--rate-window",
            paramLabel = "D",
            description = "The window the provider counts --rpm/--tpm over, as 60s, 10s or 500ms (default: 60s):"
                    + " its share of the limits may start at once, then each request waits until one has left the"
                    + " window.")
    String rateWindow;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Process up to N articles at once (default: 8 for cloud providers, 4 for openai-compatible"
                    + " servers, 2 for Ollama; --rpm/--tpm, not N, set the pace).")
    Integer concurrency;

    /** Checks the values, so that a mistake is reported before any work. */
    void validate() {
        if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 256, was " + concurrency);
        }
        if (rpm < 0 || tpm < 0) {
            throw new IllegalArgumentException("--rpm and --tpm cannot be negative");
        }
        window();
    }

    /** The articles processed at once: {@code --concurrency}, else what suits the provider. */
    int concurrency(Optional<ProviderKind> kind) {
        if (concurrency != null) {
            return concurrency;
        }
        return kind.map(k -> switch (k) {
                    case OLLAMA -> 2;
                    case OPENAI_COMPATIBLE -> 4;
                    default -> 8;
                })
                .orElse(4);
    }

    /** The rate limits shared by all threads. */
    RateLimiter.Limits limits() {
        return new RateLimiter.Limits(rpm, tpm, window());
    }

    private static final java.util.regex.Pattern WINDOW = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)");

    /** {@code --rate-window}: a whole number of milliseconds, seconds or minutes, between 1 ms and a minute. */
    java.time.Duration window() {
        if (rateWindow == null) {
            return java.time.Duration.ofMinutes(1);
        }
        java.util.regex.Matcher m = WINDOW.matcher(rateWindow.strip());
        java.time.Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "s" -> java.time.Duration.ofSeconds(n);
                default -> java.time.Duration.ofMinutes(n);
            };
        }
        if (d == null || d.isZero() || d.compareTo(java.time.Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "--rate-window must be between 1ms and 60s, written as 60s, 10s or 500ms; was " + rateWindow);
        }
        return d;
    }
}
