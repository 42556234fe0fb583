package io.dragoman.cli;

import io.dragoman.core.clean.DetectingCleaner;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs a command reads and the options that go with reading them. */
final class InputOptions {
    @Parameters(
            paramLabel = "INPUT",
            arity = "1..*",
            description =
                    "Files or directories (read recursively) of scraped articles, plain text or HTML; - for standard input.")
    List<String> inputs;

    @Option(
            names = "--max-bytes",
            paramLabel = "N",
            description = "Skip inputs larger than N bytes, with an error (default: ${DEFAULT-VALUE}).",
            converter = ByteLimitConverter.class)
    long maxBytes = DetectingCleaner.DEFAULT_MAX_BYTES;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show stack traces for unexpected errors.")
    boolean verbose;
}
