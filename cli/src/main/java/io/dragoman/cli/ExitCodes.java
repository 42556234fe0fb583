package io.dragoman.cli;

/** The exit codes of every {@code dragoman} command. */
final class ExitCodes {
    /** Every article was done. */
    static final int OK = 0;
    /** Some articles failed; they are listed. */
    static final int SOME_FAILED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** Configuration is missing or wrong (no provider, rejected key). */
    static final int CONFIG = 3;
    /** The cost budget was reached. */
    static final int BUDGET = 4;
    /**
     * The run store or an output file could not be written (a full disk, a file size limit, a read-only directory,
     * another run holding the store); what was finished is kept, and the same command resumes once that is fixed.
     */
    static final int CANNOT_WRITE = 5;
    /** The run was interrupted (Ctrl-C, SIGINT) and can be resumed. */
    static final int INTERRUPTED = 130;
    /** The run was asked to stop with SIGTERM ({@code kill}, {@code timeout}, systemd, Docker) and can be resumed. */
    static final int TERMINATED = 143;

    private ExitCodes() {}
}
