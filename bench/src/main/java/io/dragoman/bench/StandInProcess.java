package io.dragoman.bench;

import io.dragoman.core.testing.StandInModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The stand-in model ({@link StandInModel}) in a process of its own, so that a benchmark of the packaged CLI measures
 * the client alone: its CPU, its threads and its garbage collector do not share a JVM with the server.
 *
 * <p>Prints the base URL as its first line, then answers each {@code stats} line on standard input with one line:
 * {@code requests misses first-arrival-nanos last-arrival-nanos} (arrival times on this process's monotonic clock).
 * Ends when its standard input closes.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.StandInProcess LATENCY_MS [THREADS]
 * }</pre>
 */
public final class StandInProcess {

    /** Arrival times kept: enough for every request of a benchmark run. */
    private static final int ARRIVALS = 200_000;

    private StandInProcess() {}

    /** Starts the server; see the class comment. */
    public static void main(String[] args) throws IOException {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (StandInModel model = StandInModel.start(latency, threads, ARRIVALS);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println(model.baseUrl());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("stats")) {
                    long[] arrivals = model.arrivals();
                    long first = arrivals.length == 0 ? 0 : arrivals[0];
                    long last = arrivals.length == 0 ? 0 : arrivals[arrivals.length - 1];
                    out.println(
                            String.format(Locale.ROOT, "%d %d %d %d", model.requests(), model.misses(), first, last));
                }
            }
        }
        System.exit(0); // Jetty's threads are not all daemons
    }
}
