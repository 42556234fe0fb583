package io.dragoman.core.clean;

import io.dragoman.core.article.RawArticle;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw bytes into text without mojibake: byte-order mark, then a declared charset (content type or
 * {@code <meta charset>}; a single-byte one gives way to non-ASCII UTF-8), then UTF-8 (with U+FFFD and a warning for a
 * few stray bytes in otherwise valid UTF-8, as a browser shows them), then the charset {@link CharsetDetection} finds.
 * Rejects binary and undecodable input with a clear reason.
 */
final class Decoding {

    /** Decoded text, the charset used, and warnings for the user. */
    record Decoded(String text, Charset charset, List<String> warnings) {}

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Decoding() {}

    static Decoded decode(RawArticle raw, long maxBytes) {
        byte[] b = raw.content();
        if (b.length > maxBytes) {
            throw new CleaningException(
                    CleaningException.Reason.TOO_LARGE,
                    String.format(
                            Locale.ROOT, "too large: %,d bytes, over the limit of %,d bytes", b.length, maxBytes));
        }
        if (b.length == 0) {
            throw new CleaningException(CleaningException.Reason.EMPTY, "empty file");
        }
        List<String> warnings = new ArrayList<>();
        Decoded bom = decodeByBom(b);
        if (bom != null) {
            return checked(bom);
        }
        String kind = binaryKind(b);
        if (kind != null) {
            throw new CleaningException(CleaningException.Reason.BINARY, "binary file (" + kind + "), not text");
        }
        Charset utf16 = utf16WithoutBom(b);
        if (utf16 != null) {
            warnings.add("no byte-order mark; decoded as " + utf16.name());
            return checked(new Decoded(new String(b, utf16), utf16, warnings));
        }
        Optional<Charset> declared = declaredCharset(raw, b);
        Optional<Lenient> utf8 = lenientUtf8(b);
        if (declared.isPresent()) {
            Charset cs = declared.get();
            if (cs.equals(StandardCharsets.UTF_8) && utf8.isPresent()) {
                return checked(utf8.get().decoded(warnings));
            }
            Optional<String> text = strict(b, cs);
            // A single-byte charset decodes any bytes; UTF-8 with non-ASCII characters means the declaration is wrong
            // (a server default, a copied template), and following it would give mojibake.
            if (text.isPresent()
                    && !(isSingleByte(cs) && utf8.isPresent() && utf8.get().multiByte() > 0)) {
                return checked(new Decoded(text.get(), cs, warnings));
            }
            warnings.add("declared charset " + cs.name() + " does not fit the bytes; detected instead");
        }
        if (utf8.isPresent()) {
            return checked(utf8.get().decoded(warnings));
        }
        for (Charset cs : CharsetDetection.candidates(b)) {
            Optional<String> text = strict(b, cs);
            if (text.isPresent() && CharsetDetection.plausible(text.get())) {
                warnings.add("not valid UTF-8; decoded as " + cs.name());
                return checked(new Decoded(text.get(), cs, warnings));
            }
        }
        int bad = firstNonAscii(b);
        throw new CleaningException(
                CleaningException.Reason.ENCODING,
                String.format(
                        Locale.ROOT,
                        "invalid encoding: not UTF-8, and no charset fits the bytes (byte 0x%02X at offset %d)",
                        b[bad] & 0xff,
                        bad));
    }

    /**
     * Bytes read as UTF-8 with each invalid sequence replaced by U+FFFD, when they are UTF-8: valid throughout, or with
     * at least {@value #MIN_VALID_PER_INVALID} valid multi-byte sequences for each invalid one (a stray byte in a UTF-8
     * page, which a browser shows as one replacement character).
     */
    record Lenient(String text, int multiByte, int replaced) {
        Decoded decoded(List<String> warnings) {
            if (replaced > 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "%d invalid UTF-8 byte sequence%s replaced with U+FFFD",
                        replaced,
                        replaced == 1 ? "" : "s"));
            }
            return new Decoded(text, StandardCharsets.UTF_8, warnings);
        }
    }

    private static final int MIN_VALID_PER_INVALID = 4;

    private static Optional<Lenient> lenientUtf8(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        int replaced = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                replaced++;
                out.put('\uFFFD');
                in.position(in.position() + r.length());
            } else if (r.isUnderflow()) {
                decoder.flush(out);
                break;
            } else {
                throw new IllegalStateException("UTF-8 decoding needs more room than one char per byte: " + r);
            }
        }
        out.flip();
        String text = out.toString();
        int multiByte = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !Character.isLowSurrogate(c)) {
                multiByte++;
            }
        }
        multiByte -= replaced;
        if (replaced > 0 && multiByte < replaced * MIN_VALID_PER_INVALID) {
            return Optional.empty();
        }
        return Optional.of(new Lenient(text, multiByte, replaced));
    }

    private static int firstNonAscii(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return 0;
    }

    private static Decoded decodeByBom(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE, List.of());
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE, List.of());
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            Optional<Lenient> text = lenientUtf8(java.util.Arrays.copyOfRange(b, 3, b.length));
            if (text.isEmpty()) {
                throw new CleaningException(
                        CleaningException.Reason.ENCODING,
                        "invalid encoding: UTF-8 byte-order mark, but invalid UTF-8");
            }
            return text.get().decoded(new ArrayList<>());
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(
                    new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, List.of());
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(
                    new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, List.of());
        }
        return null;
    }

    /** Names well-known binary formats by their magic numbers, or any data with NUL bytes; null for text. */
    private static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "GIF image";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip archive";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "ZIP archive";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "PDF document";
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return "executable";
        }
        int n = Math.min(b.length, 65536);
        int nul = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                nul++;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        if (nul > 0 && utf16WithoutBom(b) == null) {
            return "contains NUL bytes";
        }
        if (control > Math.max(8, n / 100)) {
            return "control characters";
        }
        return null;
    }

    /** Detects UTF-16 text without a BOM by its zero high bytes in ASCII-range characters. */
    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZero++;
            }
            if (b[i + 1] == 0) {
                oddZero++;
            }
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static Optional<Charset> declaredCharset(RawArticle raw, byte[] b) {
        Optional<String> fromType = raw.contentType().flatMap(type -> find(CONTENT_TYPE_CHARSET, type));
        Optional<String> name = fromType.isPresent()
                ? fromType
                : find(META_CHARSET, new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1));
        return name.flatMap(CharsetDetection::javaCharset);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> strict(byte[] b, Charset cs) {
        try {
            return Optional.of(cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isSingleByte(Charset cs) {
        return cs.canEncode() && cs.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    private static Decoded checked(Decoded decoded) {
        String text = decoded.text();
        if (isBlank(text)) {
            throw new CleaningException(CleaningException.Reason.EMPTY, "empty file (white space only)");
        }
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
                control++;
            }
        }
        if (control > Math.max(8, text.length() / 100)) {
            throw new CleaningException(CleaningException.Reason.BINARY, "binary file (control characters), not text");
        }
        return decoded;
    }

    /**
     * True when the text holds nothing but white space as a reader sees it: also no-break spaces, zero-width spaces
     * and joiners, and byte-order marks, which {@link String#isBlank} counts as text.
     */
    static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || c == 0xFEFF
                        || c == 0x200B
                        || c == 0x200C
                        || c == 0x200D
                        || c == 0x2060);
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
