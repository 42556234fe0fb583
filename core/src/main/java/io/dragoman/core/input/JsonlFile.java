package io.dragoman.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The articles of one JSONL file ({@code .jsonl}, or gzip-compressed {@code .jsonl.gz}), one per non-blank line,
 * read as they are asked for: only the current line is held, never the file. A line is a JSON object with a
 * {@code text} or an {@code html} string, and optionally {@code id} and {@code url}; other fields are carried through
 * as the article's extra fields. A line that is not such an object becomes an {@link Input.Unreadable} at {@code
 * <file>:<line>} and reading goes on with the next line.
 */
final class JsonlFile extends ReadAhead<Input> implements Cursor {
    /** The fields Dragoman reads; every other field of a line is extra. */
    static final List<String> FIELDS = List.of("id", "url", "text", "html");

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_JSON_MESSAGE = 160;

    private final String file;
    private final String fileName;
    private final Opener opener;
    private final long maxBytes;
    private final ObjectMapper json;
    private final UniqueIds ids;
    private final Function<IOException, String> describe;
    private final String baseId;
    private final int keepAtMost;

    private InputStream in;
    private long lineNumber;

    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int kept;
    private long lineBytes;
    private byte lastByte;

    /**
     * @param file the JSONL file; opened on the first {@link #hasNext()}
     * @param maxBytes lines longer than this many bytes are reported as too large, without being held
     * @param json the mapper that parses lines
     * @param ids the ids of the whole read, so that ids stay unique across files
     * @param describe turns an I/O failure into a one-line reason
     */
    JsonlFile(Path file, long maxBytes, ObjectMapper json, UniqueIds ids, Function<IOException, String> describe) {
        this(file.toString(), name(file), () -> Files.newInputStream(file), maxBytes, json, ids, describe);
    }

    /** Opens a JSONL file's bytes, as stored (still compressed for {@code .jsonl.gz}). */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * @param file the file's path or URI, as locations name it
     * @param fileName the file's name, for the ids of lines without one and to tell a gzip file
     * @param opener opens it; called on the first {@link #hasNext()}
     */
    JsonlFile(
            String file,
            String fileName,
            Opener opener,
            long maxBytes,
            ObjectMapper json,
            UniqueIds ids,
            Function<IOException, String> describe) {
        this.file = file;
        this.fileName = fileName;
        this.opener = opener;
        this.maxBytes = maxBytes;
        this.json = json;
        this.ids = ids;
        this.describe = describe;
        this.baseId = baseId(fileName);
        this.keepAtMost = maxBytes >= Integer.MAX_VALUE - 9 ? Integer.MAX_VALUE - 8 : (int) maxBytes + 1;
    }

    /** True for the file names read as JSONL: ending in {@code .jsonl} or {@code .jsonl.gz}, in any case. */
    static boolean isJsonl(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    @Override
    public void close() {
        finish();
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more is read from it; a failure to close loses nothing
            }
            in = null;
        }
    }

    @Override
    Input advance() {
        boolean opened = in != null;
        try {
            if (!opened) {
                in = open();
                opened = true;
            }
            while (readLine()) {
                lineNumber++;
                Input input = parse();
                if (input != null) {
                    return input;
                }
            }
            close();
            return null;
        } catch (IOException e) {
            close();
            return new Input.Unreadable(opened ? at(lineNumber + 1) : file, reason(e));
        }
    }

    /** Why reading failed; the JDK's words for a damaged gzip file are made plain. */
    private String reason(IOException e) {
        if (e instanceof EOFException && isGzip()) {
            return "the gzip data ends early: the file is cut off";
        }
        if (e instanceof ZipException && isGzip() && !"Not in GZIP format".equals(e.getMessage())) {
            return "the gzip data is damaged (" + e.getMessage() + ")";
        }
        return describe.apply(e);
    }

