package io.dragoman.cli;

import io.dragoman.core.pipeline.OutputWriter;
import io.dragoman.core.pipeline.RunReport;
import io.dragoman.core.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dragoman report DIR}: the account of a run directory, read from its store. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Show what a run directory holds, from its store (DIR/dragoman.db): articles by status, failures grouped by"
                    + " reason with their ids, the translation checks that fired, summary warnings, tokens and cost by"
                    + " stage and model. Works while a run is going on.",
        },
        footer = {"", ExitCodes.REPORT_HELP})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Option(names = "--json", description = "Print the report as JSON (as report.json holds it) instead of Markdown.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path db = dir.resolve("dragoman.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException(
                    dir + " holds no run store (dragoman.db): run 'dragoman run INPUT… --out " + dir + "' first.");
        }
        RunReport report;
        try (RunStore store = RunStore.open(db)) {
            report = new OutputWriter(dir).report(store, Optional.empty());
        }
        if (json) {
            spec.commandLine().getOut().print(report.json());
        } else {
            spec.commandLine().getOut().print(report.markdown());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
