package io.dragoman.cli;

import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.input.SkippedFiles;
import io.dragoman.core.input.SkippedRecords;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs a command reads and the options that go with reading them. */
final class InputOptions {
    @Parameters(
            paramLabel = "INPUT",
            arity = "1..*",
            description = "Files or directories (read recursively) of scraped articles, plain text or HTML;"
                    + " JSONL files (.jsonl, .jsonl.gz) with one {\"id\", \"url\", \"text\" or \"html\"} object"
                    + " per line, other fields carried through as \"extra\"; web archives (.warc, .warc.gz), one article"
                    + " per HTML or text capture; - for standard input.")
    List<String> inputs;

    @Option(
            names = "--max-bytes",
            paramLabel = "N",
            description =
                    "Skip inputs (and JSONL lines) larger than N bytes, with an error (default: ${DEFAULT-VALUE}).",
            converter = ByteLimitConverter.class)
    long maxBytes = DetectingCleaner.DEFAULT_MAX_BYTES;

    @Option(
            names = "--glob",
            paramLabel = "PATTERN",
            description = "In directories, read only the files whose path relative to the directory matches PATTERN,"
                    + " e.g. '**/*.txt' (quote it); files named explicitly are always read.",
            converter = GlobConverter.class)
    String glob;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print a line for each article a model worked on (calls, tokens, cost), and stack traces for"
                    + " unexpected errors.")
    boolean verbose;

    /** The reader these options describe: the size limit and the {@code --glob} filter, {@code -} from {@code stdin}. */
    InputReader reader(Supplier<InputStream> stdin) {
        return new InputReader(maxBytes, stdin, Optional.ofNullable(glob));
    }

    /** Accepts a glob only if it compiles, so that a bad pattern is a usage error naming it. */
    static final class GlobConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                new InputReader(1, InputStream::nullInputStream, Optional.of(value));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            return value;
        }
    }

    /**
     * The lines that say how many files {@code reader}'s directory listings skipped as not articles and what they were
     * ({@code *.sh, *.png}), and how many web archive records held no article and of which kinds ({@code 3 request, 1
     * status 404}), each when there were any.
     */
    static List<String> skipped(InputReader reader) {
        List<String> lines = new ArrayList<>();
        SkippedFiles skipped = reader.skipped();
        int count = skipped.count();
        if (count > 0) {
            lines.add("dragoman: skipped " + count
                    + (count == 1 ? " file that is not an article: " : " files that are not articles: ")
                    + String.join(", ", skipped.patterns()));
        }
        SkippedRecords records = reader.skippedRecords();
        if (records.count() > 0) {
            lines.add("dragoman: skipped " + records.count()
                    + (records.count() == 1
                            ? " WARC record that is not an article: "
                            : " WARC records that are not articles: ")
                    + records.describe());
        }
        return lines;
    }

    /** The line for a batch that found nothing to read, naming the inputs; the command ends with exit code 1. */
    String nothingFound() {
        return "dragoman: no articles found in " + String.join(" ", inputs)
                + " (an empty directory, a JSONL file without records"
                + (glob != null ? ", or no file matching --glob " + glob : "") + ")";
    }
}
