package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.StandInModel;
import io.dragoman.core.testing.TestWarcs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Runs the packaged {@code dragoman-beam.jar} as a user does, on the DirectRunner against a stand-in for OpenAI, with
 * the key in the environment only. Run by failsafe after {@code package}.
 */
class BeamJarIT {
    private static final int ARTICLES = 5;

    @TempDir
    Path tmp;

    @Test
    void runsAWebArchiveFromThePackagedJarWithTheKeyFromTheEnvironment() throws Exception {
        Path jar = Path.of(System.getProperty("dragoman.beam.jar", "target/dragoman-beam.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn verify").isRegularFile();
        List<WarcRecord> records = new ArrayList<>(TestWarcs.crawl(0));
        for (int n = 0; n < ARTICLES; n++) {
            records.add(TestWarcs.resource(
                    "https://lokal.example/" + n,
                    "text/plain",
                    LocalNews.NEWS.article(n).page()));
        }
        Path warc = tmp.resolve("crawl.warc.gz");
        TestWarcs.write(warc, true, records);
        Path out = tmp.resolve("out");
        String key = "sk-test-beam-jar-secret";
        try (StandInModel model = StandInModel.start(0, 8, 1)) {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            jar.toString(),
                            "--runner=DirectRunner",
                            "--inputs=" + warc,
                            "--output=" + out,
                            "--provider=openai",
                            "--baseUrl=" + model.baseUrl(),
                            "--shards=2")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(tmp.resolve("stdout").toFile())
                    .redirectError(tmp.resolve("stderr").toFile());
            builder.environment().put("OPENAI_API_KEY", key);
            builder.environment().put("XDG_CONFIG_HOME", tmp.toString());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            assertThat(process.waitFor(240, TimeUnit.SECONDS))
                    .as("the job ends")
                    .isTrue();
            String stdout = Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8);
            String stderr = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(stderr).isZero();
            assertThat(model.requests()).isGreaterThanOrEqualTo(2 * ARTICLES);
            assertThat(stdout + stderr).doesNotContain(key);
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("articles-"))
                        .toList()) {
                    lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
            assertThat(lines).hasSize(ARTICLES).allSatisfy(l -> assertThat(l).contains("\"summary\""));
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.UTF_8))
                            .as(f.toString())
                            .doesNotContain(key);
                }
            }
        }
    }
}
