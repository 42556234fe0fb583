package io.dragoman.core.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void readsRetryAfterInSecondsWhateverTheHeaderCase() {
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("12")), "", NOW))
                .contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.from(Map.of("retry-after", List.of("1.5")), "", NOW))
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void readsRetryAfterAsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.retryAfterValue("Mon, 23 Nov 2026 12:01:30 GMT", NOW))
                .contains(Duration.ofSeconds(90));
    }

    @Test
    void treatsAnHttpDateInThePastAsNoWait() {
        assertThat(RetryAfter.retryAfterValue("Mon, 23 Nov 2026 11:59:00 GMT", NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("soon")), "", NOW))
                .isEmpty();
    }

    @Test
    void prefersRetryAfterMillisecondsWhenGiven() {
        assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("250"), "retry-after", List.of("1")), "", NOW))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void usesTheResetOfTheExhaustedOpenAiLimit() {
        Map<String, List<String>> headers = Map.of(
                "x-ratelimit-remaining-requests", List.of("12"),
                "x-ratelimit-reset-requests", List.of("1s"),
                "x-ratelimit-remaining-tokens", List.of("0"),
                "x-ratelimit-reset-tokens", List.of("6m0s"));

        assertThat(RetryAfter.from(headers, "", NOW)).contains(Duration.ofMinutes(6));
    }

    @Test
    void ignoresRateLimitResetsWhenNoLimitIsExhausted() {
        Map<String, List<String>> headers =
                Map.of("x-ratelimit-remaining-requests", List.of("3"), "x-ratelimit-reset-requests", List.of("1s"));

        assertThat(RetryAfter.from(headers, "", NOW)).isEmpty();
    }

    @Test
    void usesTheResetTimeOfTheExhaustedAnthropicLimit() {
        Map<String, List<String>> headers = Map.of(
                "anthropic-ratelimit-requests-remaining", List.of("12"),
                "anthropic-ratelimit-requests-reset", List.of("2026-11-23T12:00:05Z"),
                "anthropic-ratelimit-output-tokens-remaining", List.of("0"),
                "anthropic-ratelimit-output-tokens-reset", List.of("2026-11-23T12:00:42Z"));

        assertThat(RetryAfter.from(headers, "", NOW)).contains(Duration.ofSeconds(42));
        assertThat(RetryAfter.from(
                        Map.of(
                                "anthropic-ratelimit-tokens-remaining", List.of("0"),
                                "anthropic-ratelimit-tokens-reset", List.of("yesterday")),
                        "",
                        NOW))
                .isEmpty();
    }

    @Test
    void parsesGoDurations() {
        assertThat(RetryAfter.goDuration("20ms")).contains(Duration.ofMillis(20));
        assertThat(RetryAfter.goDuration("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.goDuration("1h2m3s")).contains(Duration.ofSeconds(3723));
        assertThat(RetryAfter.goDuration("soon")).isEmpty();
    }

    @Test
    void readsGeminiRetryInfoFromTheBody() {
        String body = """
                {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "details": [
                  {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "41s"}]}}
                """;

        assertThat(RetryAfter.from(Map.of(), body, NOW)).contains(Duration.ofSeconds(41));
    }

    @Test
    void readsAnAbsurdlyLongRetryAfterAsTheLongestWaitNeverAsANegativeOne() {
        // 18,446,744,073,709,551 s is 2^64 ms minus 616: read as a long it wrapped around to -616 ms
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("18446744073709551")), "", NOW))
                .contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("9".repeat(40))), "", NOW))
                .contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.from(Map.of(), "{\"retryDelay\": \"" + "9".repeat(30) + "s\"}", NOW))
                .contains(RetryAfter.MAX_WAIT);
    }

    @Test
    void readsAnOverflowingGoDurationAsTheLongestWait() {
        // adding 999,999,999 minutes in milliseconds to a Duration used to overflow a long
        assertThat(RetryAfter.goDuration("999999999999h999999999m0.5s")).contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.goDuration("1h30m")).contains(Duration.ofMinutes(90));
    }

    @Test
    void readsAResetTimeCenturiesAwayAsAWaitThatCanStillBeSleptAndPrinted() {
        Map<String, List<String>> headers = Map.of(
                "anthropic-ratelimit-requests-remaining", List.of("0"),
                "anthropic-ratelimit-requests-reset", List.of("+999999999-12-31T23:59:59Z"));

        Duration wait = RetryAfter.exhaustedLimit(headers, NOW).orElseThrow();

        assertThat(wait).isEqualTo(RetryAfter.MAX_WAIT);
        assertThat(wait.toNanos()).isPositive();
        assertThat(RetryAfter.human(wait)).isEqualTo("525600 min 0 s");
    }
}
