package io.dragoman.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * One run per directory: an exclusive OS lock on {@code DIR/.dragoman.lock}, held from before anything is cleaned or
 * sent until the outputs are written, with the holder's pid, host and start time in the file for the message a second
 * run prints. The OS drops the lock when its process dies however it dies, so a lock that can be taken while the file
 * still names a holder was left by a run that is gone (killed, crashed): it is taken over. The file is emptied, not
 * deleted, on release: deleting it would let two runs lock two different files of that name.
 */
final class RunLock implements AutoCloseable {

    /** The lock file's name in the run directory. */
    static final String FILE = ".dragoman.lock";

    /** Another process holds the lock of the directory; the message names it. */
    static final class Held extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> takenOver;

    private RunLock(FileChannel channel, FileLock lock, Optional<String> takenOver) {
        this.channel = channel;
        this.lock = lock;
        this.takenOver = takenOver;
    }

    /**
     * Takes the lock of {@code dir}, which exists.
     *
     * @param command what this run is, for the message another one would print ("run", "clean")
     * @return the lock, or empty when the directory cannot be written at all (then the store or the first output file
     *     refuses with its own message, and there is nothing to protect)
     * @throws Held when another process holds it
     */
    static Optional<RunLock> take(Path dir, String command, Map<String, String> environment) {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Read-only file system")) {
                return Optional.empty();
            }
            throw new UncheckedIOException("cannot create the lock file " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already, for another command
            }
            String holder = holder(channel);
            if (lock == null) {
                channel.close();
                throw new Held(dir + " is in use by another dragoman run ("
                        + (holder.isEmpty() ? "its process did not say which" : holder)
                        + "); wait for it to end or choose another --out");
            }
            Optional<String> takenOver = holder.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            "taking over " + file + " from a run that ended without releasing it (" + holder + ")");
            String me = "pid " + ProcessHandle.current().pid() + " on " + host(environment) + ", started "
                    + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", dragoman " + command;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return Optional.of(new RunLock(channel, lock, takenOver));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** The line to print when the lock was taken over from a run that is gone. */
    Optional<String> takenOver() {
        return takenOver;
    }

    /** The first line of the file: who holds (or held) the lock; empty when it does not say or cannot be read. */
    private static String holder(FileChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        try {
            channel.read(buffer, 0);
        } catch (IOException e) {
            return ""; // where locks are mandatory, the holder's file cannot be read while it holds it
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        return TerminalSafeWriter.clean(text.lines().findFirst().orElse("").strip());
    }

    /** This machine's name, without asking a name server. */
    private static String host(Map<String, String> environment) {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            // fall through to the environment
        }
        for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "this host";
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the OS releases the lock with the process
        }
    }
}
