package io.dragoman.cli;

import io.dragoman.core.output.SiteWriter;
import io.dragoman.core.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dragoman site DIR}: renders the reader site of a run directory again, from its store. */
@Command(
        name = "site",
        mixinStandardHelpOptions = true,
        description = {
            "Render the reader site of a run directory into DIR/site/ from its store (DIR/dragoman.db): an index of"
                    + " every article, newest first, with filters and a search in English and the original language;"
                    + " a page per article with the source and English side by side; a page per person,"
                    + " organisation, place and topic. Open DIR/site/index.html in a browser: it needs no network."
                    + " Every run writes the site too; this renders it without running anything.",
        },
        footer = {"", ExitCodes.SITE_HELP})
final class SiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Override
    public Integer call() {
        SiteWriter.Result result;
        try (RunStore store = RunStore.open(store(dir))) {
            result = new SiteWriter(dir.resolve("site")).write(store);
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("dragoman site: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Rendered %d articles into %s (%d files, %.1f s).%n",
                        result.articles(),
                        result.index(),
                        result.files(),
                        result.took().toMillis() / 1000.0);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The store of a run directory; a usage error when there is none. */
    static Path store(Path dir) {
        Path db = dir.resolve("dragoman.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException(
                    dir + " holds no run store (dragoman.db): run 'dragoman run INPUT… --out " + dir + "' first.");
        }
        return db;
    }
}
