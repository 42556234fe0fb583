package io.dragoman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        Optional<RunReport.ThisRun> last = lastRun(dir.resolve("report.json"));
        if (last.isPresent()) {
            report = new RunReport(
                    report.articles(),
                    report.failures(),
                    report.reviews(),
                    report.checks(),
                    report.summaryWarnings(),
                    report.spend(),
                    report.identicalCopies(),
                    last);
        }
        if (json) {
            spec.commandLine().getOut().print(report.json());
        } else {
            spec.commandLine().getOut().print(report.markdown());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * The "This run" part of the report the last run wrote, so this report says what the file says; empty when there
     * is no such file or it cannot be read (the articles, read from the store, are reported all the same).
     */
    private static Optional<RunReport.ThisRun> lastRun(Path reportJson) {
        if (!Files.isRegularFile(reportJson)) {
            return Optional.empty();
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode node = json.readTree(reportJson.toFile()).path("thisRun");
            return node.isObject() ? Optional.of(json.treeToValue(node, RunReport.ThisRun.class)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
