package io.dragoman.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command that works through a batch shows its progress: {@code -q}, and how often the plain line comes. */
final class DisplayOptions {
    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors: no progress display and no summary.")
    boolean quiet;

    /** Hidden: for tests and for logs that want the line more or less often than every 15 seconds. */
    @Option(
            names = "--progress-interval",
            hidden = true,
            paramLabel = "DURATION",
            description = "How often the progress line is printed when standard error is not a terminal (ISO-8601,"
                    + " e.g. PT15S).")
    Duration progressInterval = Progress.LOG_EVERY;

    /** The display for a command whose standard error is {@code terminal}, when it is one. */
    Progress.Display display(Optional<Terminal> terminal) {
        return new Progress.Display(terminal, quiet, progressInterval);
    }
}
