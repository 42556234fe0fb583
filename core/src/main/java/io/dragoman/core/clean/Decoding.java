package io.dragoman.core.clean;

import io.dragoman.core.article.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw bytes into text without mojibake: byte-order mark, then a declared charset (content type or
 * {@code <meta charset>}; a single-byte one gives way to valid non-ASCII UTF-8), then strict UTF-8, then
 * Windows-1251 or Windows-1252 for single-byte text. Rejects binary and undecodable input with a clear reason.
 */
final class Decoding {

    /** Decoded text, the charset used, and warnings for the user. */
    record Decoded(String text, Charset charset, List<String> warnings) {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
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
        if (declared.isPresent()) {
            Charset cs = declared.get();
            Optional<String> text = strict(b, cs);
            // A single-byte charset decodes any bytes; valid UTF-8 with non-ASCII characters means the declaration
            // is wrong (a server default, a copied template), and following it would give mojibake.
            if (text.isPresent() && !(isSingleByte(cs) && isNonAsciiUtf8(b))) {
                return checked(new Decoded(text.get(), cs, warnings));
            }
            warnings.add("declared charset " + cs.name() + " does not fit the bytes; detected instead");
        }
        Optional<String> utf8 = strict(b, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return checked(new Decoded(utf8.get(), StandardCharsets.UTF_8, warnings));
        }
        int undefined = firstUndefinedIn1252(b);
        if (undefined >= 0 && looksCyrillic(b) < 0.4) {
            throw new CleaningException(
                    CleaningException.Reason.ENCODING,
                    String.format(
                            Locale.ROOT,
                            "invalid encoding: not UTF-8, and byte 0x%02X at offset %d is not Windows-1252 text",
                            b[undefined] & 0xff,
                            undefined));
        }
        Charset single = looksCyrillic(b) >= 0.4 ? WINDOWS_1251 : WINDOWS_1252;
        warnings.add("not valid UTF-8; decoded as " + single.name());
        return checked(new Decoded(new String(b, single), single, warnings));
    }

    private static Decoded decodeByBom(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE, List.of());
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE, List.of());
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            Optional<String> text = strict(java.util.Arrays.copyOfRange(b, 3, b.length), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                throw new CleaningException(
                        CleaningException.Reason.ENCODING,
                        "invalid encoding: UTF-8 byte-order mark, but invalid UTF-8");
            }
            return new Decoded(text.get(), StandardCharsets.UTF_8, List.of());
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
        return name.flatMap(Decoding::charset);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            Charset cs = Charset.forName(name.strip());
            // Browsers read ISO-8859-1 and US-ASCII declarations as Windows-1252; so do we.
            if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
                return Optional.of(WINDOWS_1252);
            }
            return Optional.of(cs);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
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

    private static boolean isNonAsciiUtf8(byte[] b) {
        for (byte value : b) {
            if (value < 0) {
                return strict(b, StandardCharsets.UTF_8).isPresent();
            }
        }
        return false;
    }

    private static int firstUndefinedIn1252(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                return i;
            }
        }
        return -1;
    }

    /** Share of letters that are high bytes in the Windows-1251 Cyrillic range; Russian text scores near 1. */
    private static double looksCyrillic(byte[] b) {
        int letters = 0;
        int high = 0;
        for (byte value : b) {
            int c = value & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                letters++;
            } else if (c >= 0xC0) {
                letters++;
                high++;
            }
        }
        return letters == 0 ? 0 : (double) high / letters;
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
