package io.dragoman.core.clean;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The cleaner most callers want: looks at the content (not only the file name) to tell HTML from a plain-text
 * scrape and hands the document to {@link HtmlCleaner} or {@link TextCleaner}.
 */
public final class DetectingCleaner implements Cleaner {
    /** Inputs over this size (10 MiB) are rejected unless configured otherwise. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern HTML_START =
            Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|body|meta|title)[\\s>].*");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)<(p|div|article|br|span|a|h[1-6])(\\s[^>]*)?/?>");

    private final TextCleaner text;
    private final HtmlCleaner html;

    /** Creates a cleaner with the given collaborators. */
    public DetectingCleaner(BoilerplateProfiles profiles, LanguageDetector languages, long maxBytes) {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(languages, "languages");
        this.text = new TextCleaner(profiles, languages, maxBytes);
        this.html = new HtmlCleaner(profiles, languages, maxBytes);
    }

    /**
     * A cleaner with the built-in profiles, OpenNLP language detection and the default size limit. Loads the
     * language model (about a second): create one and share it.
     */
    public static DetectingCleaner standard() {
        return new DetectingCleaner(BoilerplateProfiles.builtIn(), new OpenNlpLanguageDetector(), DEFAULT_MAX_BYTES);
    }

    @Override
    public CleanedArticle clean(RawArticle raw) {
        return isHtml(raw) ? html.clean(raw) : text.clean(raw);
    }

    @Override
    public void observe(RawArticle raw) {
        if (!isHtml(raw)) {
            text.observe(raw);
        }
    }

    /** True when the content type says HTML, or the first kilobytes start like an HTML page or are dense in tags. */
    static boolean isHtml(RawArticle raw) {
        if (raw.contentType()
                .map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false)) {
            return true;
        }
        byte[] b = raw.content();
        int n = Math.min(b.length, 4096);
        String head = new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        if (HTML_START.matcher(head).matches()) {
            return true;
        }
        var m = HTML_TAGS.matcher(head);
        int tags = 0;
        while (m.find()) {
            tags++;
        }
        return head.stripLeading().startsWith("<") && tags >= 3;
    }
}