    private boolean isGzip() {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private InputStream open() throws IOException {
        InputStream raw = opener.open();
        if (!isGzip()) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, BUFFER);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads the next line, without its line break, into {@link #line}: at most {@link #maxBytes} bytes of it are
     * kept, all of them counted in {@link #lineBytes}. Returns false at the end of the file.
     */
    private boolean readLine() throws IOException {
        kept = 0;
        lineBytes = 0;
        lastByte = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    position = 0;
                    limit = 0;
                    return any;
                }
                position = 0;
                limit = n;
                continue;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            keep(start, position - start);
            if (position < limit) {
                position++;
                if (lastByte == '\r') {
                    if (kept == lineBytes) {
                        kept--;
                    }
                    lineBytes--;
                }
                return true;
            }
        }
    }

    private void keep(int start, int length) {
        if (length == 0) {
            return;
        }
        lineBytes += length;
        lastByte = buffer[start + length - 1];
        int room = Math.min(length, keepAtMost - kept);
        if (room <= 0) {
            return;
        }
        if (kept + room > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(line.length * 2L, kept + room), keepAtMost));
        }
        System.arraycopy(buffer, start, line, kept, room);
        kept += room;
    }

    /** The input of the current line, or null for a blank line. */
    private Input parse() {
        int from = lineNumber == 1 && startsWithByteOrderMark() ? 3 : 0;
        if (isBlank(from)) {
            return null;
        }
        String where = at(lineNumber);
        if (lineBytes > maxBytes || lineBytes > kept) {
            return new Input.Unreadable(
                    where,
                    String.format(
                            Locale.ROOT, "too large: %,d bytes, over the limit of %,d bytes", lineBytes, maxBytes));
        }
        Object value;
        try {
            value = json.readValue(line, from, kept - from, Object.class);
        } catch (JsonProcessingException e) {
            return new Input.Unreadable(where, "not valid JSON: " + brief(e));
        } catch (IOException e) {
            return new Input.Unreadable(where, "not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            return new Input.Unreadable(where, "not a JSON object but " + kind(value));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put((String) k, v));
        Object text = fields.get("text");
        Object html = fields.get("html");
        if (text == null && html == null) {
            // a field that is there but null is named, so that the line's author sees which one is empty
            String given = fields.containsKey("text") ? "text" : fields.containsKey("html") ? "html" : null;
            return new Input.Unreadable(
                    where,
                    given == null ? "has neither \"text\" nor \"html\"" : "\"" + given + "\" is not a string but null");
        }
        if (text != null && html != null) {
            return new Input.Unreadable(where, "has both \"text\" and \"html\": give one");
        }
        String bodyField = text != null ? "text" : "html";
        Object body = text != null ? text : html;
        if (!(body instanceof String bodyText)) {
            return new Input.Unreadable(where, "\"" + bodyField + "\" is not a string but " + kind(body));
        }
        Object id = fields.get("id");
        if (id != null && !(id instanceof String) && !(id instanceof Number)) {
            return new Input.Unreadable(where, "\"id\" is not a string or a number but " + kind(id));
        }
        Object url = fields.get("url");
        if (url != null && !(url instanceof String)) {
            return new Input.Unreadable(where, "\"url\" is not a string but " + kind(url));
        }
        FIELDS.forEach(fields::remove);
        String type = (text != null ? "text/plain" : "text/html") + "; charset=UTF-8";
        return new Input.Read(new RawArticle(
                ids.claim(idFor(id)),
                where,
                bodyText.getBytes(StandardCharsets.UTF_8),
                Optional.of(type),
                Optional.ofNullable((String) url).map(String::strip).filter(u -> !u.isEmpty()),
                fields));
    }

    /** The line's own id made safe, or, without a usable one, the file's name and the line number. */
    private ArticleId idFor(Object id) {
        String given = id instanceof java.math.BigDecimal d ? d.toPlainString() : id == null ? null : id.toString();
        return ArticleId.deriveIfUsable(given).orElseGet(() -> ArticleId.derive(baseId + "-" + lineNumber));
    }

    private String at(long number) {
        return file + ":" + number;
    }

    private boolean startsWithByteOrderMark() {
        return kept >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF;
    }

    private boolean isBlank(int from) {
        for (int i = from; i < kept; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return lineBytes - from <= kept - from;
    }

    /** Jackson's reason on one line, without the source excerpt and location it appends, and the column. */
    private static String brief(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.lines().findFirst().orElse("").strip();
        if (message.startsWith("Trailing token")) {
            message = "more than one JSON value on the line";
        }
        for (String cut : List.of(" (start marker at", " at [Source", " (for ", ": was expecting (JSON String")) {
            int i = message.indexOf(cut);
            if (i > 0) {
                message = message.substring(0, i);
            }
        }
        if (message.length() > MAX_JSON_MESSAGE) {
            message = message.substring(0, MAX_JSON_MESSAGE) + "…";
        }
        JsonLocation location = e.getLocation();
        return location != null && location.getColumnNr() > 0
                ? message + " (column " + location.getColumnNr() + ")"
                : message;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return "an object";
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String baseId(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".jsonl.gz", ".jsonl")) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
