package io.dragoman.core.golden;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the stand-in does with one request: the transport faults its sends get, and what the reply that finally comes
 * back says. Decided from the request's digest and the mix's seed alone, never from the order calls arrive in, so a run
 * with any number of workers gets the same answers: a retry of the same request is the next send of the same plan, and
 * a repair or re-ask is another request with a plan of its own.
 *
 * @param faults the faults of the first sends, in order; later sends are answered
 * @param every the fault every send gets (a permanent one, or a server that stays down), if any
 * @param content what the reply says once a send is answered
 * @param retryAfterSeconds the wait a rate limit asks for
 */
record ReplyPlan(List<Transport> faults, Optional<Transport> every, Content content, int retryAfterSeconds) {

    /** A request that is answered at once and correctly. */
    static final ReplyPlan CLEAN = new ReplyPlan(List.of(), Optional.empty(), Content.GOOD, 1);

    /** Copies the list. */
    ReplyPlan {
        faults = List.copyOf(faults);
    }

    /** What a request asks for, told from the words of its prompt. */
    enum Task {
        TRANSLATE,
        REPAIR,
        SUMMARIZE,
        REASK;

        /** The task of a user message; empty for one no prompt renders. */
        static Optional<Task> of(String user) {
            if (user.startsWith("Translate this ")) {
                // a repair repeats the first request and adds the problems and the previous reply
                return Optional.of(user.contains("Your English translation of this source had") ? REPAIR : TRANSLATE);
            }
            if (user.startsWith("Summarise this ")) {
                return Optional.of(
                        user.contains("Your previous answer was not a valid summary object") ? REASK : SUMMARIZE);
            }
            return Optional.empty();
        }

        /** True for the translation tasks. */
        boolean translates() {
            return this == TRANSLATE || this == REPAIR;
        }
    }

    /** A way a send fails before any reply text arrives. */
    enum Transport {
        RATE_LIMITED_SECONDS(8),
        RATE_LIMITED_DATE(4),
        RATE_LIMITED(6),
        SERVER_ERROR(6),
        BAD_GATEWAY(6),
        UNAVAILABLE(6),
        CONNECTION_RESET(4),
        EMPTY_BODY(2),
        GARBAGE_BODY(2),
        /** Costs a read timeout of wall time, so it is rare. */
        READ_TIMEOUT(1),
        /** A 400: the request is rejected for good. */
        BAD_REQUEST(0);

        private final int weight;

        Transport(int weight) {
            this.weight = weight;
        }
    }

    /** What an answered reply says. */
    enum Content {
        GOOD,
        /** Translation: the last marked unit left out (a failed check). */
        DROPPED_PARAGRAPH,
        /** Translation: a sentence before the first marker (a warning). */
        PREAMBLE,
        /** Translation: the source echoed instead of English (warnings). */
        UNTRANSLATED,
        /** Translation: one number changed (a warning). */
        WRONG_NUMBER,
        /** Translation or summary: cut off by the output limit. */
        TRUNCATED,
        /** Summary: not JSON. */
        INVALID_JSON,
        /** Summary: JSON of another shape. */
        WRONG_SCHEMA,
        /** Summary: valid, inside a Markdown fence. */
        FENCED
    }

    /**
     * How often requests get which plans.
     *
     * @param seed the run's seed
     * @param permanent the share of first translation and summary requests rejected with a 400
     * @param down the share of them whose every send gets a 503, so the retries give up
     * @param transientShare the share of requests whose first one or two sends fail
     * @param contentShare the share of first translation and summary requests whose reply is wrong
     * @param secondFails the share of repair and re-ask requests whose reply is wrong again
     */
    record Mix(
            long seed, double permanent, double down, double transientShare, double contentShare, double secondFails) {

        /** Every request answered at once and correctly. */
        static final Mix NONE = new Mix(0, 0, 0, 0, 0, 0);

        /** The plan of one request; the same for the same task and digest. */
        ReplyPlan plan(Task task, String digest) {
            if (equals(NONE)) {
                return CLEAN;
            }
            SplittableRandom random =
                    new SplittableRandom(seed ^ HexFormat.fromHexDigitsToLong(digest, 0, 16) ^ task.ordinal());
            int retryAfter = 1 + random.nextInt(30);
            boolean first = task == Task.TRANSLATE || task == Task.SUMMARIZE;
            double roll = random.nextDouble();
            if (first && roll < permanent) {
                return new ReplyPlan(List.of(), Optional.of(Transport.BAD_REQUEST), Content.GOOD, retryAfter);
            }
            if (first && roll < permanent + down) {
                return new ReplyPlan(List.of(), Optional.of(Transport.UNAVAILABLE), Content.GOOD, retryAfter);
            }
            List<Transport> faults = new ArrayList<>();
            if (random.nextDouble() < transientShare) {
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    faults.add(weighted(random));
                }
            }
            return new ReplyPlan(faults, Optional.empty(), content(task, random), retryAfter);
        }

        private Content content(Task task, SplittableRandom random) {
            double roll = random.nextDouble();
            return switch (task) {
                case TRANSLATE ->
                    roll < contentShare
                            ? pick(
                                    random,
                                    Content.DROPPED_PARAGRAPH,
                                    Content.PREAMBLE,
                                    Content.UNTRANSLATED,
                                    Content.WRONG_NUMBER,
                                    Content.TRUNCATED)
                            : Content.GOOD;
                case REPAIR ->
                    roll < secondFails ? pick(random, Content.DROPPED_PARAGRAPH, Content.UNTRANSLATED) : Content.GOOD;
                case SUMMARIZE ->
                    roll < contentShare
                            ? pick(
                                    random,
                                    Content.INVALID_JSON,
                                    Content.WRONG_SCHEMA,
                                    Content.FENCED,
                                    Content.TRUNCATED)
                            : Content.GOOD;
                case REASK -> roll < secondFails ? Content.INVALID_JSON : Content.GOOD;
            };
        }

        private static Content pick(SplittableRandom random, Content... kinds) {
            return kinds[random.nextInt(kinds.length)];
        }

        private static Transport weighted(SplittableRandom random) {
            int total = 0;
            for (Transport t : Transport.values()) {
                total += t.weight;
            }
            int pick = random.nextInt(total);
            for (Transport t : Transport.values()) {
                pick -= t.weight;
                if (pick < 0) {
                    return t;
                }
            }
            throw new AssertionError("unreachable");
        }
    }

    /** The fault the send with this index (0 for the first) gets, if any. */
    Optional<Transport> faultOfSend(int index) {
        if (every.isPresent()) {
            return every;
        }
        return index < faults.size() ? Optional.of(faults.get(index)) : Optional.empty();
    }
}
