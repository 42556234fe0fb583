package io.dragoman.core.llm.retry;

import io.dragoman.core.llm.provider.RetryHint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asked us to wait from a response's headers and body, one reader per {@link RetryHint}.
 * Every wait is between zero and {@link #MAX_WAIT}: a longer one (a header of 40 digits, a reset time centuries away)
 * is read as that cap, so that the wait can always be slept, added to a clock or printed.
 */
public final class RetryAfter {

    /** The longest wait this reads; any longer one is as good as never, and the retry gives up on it. */
    static final Duration MAX_WAIT = Duration.ofDays(365);

    private static final BigDecimal MAX_WAIT_MILLIS = BigDecimal.valueOf(MAX_WAIT.toMillis());

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern GO_DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
    private static final Pattern GEMINI_RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");

    private RetryAfter() {}

    /**
     * The wait the provider asked for: the first {@link RetryHint}, in their order, that the response carries readably
     * ({@code retry-after-ms}, {@code Retry-After} as seconds or an HTTP date, the {@code x-ratelimit-reset-*} of an
     * exhausted limit, Anthropic's {@code anthropic-ratelimit-*-reset} time of an exhausted limit, a Gemini {@code
     * RetryInfo} {@code retryDelay} in the body), whichever provider sent it; empty when none is there or readable.
     * Never negative.
     */
    public static Optional<Duration> from(Map<String, List<String>> headers, String body, Instant now) {
        for (RetryHint hint : RetryHint.values()) {
            Optional<Duration> wait = read(hint, headers, body, now);
            if (wait.isPresent()) {
                return wait;
            }
        }
        return Optional.empty();
    }

    /**
     * How long until an exhausted rate limit resets, from the headers of a successful response: {@link
     * RetryHint#RATE_LIMIT_RESET} (OpenAI's and Mistral's {@code x-ratelimit-remaining-*} at 0 with {@code
     * x-ratelimit-reset-*}) or {@link RetryHint#ANTHROPIC_RATE_LIMIT_RESET}; empty when no limit is exhausted.
     */
    public static Optional<Duration> exhaustedLimit(Map<String, List<String>> headers, Instant now) {
        return read(RetryHint.RATE_LIMIT_RESET, headers, "", now)
                .or(() -> read(RetryHint.ANTHROPIC_RATE_LIMIT_RESET, headers, "", now));
    }

    /** The wait one hint asks for, or empty when the response does not carry it readably. */
    static Optional<Duration> read(RetryHint hint, Map<String, List<String>> headers, String body, Instant now) {
        return switch (hint) {
            case RETRY_AFTER_MS -> header(headers, "retry-after-ms").flatMap(RetryAfter::decimalMillis);
            case RETRY_AFTER -> header(headers, "retry-after").flatMap(value -> retryAfterValue(value, now));
            case RATE_LIMIT_RESET -> exhaustedLimitReset(headers);
            case ANTHROPIC_RATE_LIMIT_RESET -> exhaustedAnthropicLimitReset(headers, now);
            case GEMINI_RETRY_INFO -> geminiRetryDelay(body);
        };
    }

    /** A wait as people read it: {@code 300 ms}, {@code 7 s}, {@code 6 min 0 s}. */
    public static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    /** A {@code Retry-After} value: delta-seconds or an HTTP date (RFC 9110), as a non-negative wait. */
    static Optional<Duration> retryAfterValue(String value, Instant now) {
        String v = value.strip();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(seconds(v));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(capped(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A Go-style duration as in OpenAI's {@code x-ratelimit-reset-*}: {@code 20ms}, {@code 1s}, {@code 6m0s}. */
    static Optional<Duration> goDuration(String value) {
        String v = value.strip();
        if (!GO_DURATION.matcher(v).matches()) {
            return Optional.empty();
        }
        BigDecimal totalMillis = BigDecimal.ZERO;
        Matcher m = GO_DURATION_PART.matcher(v);
        while (m.find()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitMillis =
                    switch (m.group(2)) {
                        case "ms" -> 1;
                        case "s" -> 1_000;
                        case "m" -> 60_000;
                        default -> 3_600_000;
                    };
            totalMillis = totalMillis.add(amount.multiply(BigDecimal.valueOf(unitMillis)));
        }
        return Optional.of(millis(totalMillis));
    }

    private static Optional<Duration> exhaustedLimitReset(Map<String, List<String>> headers) {
        Duration longest = null;
        for (String limit : List.of("requests", "tokens")) {
            boolean exhausted = header(headers, "x-ratelimit-remaining-" + limit)
                    .map(v -> v.strip().equals("0"))
                    .orElse(false);
            if (exhausted) {
                Optional<Duration> reset =
                        header(headers, "x-ratelimit-reset-" + limit).flatMap(RetryAfter::goDuration);
                if (reset.isPresent() && (longest == null || reset.get().compareTo(longest) > 0)) {
                    longest = reset.get();
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * Anthropic's {@code anthropic-ratelimit-<limit>-reset}, an RFC 3339 time, for a limit whose {@code -remaining}
     * is 0; the latest such time when several are exhausted.
     */
    private static Optional<Duration> exhaustedAnthropicLimitReset(Map<String, List<String>> headers, Instant now) {
        Duration longest = null;
        for (String limit : List.of("requests", "tokens", "input-tokens", "output-tokens")) {
            boolean exhausted = header(headers, "anthropic-ratelimit-" + limit + "-remaining")
                    .map(v -> v.strip().equals("0"))
                    .orElse(false);
            if (!exhausted) {
                continue;
            }
            Optional<String> at = header(headers, "anthropic-ratelimit-" + limit + "-reset");
            if (at.isEmpty()) {
                continue;
            }
            try {
                Duration wait = capped(Duration.between(
                        now, java.time.OffsetDateTime.parse(at.get().strip()).toInstant()));
                if (longest == null || wait.compareTo(longest) > 0) {
                    longest = wait;
                }
            } catch (DateTimeParseException e) {
                // an unreadable reset time says nothing; the caller backs off instead
            }
        }
        return Optional.ofNullable(longest);
    }

    private static Optional<Duration> geminiRetryDelay(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = GEMINI_RETRY_DELAY.matcher(body);
        return m.find() ? Optional.of(seconds(m.group(1))) : Optional.empty();
    }

    private static Optional<Duration> decimalMillis(String value) {
        String v = value.strip();
        if (!v.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(millis(new BigDecimal(v)));
    }

    private static Duration seconds(String decimal) {
        return millis(new BigDecimal(decimal).movePointRight(3));
    }

    /** A non-negative number of milliseconds as a wait, at most {@link #MAX_WAIT}. */
    private static Duration millis(BigDecimal millis) {
        return millis.compareTo(MAX_WAIT_MILLIS) >= 0 ? MAX_WAIT : Duration.ofMillis(millis.longValue());
    }

    private static Duration capped(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().toLowerCase(Locale.ROOT).equals(name)
                    && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
