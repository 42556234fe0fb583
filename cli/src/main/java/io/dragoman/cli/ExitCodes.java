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

    /** The ending every command shares when a signal stops it. */
    private static final String SIGNALS = "130 interrupted (Ctrl-C), 143 terminated (SIGTERM)";

    /** The help footer of {@code run}, {@code translate} and {@code summarize}. */
    static final String MODEL_JOB_HELP = "Exit codes: 0 all done, 1 some articles failed or need review (listed in"
            + " failures.jsonl and report.md) or the inputs hold no articles, 2 usage error or DIR in use by another run, 3 configuration error (no"
            + " provider, rejected key, unknown model), 4 cost budget reached, 5 the store or an output file could not"
            + " be written, " + SIGNALS + "; all but 2 resume with the same command.";

    /** The help footer of {@code clean}. */
    static final String CLEAN_HELP = "Exit codes: 0 all cleaned, 1 some inputs failed (each named on standard error)"
            + " or the inputs hold no articles, 2 usage error or the --out DIR in use by another run, 5 the --out DIR"
            + " or a file in it could not be written, " + SIGNALS + ".";

    /** The help footer of {@code estimate}. */
    static final String ESTIMATE_HELP = "Exit codes: 0 estimated, 1 some inputs failed to clean (each named on standard"
            + " error) or the inputs hold no articles, 2 usage error, " + SIGNALS + ".";

    /** The help footer of {@code report}. */
    static final String REPORT_HELP =
            "Exit codes: 0 shown, 1 the store could not be read, 2 usage error (no store in DIR), " + SIGNALS + ".";

    /** The help footer of {@code site}. */
    static final String SITE_HELP = "Exit codes: 0 rendered, 1 the store could not be read, 2 usage error (no store in"
            + " DIR), 5 a file of the site could not be written, " + SIGNALS + ".";

    /** The help footer of {@code digest}. */
    static final String DIGEST_HELP = "Exit codes: 0 written, 1 the store could not be read or a period got no"
            + " overview, 2 usage error (no store in DIR, or --since after --until), 3 configuration error (no"
            + " provider or key for --overview), 5 a file could not be written, " + SIGNALS + ".";

    /** The help footer of {@code serve}. */
    static final String SERVE_HELP = "Exit codes: 0 stopped, 1 the store could not be read, 2 usage error (no store in"
            + " DIR, or the port is taken), 5 a file of the site could not be written, " + SIGNALS + ".";

    /** The help footer of {@code models}. */
    static final String MODELS_HELP = "Exit codes: 0 listed, 2 usage error, " + SIGNALS + ".";

    /** The help footer of commands that only print text: {@code help}, {@code generate-completion}. */
    static final String PRINT_HELP = "Exit codes: 0 printed, 2 usage error.";

    /** The help footer of {@code dragoman} itself: every code, each command's help saying which it ends with. */
    static final String ALL_HELP = "Exit codes (each command's --help lists its own): 0 done, 1 some inputs or"
            + " articles failed or need review, or no articles, 2 usage error, 3 configuration error, 4 cost budget reached, 5 the store or an output"
            + " file could not be written, " + SIGNALS + ".";

    private ExitCodes() {}
}
