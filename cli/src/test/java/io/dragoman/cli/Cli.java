package io.dragoman.cli;

import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;
import picocli.CommandLine;

/**
 * Runs {@code dragoman} in process, as {@link DragomanCommand#main} would, with standard input given and standard
 * output and error captured. Every run shares one language detector: loading its model takes about a second.
 */
final class Cli {
    /** The seed articles, relative to the module directory that tests run in. */
    static final Path SEEDS = Path.of("..", "seeds");

    static final String FIRST_SEED = "000_9d6d41b7495442df";
    static final String SECOND_SEED = "002_2bc17d9c9461e4a0";
    static final String FIRST_PUBLISHED = "2020-11-26T17:25:00+03:00";
    static final String SECOND_PUBLISHED = "2024-06-24T16:28:00+03:00";

    private Cli() {}

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Standard error split into lines. */
        java.util.List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs with empty standard input. */
    static Result run(String... args) {
        return run(new byte[0], args);
    }

    /** Runs with {@code stdin} as standard input. */
    static Result run(byte[] stdin, String... args) {
        return run(stdin, standardCleaners(), args);
    }

    /** Runs with the given cleaners, for tests that watch what the cleaner is handed. */
    static Result run(byte[] stdin, LongFunction<Cleaner> cleaners, String... args) {
        return run(
                new DragomanCommand(() -> stdinOf(stdin), cleaners, Map.of(), baseUrl -> false, Shared.DETECTOR), args);
    }

    /** Runs with these environment variables (API keys, config location) and no local Ollama. */
    static Result runWith(java.util.Map<String, String> environment, String... args) {
        return run(
                new DragomanCommand(
                        () -> stdinOf(new byte[0]), standardCleaners(), environment, baseUrl -> false, Shared.DETECTOR),
                args);
    }

    private static Result run(DragomanCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DragomanCommand.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Real cleaners, sharing the profiles and the language model. */
    static LongFunction<Cleaner> standardCleaners() {
        return maxBytes -> new DetectingCleaner(Shared.PROFILES, Shared.DETECTOR, maxBytes);
    }

    private static InputStream stdinOf(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Loaded once, on first use. */
    private static final class Shared {
        static final BoilerplateProfiles PROFILES = BoilerplateProfiles.builtIn();
        static final OpenNlpLanguageDetector DETECTOR = new OpenNlpLanguageDetector();
    }
}
