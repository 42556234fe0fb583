package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.cli.StandInRuns.Exit;
import io.dragoman.cli.StandInRuns.Running;
import io.dragoman.cli.StandInRuns.Snapshot;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.Stage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI out of disk space and in a read-only output directory: the run stops with one line on standard error
 * that names the file and the cause, and exit code 5; the run store passes SQLite's integrity check; and the same
 * command, once there is room or the directory can be written, resumes to outputs byte for byte as an uninterrupted
 * run writes them, without asking again for any reply the store held.
 *
 * <p>A full disk without root: the child JVM starts under {@code ulimit -f} (RLIMIT_FSIZE), so that a write past the
 * limit fails with EFBIG, "File too large" (HotSpot ignores the SIGXFSZ that comes with it). SQLite's native library,
 * which sqlite-jdbc would unpack into the temporary directory at each start, is unpacked once beforehand, since the
 * limit would stop that too. A read-only directory is {@code chmod 555}; as root, where that stops no write, the child
 * runs under {@code setpriv} without the capabilities that let root ignore file permissions, and the tests are skipped
 * when that is not possible.
 */
class FullDiskAndReadOnlyIT {

    private static final int ARTICLES = 30;
    private static final int CONCURRENCY = 4;
    private static final int LATENCY_MS = 50;
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path tmp;

    private static StandInRuns runs;
    private static Path reference;
    private static List<String> jvmOptions;

