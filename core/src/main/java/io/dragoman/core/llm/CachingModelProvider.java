package io.dragoman.core.llm;

import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Answers a request from a {@link CallCache} when the same call was made before, and asks another provider otherwise,
 * so that a rerun, a resumed run or a run that only changes the output format pays for no call twice.
 *
 * <p>The key is the SHA-256 of everything that decides the reply (see {@link #key}): the provider and model, both
 * messages, the output budget, the temperature and the JSON schema. The base URL is not part of it, so a model moved
 * behind another gateway keeps its cache. Prompt files have no version number of their own: a prompt is part of the
 * rendered messages, so editing one prompt changes the keys of exactly the calls it renders and leaves every other
 * cached call valid.
 *
 * <p>Only replies that finished normally ({@link FinishReason#STOP}) are kept: a truncated or filtered reply is not
 * worth replaying, and a failure ({@link ModelFailure}) propagates and leaves nothing behind. A kept reply is returned
 * as it was, usage included, so an article's record still shows what producing it cost; {@link #hits()} and {@link
 * #savedUsage()} tell what this run did not pay for, and {@link #paying} what one piece of work did pay for. Two threads
 * asking the same uncached question at the same moment both call the delegate.
 *
 * <p>Put it outermost, around the retrying and rate-limited provider, so that a hit neither waits for the rate limiter
 * nor counts against it. Thread-safe when the delegate and the cache are.
 */
public final class CachingModelProvider implements ModelProvider {

    private static final String KEY_FORMAT = "dragoman-model-call/1";

    private final ModelProvider delegate;
    private final CallCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicReference<Usage> saved = new AtomicReference<>(new Usage(0, 0));

    private final PriceTable prices;
    private final TokenCounter tokens;

    /** Per thread: whether this thread's calls skip reading the cache (see {@link #fresh}). */
    private final ThreadLocal<Boolean> bypassing = ThreadLocal.withInitial(() -> false);

    /** Per thread: the calls that went to the delegate during {@link #paying}, or null outside it. */
    private final ThreadLocal<Spending> paid = new ThreadLocal<>();

    /** Per thread: who hears of each call during {@link #paying}, or null. */
    private final ThreadLocal<Consumer<ModelCall>> observer = new ThreadLocal<>();

    /**
     * With the built-in prices and the o200k token counter for what {@link #paying} reports.
     *
     * @param delegate the provider asked on a miss
     * @param cache where replies are kept, usually {@code RunStore.callCache()}
     */
    public CachingModelProvider(ModelProvider delegate, CallCache cache) {
        this(delegate, cache, PriceTable.builtIn(), JTokkitTokenCounter.o200k());
    }

    /**
     * @param delegate the provider asked on a miss
     * @param cache where replies are kept, usually {@code RunStore.callCache()}
     * @param prices prices the calls reported by {@link #paying} are costed with
     * @param tokens counts the tokens of a reply that reports none
     */
    public CachingModelProvider(ModelProvider delegate, CallCache cache, PriceTable prices, TokenCounter tokens) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        long start = System.nanoTime();
        String key = key(delegate.info(), request);
        Optional<ModelReply> kept = bypassing.get() ? Optional.empty() : cache.get(key);
        if (kept.isPresent()) {
            hits.incrementAndGet();
            kept.get().usage().ifPresent(used -> saved.accumulateAndGet(used, Usage::plus));
            tell(request, true, kept, Optional.empty(), start);
            return kept.get();
        }
        misses.incrementAndGet();
        ModelReply reply;
        try {
            reply = delegate.chat(request);
        } catch (RuntimeException e) {
            tell(request, false, Optional.empty(), Optional.of(String.valueOf(e.getMessage())), start);
            throw e;
        }
        Spending ledger = paid.get();
        if (ledger != null) {
            ledger.record(request, reply);
        }
        if (reply.finishReason() == FinishReason.STOP) {
            cache.put(key, reply);
        }
        tell(request, false, Optional.of(reply), Optional.empty(), start);
        return reply;
    }

    private void tell(
            ModelRequest request, boolean cached, Optional<ModelReply> reply, Optional<String> failure, long start) {
        Consumer<ModelCall> listener = observer.get();
        if (listener != null) {
            listener.accept(new ModelCall(
                    delegate.info(),
                    request.jsonSchema().isPresent(),
                    cached,
                    reply,
                    failure,
                    Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
    }

    /**
     * Runs work whose calls on this thread skip reading the cache (their replies are still stored, replacing the old
     * ones). For retrying an article that failed: its cached replies are the ones that failed the checks, and asking
     * again is the point of the retry.
     */
    public <T> T fresh(Supplier<T> work) {
        boolean before = bypassing.get();
        bypassing.set(true);
        try {
            return work.get();
        } finally {
            bypassing.set(before);
        }
    }

    /**
     * Runs work and tells what its calls on this thread were paid for: those answered by the delegate, not those
     * answered from the cache. A record rebuilt from cached replies shows the full cost of producing it; this is what
     * a run's totals and its cost budget count. A call that failed (an HTTP error, a timeout) is not counted.
     */
    public <T> Paid<T> paying(Supplier<T> work) {
        return paying(work, null);
    }

    /**
     * As {@link #paying(Supplier)}, and tells {@code calls} of each call the work makes on this thread, answered from
     * the cache or not, as it ends.
     */
    public <T> Paid<T> paying(Supplier<T> work, Consumer<ModelCall> calls) {
        Spending outer = paid.get();
        Consumer<ModelCall> outerObserver = observer.get();
        Spending ledger = new Spending(prices, tokens);
        paid.set(ledger);
        if (calls != null) {
            observer.set(calls);
        }
        try {
            T value = work.get();
            return new Paid<>(value, ledger.spent());
        } finally {
            if (outer == null) {
                paid.remove();
            } else {
                outer.merge(ledger);
                paid.set(outer);
            }
            if (outerObserver == null) {
                observer.remove();
            } else {
                observer.set(outerObserver);
            }
        }
    }

    /**
     * The result of some work and what its calls were paid for.
     *
     * @param value what the work returned
     * @param spent the calls that reached the provider, their tokens and cost
     */
    public record Paid<T>(T value, Spent spent) {
        /** Validates that nothing is null. */
        public Paid {
            Objects.requireNonNull(spent, "spent");
        }
    }

    /** How many calls were answered from the cache, without calling the delegate. */
    public long hits() {
        return hits.get();
    }

    /** How many calls went to the delegate, including those that failed. */
    public long misses() {
        return misses.get();
    }

    /**
     * The tokens of the replies answered from the cache, as first reported: what this run did not pay for. Replies
     * whose provider reported no usage add nothing.
     */
    public Usage savedUsage() {
        return saved.get();
    }

    /**
     * The cache key of a request to a provider: the lowercase hex SHA-256 of a length-prefixed encoding of the provider
     * id, the model, the system and user messages, the output budget, the temperature and the JSON schema (or its
     * absence). Any difference in any of them, down to one character of a message, gives another key; the base URL
     * gives none.
     */
    public static String key(ProviderInfo provider, ModelRequest request) {
        StringBuilder canonical = new StringBuilder(
                        request.system().length() + request.user().length() + 256)
                .append(KEY_FORMAT)
                .append('\n');
        field(canonical, "provider", provider.kind().id());
        field(canonical, "model", provider.model());
        field(canonical, "system", request.system());
        field(canonical, "user", request.user());
        field(canonical, "max_output_tokens", Integer.toString(request.maxOutputTokens()));
        // + 0.0 turns -0.0 into 0.0, the same temperature
        field(canonical, "temperature", Double.toString(request.temperature() + 0.0));
        field(
                canonical,
                "json_schema",
                request.jsonSchema().map(schema -> "schema:" + schema).orElse("none"));
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder canonical, String name, String value) {
        canonical
                .append(name)
                .append(' ')
                .append(value.length())
                .append(':')
                .append(value)
                .append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have.", e);
        }
    }
}
