package io.dragoman.core.llm.batch;

import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.CallCache;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.DeferredCall;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model as a run with provider batch jobs sees it, in front of the call cache: a request a batch job answered
 * gets that reply (counted at the batch price and kept in the call cache, as an online reply would be); one the cache
 * holds is replayed; any other is collected for the next job and the work that asked for it stops with a {@link
 * DeferredCall}, leaving its article pending. The step machines stay as they are: each pass over the articles gets a
 * step further, and the requests a pass collects (first requests, then repairs, re-asks and split chunks) are the
 * next job. Once {@linkplain #goOnline() online}, and for a request a job answered with an error, the call goes to
 * the online model instead. Thread-safe.
 */
public final class BatchedModel implements ModelProvider {

    private final CachingModelProvider online;
    private final CallCache cache;
    private final BatchAnswers answers;
    private final Map<String, ModelRequest> collected = new LinkedHashMap<>(); // guarded by itself
    private volatile boolean collecting = true;

    /**
     * @param online the call cache in front of the online model
     * @param cache the call cache itself, where a job's replies are kept
     * @param answers the replies batch jobs brought back
     */
    public BatchedModel(CachingModelProvider online, CallCache cache, BatchAnswers answers) {
        this.online = Objects.requireNonNull(online, "online");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        return chat(request, CallSession.detached());
    }

    @Override
    public ModelReply chat(ModelRequest request, CallSession session) {
        String key = CachingModelProvider.key(info(), request);
        var answered = answers.take(key);
        if (answered.isPresent()) {
            ModelReply reply = answered.get();
            if (reply.finishReason() == FinishReason.STOP) {
                cache.put(key, reply);
            }
            return session.batched(info(), request, reply);
        }
        Optional<ModelReply> kept = online.replay(key, request, session);
        if (kept.isPresent()) {
            return kept.get();
        }
        if (!collecting || answers.errored(key)) {
            return online.chat(request, session);
        }
        synchronized (collected) {
            collected.putIfAbsent(key, request);
        }
        throw new DeferredCall();
    }

    /** Sends every request from now on to the online model (the few follow-ups a last pass has). */
    public void goOnline() {
        collecting = false;
    }

    /** True while requests are collected for batch jobs. */
    public boolean collecting() {
        return collecting;
    }

    /** The requests collected since the last call, by call key, in the order they came; clears them. */
    public List<Map.Entry<String, ModelRequest>> drain() {
        synchronized (collected) {
            List<Map.Entry<String, ModelRequest>> all = new ArrayList<>(collected.entrySet());
            collected.clear();
            return all.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
    }

    @Override
    public ProviderInfo info() {
        return online.info();
    }
}
