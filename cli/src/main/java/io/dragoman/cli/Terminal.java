package io.dragoman.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Standard error when a person watches it on a terminal: the raw stream the progress bar is drawn on (it moves the
 * cursor with carriage returns, which {@link TerminalSafeWriter} would make visible) and how many columns the bar may
 * take without wrapping.
 *
 * @param err the raw standard error stream
 * @param columns the terminal's width
 */
record Terminal(PrintStream err, int columns) {

    /** The width when the terminal does not say. */
    static final int DEFAULT_COLUMNS = 80;

    /** Validates the width. */
    Terminal {
        Objects.requireNonNull(err, "err");
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive, was " + columns);
        }
    }

    /**
     * Standard error, when it is a terminal: on Linux when file descriptor 2 is a tty or pty, elsewhere when Java has
     * a console. The width comes from {@code COLUMNS}, else from {@code stty size}, else {@value #DEFAULT_COLUMNS}.
     */
    static Optional<Terminal> detect(PrintStream err, Map<String, String> environment) {
        if (!stderrIsATerminal()) {
            return Optional.empty();
        }
        return Optional.of(new Terminal(err, columns(environment)));
    }

    private static boolean stderrIsATerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later return a console even when redirected; they say whether it is a terminal
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console means standard input and output are a terminal
        }
    }

    private static int columns(Map<String, String> environment) {
        String columns = environment.get("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to asking the terminal
            }
        }
        return sttyColumns().orElse(DEFAULT_COLUMNS);
    }

    /** The width {@code stty size} reports for the controlling terminal, waiting at most a second. */
    private static Optional<Integer> sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return Optional.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(tty))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String size;
            try (InputStream in = stty.getInputStream()) {
                if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                    stty.destroyForcibly();
                    return Optional.empty();
                }
                size = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
            String[] rowsAndColumns = size.split("\\s+");
            int n = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
            return n > 0 ? Optional.of(n) : Optional.empty(); // a pty nobody sized says 0 0
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
