package io.dragoman.cli;

import io.dragoman.core.output.DigestOptions;
import io.dragoman.core.output.DigestWriter;
import io.dragoman.core.store.RunStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dragoman digest DIR}: what happened per day or week, as {@code DIR/digest.md} and the site's digest page. */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = {
            "Write DIR/digest.md and the digest page of the reader site (DIR/site/digest.html): per day or week, the"
                    + " stories (articles grouped by the people, organisations, places and topics they share, and"
                    + " versions of one report), the people and organisations named most with their change against"
                    + " the period before, and the names seen for the first time. Later renders of the site keep"
                    + " these options.",
        },
        footer = {"", ExitCodes.DIGEST_HELP})
final class DigestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Option(names = "--since", paramLabel = "DATE", description = "The first day (yyyy-mm-dd) covered.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "The last day (yyyy-mm-dd) covered.")
    LocalDate until;

    @Option(
            names = "--by",
            paramLabel = "day|week",
            defaultValue = "week",
            converter = PeriodOption.class,
            description = "The length of a period: day, or week from Monday (default: ${DEFAULT-VALUE}).")
    DigestOptions.Period by;

    @Override
    public Integer call() {
        DigestOptions options;
        try {
            options = new DigestOptions(Optional.ofNullable(since), Optional.ofNullable(until), by);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DigestWriter.Result result;
        try (RunStore store = RunStore.open(SiteCommand.store(dir))) {
            result = new DigestWriter(dir).write(store, options, Optional.empty());
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("dragoman digest: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        int articles = result.digest().periods().stream()
                .mapToInt(io.dragoman.core.output.Digest.Period::articles)
                .sum();
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Wrote the digest of %d articles in %d periods to %s and %s.%n",
                        articles,
                        result.digest().periods().size(),
                        result.markdown(),
                        result.site().index().resolveSibling("digest.html"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** {@code day} or {@code week}, as typed. */
    static final class PeriodOption implements picocli.CommandLine.ITypeConverter<DigestOptions.Period> {
        @Override
        public DigestOptions.Period convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "day" -> DigestOptions.Period.DAY;
                case "week" -> DigestOptions.Period.WEEK;
                default ->
                    throw new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not a period: day or week.");
            };
        }
    }
}
