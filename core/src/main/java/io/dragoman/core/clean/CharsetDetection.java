package io.dragoman.core.clean;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the charset of bytes that are not UTF-8 and declare none that fits, with ICU4J's {@link CharsetDetector}: byte
 * statistics and per-language n-gram models for the single-byte and legacy charsets of the languages we see
 * (windows-1250 and ISO-8859-2 for Polish and Czech; windows-1251, KOI8-R and ISO-8859-5 for Russian; windows-1252 for
 * German, French, Spanish; the East Asian multi-byte ones), with markup filtered out. ICU's detector was chosen over
 * juniversalchardet because it covers the Central European single-byte charsets and says which language fits. A
 * detected charset is taken only when it decodes the bytes to plausible text ({@link #plausible}). Stateless.
 */
final class CharsetDetection {
    /** Matches below this confidence (ICU's 0 to 100) are not considered. */
    private static final int MIN_CONFIDENCE = 10;

    /** A decoding is implausible when more than this share of its words look garbled ({@link #plausible}). */
    private static final double MAX_ODD_WORDS = 0.01;

    private CharsetDetection() {}

    /**
     * The charsets ICU finds for the bytes, most confident first, each as a browser reads it (ISO-8859-1 as
     * windows-1252, ISO-8859-9 as windows-1254); charsets this JVM lacks are left out.
     */
    static List<Charset> candidates(byte[] b) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(true);
        detector.setText(b);
        List<Charset> out = new ArrayList<>();
        CharsetMatch[] matches = detector.detectAll();
        if (matches == null) {
            return out;
        }
        for (CharsetMatch m : matches) {
            if (m.getConfidence() < MIN_CONFIDENCE) {
                continue;
            }
            javaCharset(m.getName()).filter(cs -> !out.contains(cs)).ifPresent(out::add);
        }
        return out;
    }

    /** The Java charset a browser uses for a charset label: ISO-8859-1 and US-ASCII mean windows-1252. */
    static Optional<Charset> javaCharset(String name) {
        try {
            Charset cs = Charset.forName(name.strip());
            String canonical = cs.name().toUpperCase(Locale.ROOT);
            if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
                return Optional.of(Charset.forName("windows-1252"));
            }
            if (canonical.equals("ISO-8859-9")) {
                return Optional.of(Charset.forName("windows-1254"));
            }
            return Optional.of(cs);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /**
     * True when decoded text reads as text: no C1 control characters (bytes a single-byte charset leaves undefined), and
     * hardly any words that mix Latin and Cyrillic letters (Latin text read as windows-1251) or hold a symbol between
     * two letters ({@code f┃r}: German read as KOI8-R).
     */
    static boolean plausible(String text) {
        int words = 0;
        int odd = 0;
        boolean latin = false;
        boolean cyrillic = false;
        boolean symbol = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                return false;
            }
            if (Character.isLetter(c)) {
                inWord = true;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                latin |= script == Character.UnicodeScript.LATIN;
                cyrillic |= script == Character.UnicodeScript.CYRILLIC;
            } else if (inWord
                    && c >= 0x80
                    && isSymbol(c)
                    && i + 1 < text.length()
                    && Character.isLetter(text.charAt(i + 1))) {
                symbol = true;
            } else if (inWord) {
                words++;
                if (latin && cyrillic || symbol) {
                    odd++;
                }
                inWord = false;
                latin = false;
                cyrillic = false;
                symbol = false;
            }
        }
        if (inWord) {
            words++;
            if (latin && cyrillic || symbol) {
                odd++;
            }
        }
        return odd <= words * MAX_ODD_WORDS;
    }

    private static boolean isSymbol(char c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL
                || type == Character.MATH_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
