package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.Stage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anOutputStreamThatFailsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("articles.jsonl");
        AtomicFiles.write(target, "old\n");

        assertThatThrownBy(() -> AtomicFiles.write(target, writer -> {
                    writer.write("new line 1\n".repeat(10_000));
                    writer.flush();
                    throw new IOException("No space left on device");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("No space left on device");

        assertThat(target).hasContent("old");
        assertThat(names()).containsExactly("articles.jsonl");
    }

    @Test
    void anOutputGetsThePermissionsOfANewFileNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        AtomicFiles.write(dir.resolve("articles.jsonl"), "{}\n");

        assertThat(Files.getPosixFilePermissions(dir.resolve("articles.jsonl")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void removesTheTemporaryFilesOfProcessesThatAreGoneAndKeepsTheRest() throws IOException {
        long gone = deadPid();
        long alive = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".articles.jsonl." + gone + ".123456789.tmp"), "half");
        Files.writeString(dir.resolve(".a1.md." + gone + ".42.tmp"), "half");
        Files.writeString(dir.resolve(".report.md." + alive + ".7.tmp"), "being written");
        Files.writeString(dir.resolve("articles.jsonl"), "whole");
        Files.writeString(dir.resolve("notes.tmp"), "the user's");

        assertThat(AtomicFiles.removeLeftovers(dir)).isEqualTo(2);

        assertThat(names()).containsExactly(".report.md." + alive + ".7.tmp", "articles.jsonl", "notes.tmp");
        assertThat(AtomicFiles.removeLeftovers(dir.resolve("missing"))).isZero();
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedAndTheOtherFilesStayWhole() throws IOException {
        Path out = dir.resolve("out");
        try (RunStore store = RunStore.open(dir.resolve("dragoman.db"), Clock.systemUTC())) {
            store.articles()
                    .saveFailure(
                            new ArticleId("a1"),
                            StoredFailure.of(Stage.CLEAN, "empty file", false).at("in/a1.txt", "h1"));
            OutputWriter writer = new OutputWriter(out);
            writer.prepare();
            writer.render(store, Optional.empty());
            String articles = Files.readString(out.resolve("articles.jsonl"));
            // a directory where report.md goes: the rename onto it fails
            Files.delete(out.resolve("report.md"));
            Files.createDirectories(out.resolve("report.md").resolve("in-the-way"));

            assertThatThrownBy(() -> writer.render(store, Optional.empty()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Cannot write " + out.resolve("report.md") + ": ")
                    .hasMessageContaining("run again");

            assertThat(out.resolve("articles.jsonl")).hasContent(articles.strip());
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                        .isEmpty();
            }
        }
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p.pid();
    }
}
