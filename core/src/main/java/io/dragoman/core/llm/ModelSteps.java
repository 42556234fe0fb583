package io.dragoman.core.llm;

import java.util.Objects;
import java.util.function.Function;

/**
 * A piece of model work for one article (its translation, its summary) as a sequence of steps: each step is either
 * a request to send or the finished result, and each reply decides the next step (a repair request, a re-ask, the
 * halves of a truncated chunk, or the end). The work holds its own state and sends nothing: an executor decides when
 * and how the requests go — at once ({@link #runOnline}), collected into a provider's batch job whose replies come
 * back hours later, or from a distributed engine — and the checks and the choice between attempts exist once.
 *
 * <p>Not thread-safe: one executor drives one instance, one step at a time.
 *
 * @param <T> the result
 */
public interface ModelSteps<T> {

    /** The first step. Called once, before anything else. */
    Step<T> start();

    /**
     * Takes the reply to the request of the last step and says what comes next.
     *
     * @throws SpentFailure (the work's own subclass) when the work cannot succeed: its checks still fail after the
     *     repair or re-ask it allows
     */
    Step<T> answer(ModelReply reply);

    /**
     * The work's failure for a request that could not be answered (the provider refused it, or kept failing after the
     * retries): it names the article and carries what the work had spent.
     */
    SpentFailure failed(ModelFailure failure);

    /**
     * Runs the work to the end, sending each step's request at once through {@code model} on behalf of {@code
     * session}.
     *
     * @throws SpentFailure when the work fails
     */
    default T runOnline(ModelProvider model, CallSession session) {
        return runOnline(role -> model, session);
    }

    /**
     * Runs the work to the end, sending each step's request at once through the model of its role on behalf of
     * {@code session}.
     *
     * @throws SpentFailure when the work fails
     */
    default T runOnline(Function<Role, ModelProvider> models, CallSession session) {
        Step<T> step = start();
        while (step instanceof Step.Send<T> send) {
            ModelReply reply;
            try {
                reply = models.apply(send.role()).chat(send.request(), session);
            } catch (ModelFailure e) {
                throw failed(e);
            }
            step = answer(reply);
        }
        return ((Step.Finished<T>) step).result();
    }

    /** Which model a request is for. */
    enum Role {
        /** The model doing the work: translating, summarising. */
        MAIN,
        /** A second model reviewing the work (see {@code --review-model}). */
        REVIEWER
    }

    /**
     * What a piece of work needs next.
     *
     * @param <T> the work's result
     */
    sealed interface Step<T> {

        /**
         * A request to send; its reply goes to {@link ModelSteps#answer}.
         *
         * @param request the request
         * @param role which model it is for
         */
        record Send<T>(ModelRequest request, Role role) implements Step<T> {
            /** Validates that the request and role are there. */
            public Send {
                Objects.requireNonNull(request, "request");
                Objects.requireNonNull(role, "role");
            }

            /** A request for the main model. */
            public Send(ModelRequest request) {
                this(request, Role.MAIN);
            }
        }

        /**
         * The work is done.
         *
         * @param result what it produced
         */
        record Finished<T>(T result) implements Step<T> {
            /** Validates that the result is there. */
            public Finished {
                Objects.requireNonNull(result, "result");
            }
        }
    }
}
