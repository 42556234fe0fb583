package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@link DetectingCleaner} turns bytes into text: byte-order marks, declared and detected charsets, rejects. */
class DecodingTest {
    private static final ArticleId ID = new ArticleId("decoding");
    private static final String GERMAN_TITLE = "Außenminister beraten über Grenzöffnung";
    private static final String GERMAN_BODY = "Die Außenminister haben am Montag über die Öffnung der Grenze beraten."
            + " „Wir müssen schneller werden“, sagte der Gastgeber – ohne Einzelheiten zu nennen.";
    private static final String RUSSIAN_TITLE = "Министры обсудили открытие границы";
    private static final String RUSSIAN_BODY = "Министры иностранных дел в понедельник обсудили открытие границы."
            + " Решение будет принято до конца года, сообщили в ведомстве.";

    /** A fixed language, so that the only warnings are the decoder's. */
    private static final LanguageDetector FIXED_LANGUAGE = text -> Optional.of("xx");

    private final DetectingCleaner cleaner =
            new DetectingCleaner(BoilerplateProfiles.builtIn(), FIXED_LANGUAGE, DetectingCleaner.DEFAULT_MAX_BYTES);

    private CleanedArticle clean(byte[] bytes) {
        return cleaner.clean(RawArticle.of(ID, "decoding.txt", bytes));
    }

