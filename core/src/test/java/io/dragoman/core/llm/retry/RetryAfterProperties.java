package io.dragoman.core.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a server puts in its rate-limit headers and error body, reading the wait never throws and gives a wait
 * that is never negative and that the rest of the client can use: converted to milliseconds for a sleep, to
 * nanoseconds for the rate limiter, and printed for the user.
 */
class RetryAfterProperties {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Property(tries = 400)
    void anyHeadersGiveNoWaitOrAUsableNonNegativeOne(
            @ForAll("headers") Map<String, List<String>> headers, @ForAll("bodies") String body) {
        Optional<Duration> wait = RetryAfter.from(headers, body, NOW);
        Optional<Duration> exhausted = RetryAfter.exhaustedLimit(headers, NOW);

        wait.ifPresent(RetryAfterProperties::assertUsable);
        exhausted.ifPresent(RetryAfterProperties::assertUsable);
    }

    @Property(tries = 200)
    void anyRetryAfterValueGivesNoWaitOrAUsableNonNegativeOne(@ForAll("values") String value) {
        RetryAfter.retryAfterValue(value, NOW).ifPresent(RetryAfterProperties::assertUsable);
        RetryAfter.goDuration(value).ifPresent(RetryAfterProperties::assertUsable);
    }

    private static void assertUsable(Duration wait) {
        assertThat(wait.isNegative()).as("negative wait %s", wait).isFalse();
        assertThat(wait.toNanos()).isNotNegative();
        assertThat(RetryAfter.human(wait)).isNotBlank();
    }

    // generators

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> digits = Arbitraries.integers().between(1, 60).map(n -> "9".repeat(n));
        return Arbitraries.oneOf(
                digits,
                digits.map(d -> d + ".5"),
                digits.map(d -> "0." + d),
                Combinators.combine(digits, Arbitraries.of("ms", "s", "m", "h")).as(String::concat),
                Combinators.combine(digits, digits).as((a, b) -> a + "h" + b + "m0.5s"),
                Arbitraries.of(
                        "",
                        " ",
                        "-1",
                        "1e9",
                        "+5",
                        "0",
                        "0.0",
                        "6m0s",
                        "20ms",
                        "1.5h",
                        "Mon, 23 Nov 2026 12:01:30 GMT",
                        "Fri, 31 Dec 9999 23:59:59 GMT",
                        "Mon, 01 Jan 0001 00:00:00 GMT",
                        "Sun, 06 Nov 1994 08:49:37 GMT",
                        "2026-11-23T12:00:30Z",
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "9999-12-31T23:59:59+18:00",
                        "soon",
                        "\u0000",
                        "١٢٣"),
                Arbitraries.strings().withChars("0123456789.,:;-+ hmsTZ").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> headers() {
        Arbitrary<String> name = Arbitraries.of(
                "retry-after",
                "Retry-After",
                "retry-after-ms",
                "x-ratelimit-remaining-requests",
                "x-ratelimit-remaining-tokens",
                "x-ratelimit-reset-requests",
                "x-ratelimit-reset-tokens",
                "anthropic-ratelimit-requests-remaining",
                "anthropic-ratelimit-requests-reset",
                "anthropic-ratelimit-tokens-remaining",
                "anthropic-ratelimit-tokens-reset",
                "anthropic-ratelimit-output-tokens-remaining",
                "anthropic-ratelimit-output-tokens-reset",
                "x-unrelated");
        Arbitrary<String> value = Arbitraries.oneOf(values(), Arbitraries.just("0"), Arbitraries.just("0"));
        Arbitrary<List<String>> values = value.list().ofMinSize(0).ofMaxSize(2);
        return Arbitraries.maps(name, values).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                values().map(v -> "{\"error\":{\"details\":[{\"retryDelay\": \"" + v + "s\"}]}}"),
                Arbitraries.integers().between(1, 400).map(n -> "{\"retryDelay\":\"" + "7".repeat(n) + "s\"}"),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.just(""));
    }
}
