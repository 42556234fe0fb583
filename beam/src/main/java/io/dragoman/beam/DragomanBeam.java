package io.dragoman.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.setup.NoProviderException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code java -jar dragoman-beam.jar --inputs=PATTERN[,PATTERN…] --output=DIR [--runner=…] [--provider=…
 * --model=… --baseUrl=… --rpm=… --tpm=… --only=… --maxCost=… --shards=N]}: the Dragoman pipeline as a Beam job. Builds
 * the job, runs it on the chosen runner, waits for it, and writes {@code DIR/report-<run>.json} from the job's
 * counters: articles by status, failures, duplicates dropped, articles an earlier run did, WARC records skipped.
 */
public final class DragomanBeam {
    /** The namespace of the job's counters. */
    static final String METRICS = "dragoman";

    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private DragomanBeam() {}

    /**
     * Runs the job; exit code 0 when it finished with every article done, 1 when it failed or finished with articles
     * failed (each in {@code failures-*.jsonl}, tried again by a rerun), 2 for bad options, 3 for no usable model.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the job with these arguments, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        PipelineOptionsFactory.register(DragomanOptions.class);
        DragomanOptions options;
        JobSettings settings;
        Instant start = clock.instant();
        try {
            options = PipelineOptionsFactory.fromArgs(args).withValidation().as(DragomanOptions.class);
            settings = JobSettings.of(options, RUN_NAME.format(start));
        } catch (IllegalArgumentException e) {
            err.println("dragoman-beam: " + e.getMessage());
            return 2;
        }
        Pipeline pipeline = Pipeline.create(options);
        DragomanPipeline.build(pipeline, settings);
        PipelineResult result;
        try {
            result = pipeline.run();
            result.waitUntilFinish();
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            err.println("dragoman-beam: the job failed: " + cause.getMessage());
            return cause instanceof NoProviderException ? 3 : 1;
        }
        Map<String, Long> counts = counters(result);
        ObjectNode report = report(settings, counts, Duration.between(start, clock.instant()));
        try {
            write(settings.under("report-" + settings.run() + ".json"), report);
        } catch (IOException e) {
            err.println("dragoman-beam: cannot write the report: " + e.getMessage());
            return 1;
        }
        out.println(summary(settings, counts));
        return counts.getOrDefault("articles failed", 0L) > 0 ? 1 : 0;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The job's counters by name; committed values where the runner has them, attempted ones otherwise. */
    private static Map<String, Long> counters(PipelineResult result) {
        Map<String, Long> counts = new TreeMap<>();
        MetricQueryResults metrics =
                result.metrics().queryMetrics(MetricsFilter.builder().build());
        for (MetricResult<Long> c : metrics.getCounters()) {
            if (!c.getName().getNamespace().equals(METRICS)) {
                continue;
            }
            long value;
            try {
                value = c.getCommitted();
            } catch (UnsupportedOperationException e) {
                value = c.getAttempted();
            }
            counts.merge(c.getName().getName(), value, Long::sum);
        }
        return counts;
    }

    private static ObjectNode report(JobSettings s, Map<String, Long> counts, Duration took) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("run", s.run());
        report.put("seconds", took.toMillis() / 1000.0);
        ObjectNode articles = report.putObject("articles");
        ObjectNode skipped = report.putObject("skippedWarcRecords");
        counts.forEach((name, n) -> {
            if (name.startsWith("articles ")) {
                articles.put(name.substring("articles ".length()), n);
            } else if (name.startsWith("skipped WARC records: ")) {
                skipped.put(name.substring("skipped WARC records: ".length()), n);
            } else {
                report.put(name, n);
            }
        });
        return report;
    }

    private static String summary(JobSettings s, Map<String, Long> counts) {
        StringBuilder line = new StringBuilder("dragoman-beam: run " + s.run() + " into " + s.output() + ":");
        counts.forEach(
                (name, n) -> line.append(' ').append(n).append(' ').append(name).append(','));
        if (counts.isEmpty()) {
            line.append(" nothing to do,");
        }
        line.setLength(line.length() - 1);
        return line.toString();
    }

    private static void write(String spec, ObjectNode report) throws IOException {
        try (OutputStream out = Channels.newOutputStream(
                FileSystems.create(FileSystems.matchNewResource(spec, false), "application/json"))) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, report);
        }
    }
}
