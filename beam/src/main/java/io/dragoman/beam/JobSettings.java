package io.dragoman.beam;

import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.retry.RateLimiter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every worker needs to know of the job, checked once on the machine that submits it; never holds a key.
 *
 * @param inputs the input file patterns
 * @param output the output directory, without a trailing slash
 * @param run this run's name, part of the names of the files it writes, so a rerun never overwrites an earlier one's
 * @param provider the provider's id, or null to let the environment decide
 * @param model the model, or null for the provider's default
 * @param baseUrl the API's base URL, or null for the provider's
 * @param rpm requests per minute for the whole job, 0 for no limit
 * @param tpm tokens per minute for the whole job, 0 for no limit
 * @param only the one stage to run, or null for all
 * @param maxCost the job's budget in US dollars, or null for none
 * @param shards how many shards the model stages run in
 * @param concurrency articles in flight at once within a shard
 * @param maxBytes the largest input read
 */
record JobSettings(
        List<String> inputs,
        String output,
        String run,
        String provider,
        String model,
        String baseUrl,
        int rpm,
        long tpm,
        String only,
        String maxCost,
        int shards,
        int concurrency,
        long maxBytes)
        implements Serializable {

    /** Validates the numbers and names, with messages that name the option. */
    JobSettings {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output, "output");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--inputs names no file pattern.");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, was " + shards + ".");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, was " + concurrency + ".");
        }
        if (rpm < 0 || tpm < 0) {
            throw new IllegalArgumentException("--rpm and --tpm cannot be negative (0 means no limit).");
        }
        if (rpm > 0 && rpm < shards) {
            throw new IllegalArgumentException("--rpm=" + rpm + " is less than one request per minute for each of the "
                    + shards + " shards: use fewer --shards.");
        }
        if (provider != null) {
            ProviderKind.fromId(provider);
        }
        if (only != null) {
            stage(only);
        }
        if (maxCost != null) {
            new BigDecimal(maxCost);
        }
    }

    /** The settings the options give, for a run named {@code run}. */
    static JobSettings of(DragomanOptions o, String run) {
        String output = o.getOutput().replaceAll("/+$", "");
        List<String> inputs = Arrays.stream(o.getInputs().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new JobSettings(
                inputs,
                output,
                run,
                o.getProvider(),
                o.getModel(),
                o.getBaseUrl(),
                o.getRpm(),
                o.getTpm(),
                o.getOnly(),
                o.getMaxCost(),
                o.getShards(),
                o.getConcurrency(),
                o.getMaxBytes());
    }

    /** The stages to run. */
    Stages stages() {
        return only == null ? Stages.ALL : Stages.only(stage(only));
    }

    /** The budget of one shard: its share of the job's. */
    Optional<BigDecimal> shardBudget() {
        return Optional.ofNullable(maxCost)
                .map(BigDecimal::new)
                .map(b -> b.divide(BigDecimal.valueOf(shards), 6, java.math.RoundingMode.DOWN));
    }

    /** The limits of one shard's rate limiter: its share of the job's, so that all shards together keep the job's. */
    RateLimiter.Limits shardLimits() {
        return new RateLimiter.Limits(rpm / shards, tpm / shards);
    }

    /** The directory a path under the output is in, e.g. {@code cache/}. */
    String under(String path) {
        return output + "/" + path;
    }

    private static Stage stage(String only) {
        return switch (only.toLowerCase(Locale.ROOT)) {
            case "clean" -> Stage.CLEAN;
            case "translate" -> Stage.TRANSLATE;
            case "summarize", "summarise" -> Stage.SUMMARIZE;
            default ->
                throw new IllegalArgumentException(
                        "--only=" + only + " is not a stage: use clean, translate or summarize.");
        };
    }
}
