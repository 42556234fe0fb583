package io.dragoman.core.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * #savedUsage()} tell what this run did not pay for, and an article's {@link CallSession} what its work did pay for.
 * Two threads asking the same uncached question at the same moment both call the delegate.
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

    /**
     * @param delegate the provider asked on a miss
     * @param cache where replies are kept, usually {@code RunStore.callCache()}
     */
    public CachingModelProvider(ModelProvider delegate, CallCache cache) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        String key = key(delegate.info(), request);
        Optional<ModelReply> kept = lookUp(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        return keep(key, delegate.chat(request));
    }

    /**
     * Answers from the cache unless the session is {@linkplain CallSession#fresh() fresh}; otherwise sends the request
     * through the session, which counts it as paid. Either way the session's observer hears of the call.
     */
    @Override
    public ModelReply chat(ModelRequest request, CallSession session) {
        String key = key(delegate.info(), request);
        Optional<ModelReply> kept = replay(key, request, session);
        if (kept.isPresent()) {
            return kept.get();
        }
        misses.incrementAndGet();
        return session.send(delegate.info(), request, () -> keep(key, delegate.chat(request)));
    }

    /**
     * The kept reply to a request whose {@link #key} is {@code key}, when the session may read the cache and the call
     * is there: counted as a hit and told to the session as replayed. Empty otherwise, with nothing sent.
     */
    public Optional<ModelReply> replay(String key, ModelRequest request, CallSession session) {
        if (session.fresh()) {
            return Optional.empty();
        }
        Optional<ModelReply> kept = cache.get(key);
        kept.ifPresent(reply -> {
            counted(reply);
            session.replayed(delegate.info(), request, reply);
        });
        return kept;
    }

    /** The kept reply, when there is one; counts the hit or the miss. */
    private Optional<ModelReply> lookUp(String key) {
        Optional<ModelReply> kept = cache.get(key);
        kept.ifPresentOrElse(this::counted, misses::incrementAndGet);
        return kept;
    }

    /** Counts a reply answered from the cache, and what it saved. */
    private void counted(ModelReply reply) {
        hits.incrementAndGet();
        reply.usage().ifPresent(used -> saved.accumulateAndGet(used, Usage::plus));
    }

    private ModelReply keep(String key, ModelReply reply) {
        if (reply.finishReason() == FinishReason.STOP) {
            cache.put(key, reply);
        }
        return reply;
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
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
