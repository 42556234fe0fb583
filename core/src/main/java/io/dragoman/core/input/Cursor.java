package io.dragoman.core.input;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Inputs produced one at a time as they are asked for, holding at most one open file; closing releases it. This is
 * what keeps a batch streamed: a directory of files or a JSONL file of any length never sits in memory.
 */
interface Cursor extends Iterator<Input>, Closeable {

    /** Releases what the cursor holds open; never throws, and may be called more than once. */
    @Override
    void close();

    /** A cursor with nothing in it. */
    static Cursor empty() {
        return new Cursor() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public Input next() {
                throw new NoSuchElementException();
            }

            @Override
            public void close() {}
        };
    }

    /** A cursor of one input, made only when it is asked for. */
    static Cursor of(Supplier<Input> input) {
        return new Cursor() {
            private boolean taken;

            @Override
            public boolean hasNext() {
                return !taken;
            }

            @Override
            public Input next() {
                if (taken) {
                    throw new NoSuchElementException();
                }
                taken = true;
                return input.get();
            }

            @Override
            public void close() {
                taken = true;
            }
        };
    }

    /**
     * The inputs of the cursors {@code parts} hands out, one after the other: each is asked for only when the one
     * before is used up (and closed). {@code parts} returns null when there are no more.
     */
    static Cursor chain(Supplier<Cursor> parts) {
        return new Cursor() {
            private Cursor current = empty();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    current.close();
                    current = empty();
                    if (done) {
                        return false;
                    }
                    Cursor next = parts.get();
                    if (next == null) {
                        done = true;
                        return false;
                    }
                    current = next;
                }
                return true;
            }

            @Override
            public Input next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            @Override
            public void close() {
                done = true;
                current.close();
                current = empty();
            }
        };
    }
}