    private static String article(String title, String body) {
        return title + "\n\n" + body + "\n";
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no byte " + b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static List<Arguments> byteOrderMarks() {
        return List.of(
                Arguments.of("UTF-8", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                Arguments.of("UTF-16BE", new byte[] {(byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE}),
                Arguments.of("UTF-32BE", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-32LE", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteOrderMarks")
    void decodesByByteOrderMarkAndDropsIt(String charset, byte[] bom) {
        byte[] text = article(GERMAN_TITLE, GERMAN_BODY).getBytes(Charset.forName(charset));

        CleanedArticle article = clean(concat(bom, text));

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(GERMAN_BODY);
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void decodesUtf16LittleEndianWithoutByteOrderMark() {
        CleanedArticle article = clean(article(GERMAN_TITLE, GERMAN_BODY).getBytes(StandardCharsets.UTF_16LE));

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(GERMAN_BODY);
        assertThat(article.warnings()).anyMatch(w -> w.contains("UTF-16LE"));
    }

    @Test
    void decodesUtf16BigEndianWithoutByteOrderMark() {
        CleanedArticle article = clean(article(GERMAN_TITLE, GERMAN_BODY).getBytes(StandardCharsets.UTF_16BE));

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(GERMAN_BODY);
        assertThat(article.warnings()).anyMatch(w -> w.contains("UTF-16BE"));
    }

    @Test
    void detectsWindows1251CyrillicWithoutDeclaration() {
        CleanedArticle article = clean(article(RUSSIAN_TITLE, RUSSIAN_BODY).getBytes(Charset.forName("windows-1251")));

        assertThat(article.title()).isEqualTo(RUSSIAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(RUSSIAN_BODY);
        assertThat(article.warnings()).anyMatch(w -> w.contains("windows-1251"));
    }

    @Test
    void detectsWindows1252GermanWithoutDeclaration() {
        byte[] bytes = article(GERMAN_TITLE, GERMAN_BODY).getBytes(Charset.forName("windows-1252"));
        assertThat(bytes).contains((byte) 0xDF, (byte) 0x84, (byte) 0x93, (byte) 0x96);

        CleanedArticle article = clean(bytes);

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(GERMAN_BODY);
        assertThat(article.warnings()).anyMatch(w -> w.contains("windows-1252"));
    }

    @Test
    void decodesStrictUtf8WithoutWarnings() {
        CleanedArticle article = clean(article(RUSSIAN_TITLE, RUSSIAN_BODY).getBytes(StandardCharsets.UTF_8));

        assertThat(article.title()).isEqualTo(RUSSIAN_TITLE);
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void followsTheCharsetDeclaredInTheContentType() {
        byte[] bytes = article(RUSSIAN_TITLE, RUSSIAN_BODY).getBytes(Charset.forName("KOI8-R"));

        CleanedArticle article =
                cleaner.clean(new RawArticle(ID, "decoding.txt", bytes, Optional.of("text/plain; charset=KOI8-R")));

        assertThat(article.title()).isEqualTo(RUSSIAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(RUSSIAN_BODY);
    }

    @Test
    void followsTheCharsetDeclaredInAMetaTag() {
        String html = "<html><head><meta charset=\"windows-1251\"><title>" + RUSSIAN_TITLE + "</title></head>"
                + "<body><article><p>" + RUSSIAN_BODY + "</p></article></body></html>";

        CleanedArticle article = clean(html.getBytes(Charset.forName("windows-1251")));

        assertThat(article.title()).isEqualTo(RUSSIAN_TITLE);
        assertThat(article.paragraphs()).containsExactly(RUSSIAN_BODY);
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void prefersValidUtf8OverADeclaredSingleByteCharset() {
        byte[] bytes = article(GERMAN_TITLE, GERMAN_BODY).getBytes(StandardCharsets.UTF_8);

        for (String declared : List.of("ISO-8859-1", "US-ASCII", "windows-1252", "windows-1251")) {
            CleanedArticle article = cleaner.clean(
                    new RawArticle(ID, "decoding.txt", bytes, Optional.of("text/plain; charset=" + declared)));

            assertThat(article.title()).as(declared).isEqualTo(GERMAN_TITLE);
            assertThat(article.paragraphs()).as(declared).containsExactly(GERMAN_BODY);
            assertThat(article.warnings()).as(declared).anyMatch(w -> w.contains("does not fit"));
        }
    }

    @Test
    void detectsTheEncodingWhenTheDeclaredMultiByteCharsetDoesNotFit() {
        byte[] bytes = article(GERMAN_TITLE, GERMAN_BODY).getBytes(Charset.forName("windows-1252"));

        CleanedArticle article =
                cleaner.clean(new RawArticle(ID, "decoding.txt", bytes, Optional.of("text/plain; charset=utf-8")));

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(article.warnings()).anyMatch(w -> w.contains("does not fit"));
    }

    @Test
    void followsADeclaredSingleByteCharsetForPlainAscii() {
        byte[] bytes = article("Plain title here", "Plain ASCII text is the same in every charset.")
                .getBytes(StandardCharsets.US_ASCII);

        CleanedArticle article =
                cleaner.clean(new RawArticle(ID, "decoding.txt", bytes, Optional.of("text/plain; charset=ISO-8859-1")));

        assertThat(article.title()).isEqualTo("Plain title here");
        assertThat(article.warnings()).isEmpty();
    }

    static List<Arguments> binaryFiles() {
        return List.of(
                Arguments.of("PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}),
                Arguments.of("JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}),
                Arguments.of("GIF image", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("gzip archive", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0}),
                Arguments.of("ZIP archive", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}),
                Arguments.of("PDF document", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("executable", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}),
                Arguments.of("NUL bytes", "Titel\u0000\u0000 und \u0000mehr Text".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "control characters",
                        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011 Text"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryFiles")
    void rejectsBinaryFilesNamingTheirKind(String kind, byte[] bytes) {
        assertThatThrownBy(() -> clean(bytes))
                .isInstanceOfSatisfying(
                        CleaningException.class, e -> assertThat(e.reason()).isEqualTo(CleaningException.Reason.BINARY))
                .hasMessageContaining(kind);
    }

    @Test
    void rejectsNonUtf8BytesThatNoCharsetReadsAsText() {
        byte[] bytes =
                "Preise f\u0081r Strom und Gas steigen \u008d weiter \u0090 an.".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> clean(bytes))
                .isInstanceOfSatisfying(CleaningException.class, e -> assertThat(e.reason())
                        .isEqualTo(CleaningException.Reason.ENCODING))
                .hasMessageContaining("not UTF-8, and no charset fits")
                .hasMessageContaining("0x81")
                .hasMessageContaining("offset 8");
    }

    @Test
    void replacesAStrayByteInUtf8WithTheReplacementCharacterAndSaysSo() {
        byte[] utf8 = article(GERMAN_TITLE, GERMAN_BODY).getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nDie Brücke soll im Herbst \u0001 eröffnet werden, sagte die Sprecherin der Stadt.\n"
                .getBytes(StandardCharsets.UTF_8);
        tail[indexOf(tail, (byte) 1)] = (byte) 0x81;
        byte[] bytes = concat(utf8, tail);

        CleanedArticle article = clean(bytes);

        assertThat(article.title()).isEqualTo(GERMAN_TITLE);
        assertThat(String.join("\n", article.paragraphs()))
                .contains(GERMAN_BODY)
                .contains("Die Brücke soll im Herbst \uFFFD eröffnet werden");
        assertThat(article.warnings()).contains("1 invalid UTF-8 byte sequence replaced with U+FFFD");
    }

    @Test
    void replacesStrayBytesInAPageDeclaredAsUtf8() {
        String page = "<html><head><meta charset=\"UTF-8\"><title>" + GERMAN_TITLE + "</title></head><body><h1>"
                + GERMAN_TITLE + "</h1><p>" + GERMAN_BODY + "</p><p>Ende \u0001 gut.</p></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, (byte) 1)] = (byte) 0x9D;

        CleanedArticle article = cleaner.clean(RawArticle.of(ID, "page.html", bytes));

        assertThat(article.paragraphs()).contains(GERMAN_BODY, "Ende \uFFFD gut.");
        assertThat(article.warnings()).contains("1 invalid UTF-8 byte sequence replaced with U+FFFD");
    }

    @Test
    void treatsManyInvalidBytesAsAnotherCharsetNotAsUtf8WithReplacements() {
        byte[] bytes = article(GERMAN_TITLE, GERMAN_BODY).getBytes(Charset.forName("windows-1252"));

        CleanedArticle article = clean(bytes);

        assertThat(article.paragraphs()).containsExactly(GERMAN_BODY);
        assertThat(article.warnings()).noneMatch(w -> w.contains("U+FFFD"));
    }

    @Test
    void rejectsInvalidUtf8AfterAUtf8ByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A', (byte) 0xC3, '('};

        assertThatThrownBy(() -> clean(bytes))
                .isInstanceOfSatisfying(CleaningException.class, e -> assertThat(e.reason())
                        .isEqualTo(CleaningException.Reason.ENCODING));
    }

    @Test
    void rejectsInputsOverTheSizeLimitBeforeDecoding() {
        DetectingCleaner small = new DetectingCleaner(BoilerplateProfiles.builtIn(), FIXED_LANGUAGE, 100);
        byte[] bytes = article(GERMAN_TITLE, GERMAN_BODY).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.clean(RawArticle.of(ID, "big.txt", bytes)))
                .isInstanceOfSatisfying(CleaningException.class, e -> assertThat(e.reason())
                        .isEqualTo(CleaningException.Reason.TOO_LARGE))
                .hasMessageContaining(bytes.length + " bytes")
                .hasMessageContaining("100 bytes");
    }

    @Test
    void rejectsAHugeLineWithoutBreaksAsTooLarge() {
        byte[] bytes = "Wort ".repeat(50_000).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> clean(bytes))
                .isInstanceOfSatisfying(CleaningException.class, e -> assertThat(e.reason())
                        .isEqualTo(CleaningException.Reason.TOO_LARGE))
                .hasMessageContaining("no line breaks");
    }

    @Test
    void rejectsEmptyAndWhiteSpaceOnlyInput() {
        assertThatThrownBy(() -> clean(new byte[0]))
                .isInstanceOfSatisfying(
                        CleaningException.class, e -> assertThat(e.reason()).isEqualTo(CleaningException.Reason.EMPTY));
        assertThatThrownBy(() -> clean(" \n\t\r\n ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        CleaningException.class, e -> assertThat(e.reason()).isEqualTo(CleaningException.Reason.EMPTY));
        assertThatThrownBy(() -> clean(new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', 0, '\n', 0}))
                .isInstanceOfSatisfying(
                        CleaningException.class, e -> assertThat(e.reason()).isEqualTo(CleaningException.Reason.EMPTY));
    }

    @Test
    void rejectsAFileOfNoBreakAndZeroWidthSpacesAsWhiteSpaceOnlyNotAsPageChrome() {
        byte[] spaces = " \u00A0\n\u00A0\u00A0\n\u200B\u2009\n\uFEFF\u3000\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> clean(spaces)).isInstanceOfSatisfying(CleaningException.class, e -> {
            assertThat(e.reason()).isEqualTo(CleaningException.Reason.EMPTY);
            assertThat(e.getMessage()).isEqualTo("empty file (white space only)");
        });
    }

    @Test
    void tellsHtmlFromTextByContentNotByName() {
        assertThat(DetectingCleaner.isHtml(
                        RawArticle.of(ID, "page.txt", "<!DOCTYPE html><html><body>".getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        assertThat(DetectingCleaner.isHtml(RawArticle.of(
                        ID, "page.html", "Titel\n\n<b>fett</b> ist erlaubt.".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(DetectingCleaner.isHtml(new RawArticle(ID, "x", new byte[] {'x'}, Optional.of("text/html"))))
                .isTrue();
    }
}
