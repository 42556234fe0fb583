package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Beam job on the DirectRunner, and the options it refuses before it starts. */
class DirectRunnerTest extends RunnerContract {
    @TempDir
    Path dir;

    @Override
    List<String> runner() {
        return List.of("--runner=DirectRunner");
    }

    @Test
    void refusesARateLimitTooSmallForItsShards() {
        Run r = beam("--inputs=" + dir, "--output=" + dir.resolve("out"), "--rpm=3", "--shards=4");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("dragoman-beam: --rpm=3 is less than one request per minute for each of the 4 shards:"
                        + " use fewer --shards.\n");
    }
}
