package io.dragoman.core.input;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over a stream that reads its next element only when {@link #hasNext()} asks, and holds at most that one.
 * Subclasses say how the next element is read and when the stream has ended.
 *
 * @param <T> the elements
 */
abstract class ReadAhead<T> implements Iterator<T> {

    private boolean finished;
    private T pending;

    /** Reads the next element, or returns {@code null} when there is none. */
    abstract T advance();

    /** Ends the iteration: {@link #hasNext()} is false from now on, except for an element already read. */
    final void finish() {
        finished = true;
    }

    @Override
    public final boolean hasNext() {
        if (pending == null && !finished) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T next = pending;
        pending = null;
        return next;
    }
}
