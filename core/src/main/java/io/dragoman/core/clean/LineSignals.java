package io.dragoman.core.clean;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one line of a plain-text scrape shows about itself, whatever the site: how many words and which content words it
 * has, whether it reads as sentences or was cut short, and whether it has the form of a copyright notice, a comment
 * header, a comment count, a relative time stamp or a byline. Phrases are given in German, English and Russian. Every
 * check takes time linear in the line's length.
 */
final class LineSignals {
    /** Punctuation that ends a sentence, in Latin, Cyrillic and CJK text. */
    private static final String SENTENCE_MARKS = ".!?…:;。！？";

    /** Closing quotes and brackets that may follow the end of a sentence. */
    private static final String CLOSERS = "\"'“”»«)]」』";

    /** Variation selector and zero-width joiner, which trail emoji. */
    private static final String EMOJI_TRAILERS = "\uFE0F\u200D";

    /** A sentence boundary inside a line: end punctuation, space, capital letter. */
    private static final Pattern INNER_SENTENCE = Pattern.compile("[.!?…][\"'“”»)]*+\\s++\\p{Lu}");

    /** A line cut short with an ellipsis, as the snippets of teasers are. */
    private static final Pattern TRUNCATED = Pattern.compile("(\\.\\.\\.|…)\\s*+[\\])]?$");

