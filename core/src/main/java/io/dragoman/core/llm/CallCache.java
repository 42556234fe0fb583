package io.dragoman.core.llm;

import java.util.Optional;

/**
 * Model replies kept by key, so that a call already paid for is never made again: after a crash, on a rerun, or when
 * only the output format changed. {@link CachingModelProvider} computes the keys and decides what is kept; the run
 * store keeps them on disk. Implementations are thread-safe.
 */
public interface CallCache {

    /** The reply stored under {@code key}, or empty when there is none. */
    Optional<ModelReply> get(String key);

    /** Stores {@code reply} under {@code key}, replacing any earlier one; it is on disk when this returns. */
    void put(String key, ModelReply reply);
}
