package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory belongs to one run at a time ({@code DIR/.dragoman.lock}), and a fresh start with {@code --force}
 * that completes leaves only its own inputs' articles. In process; {@link StoppingAndLockingIT} runs two processes.
 */
class RunDirectoryTest {

    private static final String HOLDER = "pid 4242 on elsewhere, started 2026-11-23T12:00:00+01:00, dragoman run";

    @TempDir
    Path tmp;

    /** Holds the lock of {@code dir} as another run would, with {@code HOLDER} written in the file. */
    private static FileChannel holdTheLock(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(
                dir.resolve(RunLock.FILE),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        assertThat(lock.isValid()).isTrue();
        channel.write(java.nio.ByteBuffer.wrap((HOLDER + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return channel;
    }

    @Test
    void aRunIntoADirectoryAnotherRunHoldsRefusesBeforeCleaningAnything() throws IOException {
        Path out = tmp.resolve("out");
        try (FileChannel held = holdTheLock(out)) {
            Cli.Result r = run("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean");
            Cli.Result clean = run("clean", SEEDS.toString(), "--out", out.toString());

            for (Cli.Result refused : List.of(r, clean)) {
                assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
                assertThat(refused.errLines())
                        .containsExactly("dragoman: " + out + " is in use by another dragoman run (" + HOLDER
                                + "); wait for it to end or choose another --out");
                assertThat(refused.out()).isEmpty();
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RunLock.FILE);
        }
    }

    @Test
    void aLockWhoseHolderIsGoneIsTakenOverWithOneLineAndReleasedEmpty() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(RunLock.FILE), HOLDER + "\n", StandardCharsets.UTF_8);

        Cli.Result r = run("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines())
                .containsExactly("dragoman: taking over " + out.resolve(RunLock.FILE)
                        + " from a run that ended without releasing it (" + HOLDER + ")");
        assertThat(out.resolve(RunLock.FILE)).isEmptyFile();

        Cli.Result again = run("clean", SEEDS.toString(), "--out", out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err())
                .as("a lock released by its run is not taken over")
                .isEmpty();
    }

    @Test
    void aCompletedFreshStartKeepsOnlyTheArticlesOfItsInputs() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(run("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean")
                        .exitCode())
                .isZero();

        Cli.Result forced = run(
                "run",
                SEEDS.resolve(FIRST_SEED + ".txt").toString(),
                "--out",
                out.toString(),
                "--only",
                "clean",
                "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("articles.jsonl"), StandardCharsets.UTF_8))
                .singleElement()
                .asString()
                .contains("\"id\":\"" + FIRST_SEED + "\"");
        try (Stream<Path> pages = Files.list(out.resolve("md"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactly(FIRST_SEED + ".md");
        }
    }
}
