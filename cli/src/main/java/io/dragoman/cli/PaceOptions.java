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
        return new RateLimiter.Limits(rpm, tpm);
    }
}
