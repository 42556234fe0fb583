package io.dragoman.core.llm;

import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.TokenCounter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The context of one article's model calls, passed down with every request instead of living in a thread: whether
 * the calls may be answered from the call cache ({@link #fresh()}: a retried failure asks afresh), what the calls
 * that reached the provider cost ({@link #paid()}), and who hears of each call as it ends (the {@code -v} lines).
 *
 * <p>Thread-safe: the chunks of one article may be sent from several threads, or handed to a batch-job poller, and
 * every call is still counted once.
 */
public final class CallSession {

    private final boolean fresh;
    private final Consumer<ModelCall> observer;
    private final Spending paid;

    /**
     * @param fresh true when the calls must not be answered from the call cache (their replies are still stored)
     * @param observer hears of each call as it ends, answered, replayed or failed
     * @param prices prices for what the paid calls cost
     * @param tokens counts the tokens of a reply that reports none
     */
    public CallSession(boolean fresh, Consumer<ModelCall> observer, PriceTable prices, TokenCounter tokens) {
        this.fresh = fresh;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.paid = new Spending(prices, tokens);
    }

    /** A session that may use the cache, tells nobody of its calls and costs them with the built-in prices. */
    public static CallSession detached() {
        return new CallSession(false, call -> {}, PriceTable.builtIn(), JTokkitTokenCounter.o200k());
    }

    /** True when the calls skip reading the call cache. */
    public boolean fresh() {
        return fresh;
    }

    /**
     * The calls that reached the provider so far, their tokens and cost: not those answered from the call cache, nor
     * those that failed. This is what a run's totals and its cost budget count.
     */
    public Spent paid() {
        synchronized (paid) {
            return paid.spent();
        }
    }

    /**
     * Sends a request to a provider on behalf of this session: times it, counts its reply as paid and tells the
     * observer how it ended. A failure is told and rethrown.
     *
     * @param provider the provider the call goes to, for the observer
     * @param request what is sent
     * @param call sends it
     */
    public ModelReply send(ProviderInfo provider, ModelRequest request, Supplier<ModelReply> call) {
        long start = System.nanoTime();
        ModelReply reply;
        try {
            reply = call.get();
        } catch (RuntimeException e) {
            tell(provider, request, false, Optional.empty(), Optional.of(String.valueOf(e.getMessage())), start);
            throw e;
        }
        synchronized (paid) {
            paid.record(request, reply);
        }
        tell(provider, request, false, Optional.of(reply), Optional.empty(), start);
        return reply;
    }

    /**
     * Counts a reply that came back in a provider batch job as paid, at the batch price, and tells the observer of the
     * call.
     *
     * @param provider the provider that answered, for the observer
     * @param request what was sent in the job
     * @param reply what the job answered
     * @return the reply
     */
    public ModelReply batched(ProviderInfo provider, ModelRequest request, ModelReply reply) {
        synchronized (paid) {
            paid.recordBatched(request, reply);
        }
        tell(provider, request, false, Optional.of(reply), Optional.empty(), System.nanoTime());
        return reply;
    }

    /** Tells the observer of a request answered from the call cache: nothing was sent, nothing paid. */
    void replayed(ProviderInfo provider, ModelRequest request, ModelReply reply) {
        tell(provider, request, true, Optional.of(reply), Optional.empty(), System.nanoTime());
    }

    private void tell(
            ProviderInfo provider,
            ModelRequest request,
            boolean cached,
            Optional<ModelReply> reply,
            Optional<String> failure,
            long start) {
        observer.accept(new ModelCall(
                provider,
                request.jsonSchema().isPresent(),
                cached,
                reply,
                failure,
                Duration.ofNanos(System.nanoTime() - start)));
    }
}