    @BeforeAll
    static void runOnceUninterrupted() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty("os.name").startsWith("Linux"), "ulimit, chmod and setpriv as on Linux");
        runs = new StandInRuns(tmp, ARTICLES, CONCURRENCY, LATENCY_MS);
        jvmOptions = List.of(
                "-XX:-UsePerfData", // no memory-mapped statistics file in /tmp, which a size limit would stop too
                "-Dorg.sqlite.lib.path=" + unpackSqlite(),
                "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
        reference = tmp.resolve("reference");
        Exit full = finish(start(reference, "sk-test-disk-reference", List.of()));
        assertThat(full.code()).as(full.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(reference);
    }

    @AfterAll
    static void stopTheStandIn() {
        if (runs != null) {
            runs.close();
        }
    }

    @Test
    void aStoreThatHitsTheSizeLimitStopsTheRunWithOneLineAndTheSameCommandResumesOnceThereIsRoom() throws Exception {
        Path out = tmp.resolve("store-limit");
        // the size the store ends at: the write-ahead log, which takes every page a commit changes, gets there while
        // the articles are processed
        long limitKib = Math.max(64, Files.size(reference.resolve("dragoman.db")) / 1024);

        long started = System.nanoTime();
        Exit limited = finish(start(out, "sk-test-disk-store-limited", limit(limitKib)));
        long limitedMillis = millisSince(started);

        assertThat(limited.code()).as(limited.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertOneLine(limited.err(), "dragoman: Run store " + out.resolve("dragoman.db") + ": ", "too large");
        Snapshot atFailure = Snapshot.of(out, tmp.resolve("store-limit-snapshot"));
        assertThat(atFailure.summarized())
                .as("articles summarised when the store hit the limit")
                .isPositive()
                .isLessThan(ARTICLES);
        assertThat(out.resolve("articles.jsonl"))
                .as("no outputs from the failed run")
                .doesNotExist();

        started = System.nanoTime();
        Exit resumed = finish(start(out, "sk-test-disk-store-resumed", List.of()));
        long resumedMillis = millisSince(started);

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertSameOutputs(out, reference, "the run resumed after the size limit");
        assertStoreComplete(out);
        assertNothingAskedAgain(atFailure, "sk-test-disk-store-resumed");
        System.out.printf(
                Locale.ROOT,
                "FullDiskAndReadOnlyIT: store limited to %d KiB: exit %d after %d ms with %d of %d articles summarised"
                        + " and %d replies cached; resumed in %d ms with %d requests%n",
                limitKib,
                limited.code(),
                limitedMillis,
                atFailure.summarized(),
                ARTICLES,
                atFailure.cachedCalls(),
                resumedMillis,
                runs.standIn().requests("sk-test-disk-store-resumed"));

        // Outputs larger than the limit, the store complete: the previous outputs stay as they were
        String previous = "{\"the previous articles.jsonl\":true}\n";
        Files.writeString(out.resolve("articles.jsonl"), previous, StandardCharsets.UTF_8);
        long outputsKib = Files.size(reference.resolve("articles.jsonl")) / 1024 / 2;

        Exit outputsLimited = finish(start(out, "sk-test-disk-outputs-limited", limit(outputsKib)));

        assertThat(outputsLimited.code()).as(outputsLimited.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertOneLine(
                outputsLimited.err(),
                "dragoman: Cannot write " + out.resolve("articles.jsonl") + ": ",
                "File too large");
        assertThat(out.resolve("articles.jsonl")).hasContent(previous.strip());
        assertThat(StandInRuns.temporaryFiles(out)).as("temporary files left").isEmpty();
        assertThat(runs.standIn().requests("sk-test-disk-outputs-limited")).isZero();
        assertStoreComplete(out);

        Exit rendered = finish(start(out, "sk-test-disk-outputs-resumed", List.of()));

        assertThat(rendered.code()).as(rendered.err()).isZero();
        runs.assertSameOutputs(out, reference, "the run after the outputs hit the size limit");
        assertThat(runs.standIn().requests("sk-test-disk-outputs-resumed")).isZero();
    }

    @Test
    void aDirectoryReadOnlyFromTheStartStopsTheRunBeforeAnyCallAndTheSameCommandRunsOnceItIsWritable()
            throws Exception {
        List<String> withoutOverride = readOnlyForTheChild();
        Path out = Files.createDirectories(tmp.resolve("read-only-from-the-start"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));

        Exit refused = finish(start(out, "sk-test-read-only-refused", withoutOverride));

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertOneLine(refused.err(), "dragoman: Run store " + out.resolve("dragoman.db") + ": ", "permission denied");
        assertThat(refused.err()).contains("chmod u+w");
        assertThat(runs.standIn().requests("sk-test-read-only-refused")).isZero();
        try (var files = Files.list(out)) {
            assertThat(files).as("files written into the read-only directory").isEmpty();
        }

        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        Exit resumed = finish(start(out, "sk-test-read-only-writable", withoutOverride));

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertSameOutputs(out, reference, "the run once the directory was writable");
        assertStoreComplete(out);
    }

    @Test
    void aDirectoryMadeReadOnlyAfterAKilledRunStopsTheRunAndTheSameCommandResumesOnceItIsWritable() throws Exception {
        List<String> withoutOverride = readOnlyForTheChild();
        Path out = tmp.resolve("read-only-after-a-kill");
        String killedKey = "sk-test-read-only-killed";
        Running first = start(out, killedKey, withoutOverride);
        runs.standIn().when(killedKey, true, ARTICLES / 2, first.process()::destroyForcibly);
        assertThat(first.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        StandInRuns.kill(first);
        Snapshot atKill = Snapshot.of(out, tmp.resolve("read-only-after-a-kill-snapshot"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));

        Exit refused = finish(start(out, "sk-test-read-only-after-kill", withoutOverride));

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        // the killed run left its lock behind: this run takes it over and says so first
        List<String> lines = refused.err().lines().toList();
        assertThat(lines.get(0)).startsWith("dragoman: taking over " + out.resolve(RunLock.FILE));
        String error = refused.err().substring(refused.err().indexOf('\n') + 1);
        assertOneLine(error, "dragoman: ", "permission denied");
        assertThat(error).contains(out.toString());
        assertThat(StandInRuns.temporaryFiles(out)).as("temporary files left").isEmpty();
        Snapshot atRefusal = Snapshot.of(out, tmp.resolve("read-only-refused-snapshot"));
        assertThat(atRefusal.summarized()).isGreaterThanOrEqualTo(atKill.summarized());

        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        Exit resumed = finish(start(out, "sk-test-read-only-resumed", withoutOverride));

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertSameOutputs(out, reference, "the run once the directory was writable again");
        assertStoreComplete(out);
        assertNothingAskedAgain(atKill, "sk-test-read-only-after-kill", "sk-test-read-only-resumed");
        assertThat(runs.standIn().requests("sk-test-read-only-after-kill")
                        + runs.standIn().requests("sk-test-read-only-resumed"))
                .as("requests after the kill: every call whose reply was not cached")
                .isEqualTo(2 * ARTICLES - atKill.cachedCalls());
    }

    // ---------------------------------------------------------------- checks

    /** Standard error is one line, the given start, naming the cause; no stack trace. */
    private static void assertOneLine(String err, String start, String cause) {
        assertThat(err.lines().toList()).as("standard error:\n%s", err).hasSize(1);
        assertThat(err)
                .startsWith(start)
                .contains(cause)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private static void assertStoreComplete(Path out) {
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            assertThat(store.integrityCheck()).as("PRAGMA integrity_check").isTrue();
            assertThat(store.articles().counts())
                    .containsEntry(ArticleStatus.SUMMARIZED, (long) ARTICLES)
                    .containsEntry(ArticleStatus.IN_FLIGHT, 0L);
        }
    }

    /** No article the store had summarised (or translated) was asked for again (or translated again) by later runs. */
    private static void assertNothingAskedAgain(Snapshot before, String... laterKeys) {
        for (int n = 0; n < ARTICLES; n++) {
            StoredArticle at = before.articles().get(StandInRuns.Synthetic.id(n));
            for (String key : laterKeys) {
                if (at != null && at.holds(Stage.SUMMARIZE)) {
                    assertThat(runs.standIn().translations(key)[n]
                                    + runs.standIn().summaries(key)[n])
                            .as("%s was summarised before; requests of %s", at.id(), key)
                            .isZero();
                }
                if (at != null && at.holds(Stage.TRANSLATE)) {
                    assertThat(runs.standIn().translations(key)[n])
                            .as("%s was translated before; translation requests of %s", at.id(), key)
                            .isZero();
                }
            }
        }
    }

    // ---------------------------------------------------------------- processes

    private static Running start(Path out, String key, List<String> wrapper) throws IOException {
        return runs.start(out, key, wrapper, jvmOptions);
    }

    private static Exit finish(Running running) throws IOException, InterruptedException {
        return StandInRuns.finish(running, TIMEOUT_SECONDS);
    }

    /** A shell that limits the size of every file the child writes to {@code kib} KiB. */
    private static List<String> limit(long kib) {
        return List.of("bash", "-c", "ulimit -f " + kib + " && exec \"$@\"", "bash");
    }

    /**
     * What makes a {@code chmod 555} directory read-only for the child: nothing for an ordinary user; for root, {@code
     * setpriv} dropping the capabilities that override file permissions. Skips the test when neither works.
     */
    private static List<String> readOnlyForTheChild() throws IOException, InterruptedException {
        Path probe = Files.createTempDirectory(tmp, "probe");
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<List<String>> candidates =
                    List.of(List.of(), List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"));
            for (List<String> wrapper : candidates) {
                List<String> command = new ArrayList<>(wrapper);
                command.addAll(List.of("sh", "-c", "touch \"$0\"/written", probe.toString()));
                Process p;
                try {
                    p = new ProcessBuilder(command).redirectErrorStream(true).start();
                } catch (IOException e) {
                    continue; // no setpriv
                }
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0 && !Files.exists(probe.resolve("written"))) {
                    return wrapper;
                }
                Files.deleteIfExists(probe.resolve("written"));
            }
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Assumptions.abort("a chmod 555 directory stays writable for this user (" + System.getProperty("user.name")
                + ", root?) and setpriv cannot drop CAP_DAC_OVERRIDE here; the read-only directory tests need one of"
                + " the two");
        throw new AssertionError("not reached");
    }

    /** Unpacks SQLite's native library for this platform from the packaged jar, once. */
    private static Path unpackSqlite() throws IOException {
        String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        Path dir = Files.createDirectories(tmp.resolve("sqlite-native"));
        try (ZipFile jar = new ZipFile(StandInRuns.jar().toFile())) {
            ZipEntry entry = jar.getEntry("org/sqlite/native/" + folder + "/libsqlitejdbc.so");
            Assumptions.assumeTrue(entry != null, "the packaged jar has no SQLite library for " + folder);
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, dir.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
