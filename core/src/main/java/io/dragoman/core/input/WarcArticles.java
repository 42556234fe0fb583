package io.dragoman.core.input;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The articles of one web archive ({@code .warc}, or {@code .warc.gz} compressed record by record as Common Crawl's
 * are), read record by record as they are asked for: only the current record's payload is held, never the archive.
 * See {@link WarcPayloads} for which records become articles; the others are handed to a listener under a kind.
 *
 * <p>A record that cannot be read (a cut-off or damaged gzip member, a wrong length, bytes that are no record) becomes
 * one {@link Input.Unreadable} at {@code <file> at byte <offset>}, and reading goes on at the next record start after
 * it (the next gzip member, or the next line opening with {@code WARC/}); a cut-off last record ends the archive. Each
 * article's location is its record's, its URL the record's target URI, its id made from that URI, and its extra fields
 * {@code warcDate} and {@code warcRecordId}. Not thread-safe; close it to release the archive.
 */
public final class WarcArticles extends ReadAhead<Input> implements Closeable {

    /** Opens the archive's bytes from the start; called again to read on after a broken record. */
    @FunctionalInterface
    public interface Source {
        /** A new channel over the archive, at position 0. */
        SeekableByteChannel open() throws IOException;
    }

    private static final int SCAN_BUFFER = 64 * 1024;
    private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] WARC_LINE = {'\n', 'W', 'A', 'R', 'C', '/'};

    private final String name;
    private final Source source;
    private final long maxBytes;
    private final UniqueIds ids;
    private final Consumer<String> skipped;

    private SeekableByteChannel channel;
    private WarcReader reader;
    private boolean gzip;
    private boolean started;

    /**
     * A reader whose ids are unique within this archive.
     *
     * @param name the archive's name in locations and messages (its path or URI)
     * @param source opens the archive
     * @param maxBytes payloads larger than this are reported as too large
     * @param skipped hears the kind of each record skipped as no article
     */
    public WarcArticles(String name, Source source, long maxBytes, Consumer<String> skipped) {
        this(name, source, maxBytes, new UniqueIds(), skipped);
    }

    WarcArticles(String name, Source source, long maxBytes, UniqueIds ids, Consumer<String> skipped) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.maxBytes = maxBytes;
        this.ids = Objects.requireNonNull(ids, "ids");
        this.skipped = Objects.requireNonNull(skipped, "skipped");
    }

    /** Releases the archive; never throws, and may be called more than once. */
    @Override
    public void close() {
        finish();
        closeReader();
    }

    @Override
    Input advance() {
        if (!started) {
            started = true;
            try {
                openAt(0);
            } catch (IOException e) {
                close();
                return new Input.Unreadable(name, describe(e));
            }
        }
        while (reader != null) {
            long offset = reader.position();
            WarcRecord record;
            try {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                record = next.get();
            } catch (IOException | RuntimeException e) {
                return broken(reader.position() > offset ? reader.position() : offset, e);
            }
            offset = record.position();
            WarcPayloads.Result result;
            try {
                result = WarcPayloads.of(record, at(offset), maxBytes, ids);
                record.body().consume();
                if (!digestMatches(record)) {
                    return broken(offset, new DamagedRecord());
                }
            } catch (IOException | RuntimeException e) {
                return broken(offset, e);
            }
            if (result instanceof WarcPayloads.Result.Article article) {
                return new Input.Read(article.article());
            }
            if (result instanceof WarcPayloads.Result.Unreadable unreadable) {
                return new Input.Unreadable(at(offset), unreadable.reason());
            }
            skipped.accept(((WarcPayloads.Result.Skipped) result).kind());
        }
        close();
        return null;
    }

    /**
     * False when the record's {@code WARC-Block-Digest} names other bytes than those read: the record is damaged or its
     * length is wrong (and what was read as its payload may hold the next record). True without a digest to check.
     */
    private static boolean digestMatches(WarcRecord record) throws IOException {
        Optional<WarcDigest> expected;
        try {
            expected = record.blockDigest();
        } catch (IllegalArgumentException e) {
            return true;
        }
        Optional<WarcDigest> actual = record.calculatedBlockDigest();
        try {
            return expected.isEmpty() || actual.isEmpty() || expected.get().equals(actual.get());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A record whose block digest does not match its bytes. */
    private static final class DamagedRecord extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedRecord() {
            super("its block digest does not match its bytes: the record is damaged or its length is wrong");
        }
    }

    /** The failure of the record at {@code offset}, after finding where the next record starts and reading on there. */
    private Input broken(long offset, Exception e) {
        String reason = reason(e);
        OptionalLong resume;
        try {
            resume = nextRecordAfter(offset);
            closeReader();
            if (resume.isPresent()) {
                openAt(resume.getAsLong());
            }
        } catch (IOException failure) {
            close();
            return new Input.Unreadable(at(offset), reason + "; the rest cannot be read: " + describe(failure));
        }
        if (resume.isEmpty()) {
            close();
            return new Input.Unreadable(at(offset), reason + "; no record after it");
        }
        return new Input.Unreadable(
                at(offset), reason + String.format(Locale.ROOT, "; read on at byte %d", resume.getAsLong()));
    }

    /**
     * Where the next record that can be read starts after {@code offset}: the next gzip member, or line opening with
     * {@code WARC/}, whose record header parses; empty when there is none.
     */
    private OptionalLong nextRecordAfter(long offset) throws IOException {
        byte[] mark = gzip ? GZIP_MEMBER : WARC_LINE;
        int skip = gzip ? 0 : 1;
        long from = offset + 1;
        while (true) {
            OptionalLong found = find(mark, from);
            if (found.isEmpty()) {
                return found;
            }
            long candidate = found.getAsLong() + skip;
            if (startsARecord(candidate)) {
                return OptionalLong.of(candidate);
            }
            from = candidate + 1;
        }
    }

    private boolean startsARecord(long position) {
        try (SeekableByteChannel probe = source.open()) {
            probe.position(position);
            WarcReader test = new WarcReader(probe);
            return test.next().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The position of the first occurrence of {@code mark} at or after {@code from}, in the raw archive. */
    private OptionalLong find(byte[] mark, long from) throws IOException {
        try (SeekableByteChannel scan = source.open()) {
            scan.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(SCAN_BUFFER);
            long base = from;
            int matched = 0;
            while (scan.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    matched = b == mark[matched] ? matched + 1 : b == mark[0] ? 1 : 0;
                    if (matched == mark.length) {
                        return OptionalLong.of(base + buffer.position() - mark.length);
                    }
                }
                base += buffer.limit();
                buffer.clear();
            }
            return OptionalLong.empty();
        }
    }

    private void openAt(long position) throws IOException {
        channel = source.open();
        try {
            channel.position(position);
            reader = new WarcReader(channel);
            reader.calculateBlockDigest();
        } catch (IOException | RuntimeException e) {
            closeReader();
            throw e;
        }
        if (position == 0) {
            gzip = reader.compression() != WarcCompression.NONE
                    || name.toLowerCase(Locale.ROOT).endsWith(".gz");
        }
    }

    private void closeReader() {
        try {
            if (reader != null) {
                reader.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing more is read from it; a failure to close loses nothing
        }
        reader = null;
        channel = null;
    }

    private String at(long offset) {
        return name + " at byte " + offset;
    }

    /** Why a record could not be read, in plain words. */
    private String reason(Exception e) {
        if (e instanceof EOFException) {
            return "the record is cut off" + (gzip ? " (its gzip member ends early)" : "");
        }
        if (e instanceof ZipException) {
            return "the gzip data is damaged (" + e.getMessage() + ")";
        }
        if (e instanceof DamagedRecord) {
            return e.getMessage();
        }
        if (e instanceof ParsingException p) {
            return "not a WARC record (" + p.getBaseMessage() + ")";
        }
        return "the record cannot be read ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