    /**
     * A copyright notice: the word with the sign ({@code Copyright © Example}), the sign or the word with a year
     * ({@code © 2019 Example Inc.}), or "all rights reserved". A sign followed by a name is a photo credit, which may
     * stand inside the article.
     */
    private static final Pattern COPYRIGHT = Pattern.compile(
            "copyright\\s*+(©|\\(c\\))|(©|\\(c\\)|copyright)\\s*+(\\p{L}++\\s++)?(19|20)\\d\\d"
                    + "|all rights reserved|alle rechte vorbehalten|все права защищены",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The header of a reader comment: "Name says:", "Name on 12 May 2019 said:", "Name schrieb:", "Name пишет:". */
    private static final Pattern COMMENT_HEADER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(says|said|wrote|writes|schrieb|schreibt|пишет|написал|написала):$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A count of comments or replies opening a line: "34 Comments", "[ 167 comments ]", "12 responses to …". */
    private static final Pattern COMMENT_COUNT = Pattern.compile(
            "^\\W*+\\d++\\s++(comments?|responses?|replies|kommentare?|antworten|комментари\\p{L}*|отзыв\\p{L}*"
                    + "|ответ\\p{L}*)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A relative time stamp: "7 hours ago", "Published 2 days ago", "vor 3 Stunden", "2 дня назад". */
    private static final Pattern RELATIVE_TIME = Pattern.compile(
            "^(\\p{L}++\\s++)?(\\d++\\s*+(h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years?)\\s++ago"
                    + "|vor\\s++\\d++\\s++(stunden?|minuten?|tagen?|wochen?|monaten?|jahren?)"
                    + "|\\d++\\s++(час\\p{L}*+|минут\\p{L}*+|дн\\p{L}*+|день|недел\\p{L}*+|месяц\\p{L}*+"
                    + "|год\\p{L}*+|лет)\\s++назад)(\\s++\\S++){0,4}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A byline or credit ("By …", "Posted …", "Eingestellt von …", "Publié …", "Photo: …", "Автор: …"), or a line
     * with a time of day or a numeric
     * date: lines that stand near a headline but are none. German "Von …" is left out: "Von der Leyen" opens
     * headlines.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "^(by|posted|published|updated|written|eingestellt|gepostet|veröffentlicht|aktualisiert|verfasst"
                    + "|publié|publicado|pubblicato|opublikowano|опубликовано)(?!\\p{L})"
                    + "|^(автор|text|текст|photo|foto|фото|image|bild|credit)\\s*+:"
                    + "|\\d{1,2}:\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A line of program code: an assignment, a call, a line closed by a brace or semicolon, or a shell prompt.
     */
    private static final Pattern CODE =
            Pattern.compile("[\\w\\])'\"]\\s*+[-+*/|&!:]?=\\s*+\\S|\\w\\([^()]*+\\)|[{};]\\s*+$|^\\s*+[}{]|^[$#>]\\s");

    /** Copyright notices and comment counts longer than this are text that happens to mention them. */
    static final int MAX_MARKER_WORDS = 30;

    /** Comment headers are a name and perhaps a date: at most this many words. */
    static final int MAX_COMMENT_HEADER_WORDS = 12;

    /** Shorter words are mostly function words, which say nothing about a line's topic. */
    static final int MIN_CONTENT_WORD_CHARS = 4;

    /** Relative time stamps are short. */
    private static final int MAX_TIME_STAMP_CHARS = 60;

    private LineSignals() {}

    /**
     * Words in a line: runs of letters and digits, where each Chinese, Japanese or Korean character counts as half a
     * word, since those scripts write words without spaces.
     */
    static int words(String line) {
        int words = 0;
        int wideChars = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (isWide(cp)) {
                wideChars++;
                inWord = false;
            } else {
                boolean letter = Character.isLetterOrDigit(cp);
                if (letter && !inWord) {
                    words++;
                }
                inWord = letter;
            }
        }
        return words + wideChars / 2;
    }

    /** Han, kana and hangul: scripts without spaces between words. */
    private static boolean isWide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /** True when the line ends like a sentence or contains a sentence boundary, and is not cut short. */
    static boolean readsAsSentences(String line) {
        return !isTruncated(line)
                && (endsLikeSentence(line) || INNER_SENTENCE.matcher(line).find());
    }

    /**
     * True when the line ends in sentence punctuation, possibly followed by closing quotes or brackets, or in an emoji,
     * which informal writing puts where a full stop would be. A title never does.
     */
    static boolean endsLikeSentence(String line) {
        int end = line.length();
        while (end > 0 && EMOJI_TRAILERS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        int last = line.codePointBefore(end);
        if (isEmoji(last)) {
            return true;
        }
        while (end > 0 && CLOSERS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_MARKS.indexOf(line.charAt(end - 1)) >= 0;
    }

    /** Pictographs and dingbats. */
    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    /** True when the line is cut short with an ellipsis, as teaser snippets are. */
    static boolean isTruncated(String line) {
        return TRUNCATED.matcher(line).find();
    }

    /** True for a copyright notice, which ends the article wherever it stands. */
    static boolean isCopyright(String line) {
        return words(line) <= MAX_MARKER_WORDS && COPYRIGHT.matcher(line).find();
    }

    /** True for a line that opens a reader comment. */
    static boolean isCommentHeader(String line) {
        return words(line) <= MAX_COMMENT_HEADER_WORDS
                && COMMENT_HEADER.matcher(line).find();
    }

    /** True for a line that starts with a count of comments or replies. */
    static boolean isCommentCount(String line) {
        return words(line) <= MAX_MARKER_WORDS && COMMENT_COUNT.matcher(line).find();
    }

    /** The content words of a line: its words of {@value #MIN_CONTENT_WORD_CHARS} or more characters, lower-cased. */
    static Set<String> contentWords(String line) {
        Set<String> words = new HashSet<>();
        int wordStart = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean letter = i < line.length() && Character.isLetterOrDigit(line.charAt(i));
            if (letter && wordStart < 0) {
                wordStart = i;
            } else if (!letter && wordStart >= 0) {
                if (i - wordStart >= MIN_CONTENT_WORD_CHARS) {
                    words.add(line.substring(wordStart, i).toLowerCase(Locale.ROOT));
                }
                wordStart = -1;
            }
        }
        return words;
    }

    /** True when the line looks like a line of program code rather than prose or a menu item. */
    static boolean looksLikeCode(String line) {
        return CODE.matcher(line).find();
    }

    /** True for a byline, a credit or a line with a time of day or a numeric date. */
    static boolean isByline(String line) {
        return BYLINE.matcher(line).find();
    }

    /** True when the line ends with a full stop, possibly followed by closing quotes or brackets. */
    static boolean endsWithFullStop(String line) {
        int end = line.length();
        while (end > 0 && CLOSERS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && line.charAt(end - 1) == '.';
    }

    /** True for a line that only says how long ago something was published. */
    static boolean isRelativeTime(String line) {
        return line.length() <= MAX_TIME_STAMP_CHARS
                && RELATIVE_TIME.matcher(line.strip()).matches();
    }
}
