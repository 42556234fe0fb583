package io.dragoman.cli;

import io.dragoman.core.output.SiteServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dragoman serve DIR}: serves the reader site on 127.0.0.1 and renders it again as a run commits. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the reader site of a run directory on http://127.0.0.1:PORT/ (this machine only), rendering it"
                    + " from the store first and again whenever the store changes, so a running batch's articles show"
                    + " up as they are committed. Ctrl-C stops it.",
        },
        footer = {"", ExitCodes.SERVE_HELP})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--interval",
            paramLabel = "S",
            defaultValue = "5",
            description = "Seconds between looks at the store for new articles (default: ${DEFAULT-VALUE}).")
    int interval;

    @Override
    public Integer call() throws InterruptedException {
        SiteCommand.store(dir);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("--interval must be at least 1 second, was " + interval);
        }
        SiteServer server;
        try {
            server = new SiteServer(dir, port);
        } catch (BindException e) {
            throw new IllegalArgumentException(
                    "Port " + port + " on 127.0.0.1 is taken: give another with --port N (0 picks a free one).");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("dragoman serve: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        PrintWriter out = spec.commandLine().getOut();
        String address = server.address().toString();
        // SIGTERM or Ctrl-C: stop listening once a render in progress has ended, then the JVM exits (143 or 130)
        Thread stop = new Thread(
                () -> {
                    server.close();
                    out.println("Stopped serving " + address + ".");
                    out.flush();
                },
                "dragoman-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("Serving " + dir.resolve("site") + " on " + address + " (Ctrl-C stops).");
        out.flush();
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(interval * 1000L);
            try {
                if (server.refreshIfChanged()) {
                    out.println("Rendered the site again: the store changed.");
                    out.flush();
                }
            } catch (RuntimeException e) {
                // the store busy or a file not writable for a moment: keep serving what is there and try again
                spec.commandLine()
                        .getErr()
                        .println("dragoman serve: could not render the site again (trying again in " + interval
                                + " s): " + e.getMessage());
                spec.commandLine().getErr().flush();
            }
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        server.close();
        return ExitCodes.OK;
    }
}
