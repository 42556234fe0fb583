package io.dragoman.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ways a cleaned article can be written: plain text, JSON, one JSON line, or Markdown. */
public enum ArticleFormat {
    /** Title, a blank line, then the paragraphs separated by blank lines. */
    TEXT("txt"),
    /** One pretty-printed JSON object with id, title, paragraphs, metadata and warnings. */
    JSON("json"),
    /** The JSON object on a single line, for JSON Lines files. */
    JSONL("jsonl"),
    /** A Markdown page: title, a metadata table, the paragraphs. Page content is escaped. */
    MD("md");

    private final String extension;

    ArticleFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension for this format, without the dot. */
    public String extension() {
        return extension;
    }

    /** Renders one article (not null); the result ends with a newline. */
    public String render(CleanedArticle article, ObjectMapper mapper) {
        return switch (this) {
            case TEXT -> (article.title().isEmpty() ? "" : article.title() + "\n\n") + article.bodyText() + "\n";
            case JSON -> json(mapper, article, true);
            case JSONL -> json(mapper, article, false);
            case MD -> markdown(article);
        };
    }

    /** Renders with Dragoman's standard JSON mapper. */
    public String render(CleanedArticle article) {
        return render(article, ArticleJson.mapper());
    }

    private static String json(ObjectMapper mapper, CleanedArticle article, boolean pretty) {
        try {
            return (pretty
                            ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(article)
                            : mapper.writeValueAsString(article))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write article " + article.id() + " as JSON", e);
        }
    }

    private static String markdown(CleanedArticle article) {
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(escape(article.title().isEmpty() ? article.id().value() : article.title()))
                .append("\n\n");
        ArticleMetadata m = article.metadata();
        md.append("| | |\n|---|---|\n");
        row(md, "Published", m.published() == null ? null : ArticleJson.format(m.published()));
        row(md, "Dateline", m.dateline() == null ? null : m.dateline().text().strip());
        row(md, "Section", m.section());
        row(md, "Agency", m.agency());
        row(md, "Source", m.source());
        row(md, "Language", m.language());
        row(md, "Captured", m.capturedAt() == null ? null : m.capturedAt().toString());
        row(md, "Authors", m.authors().isEmpty() ? null : String.join(", ", m.authors()));
        row(md, "URL", m.url());
        row(md, "Input", m.location());
        md.append('\n');
        for (String p : article.paragraphs()) {
            md.append(escapeParagraph(p)).append("\n\n");
        }
        if (!article.warnings().isEmpty()) {
            md.append("> Warnings:\n");
            for (String w : article.warnings()) {
                md.append("> - ").append(escapeParagraph(w)).append('\n');
            }
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void row(StringBuilder md, String name, String value) {
        if (value != null && !value.isBlank()) {
            md.append("| ").append(name).append(" | ").append(escape(value)).append(" |\n");
        }
    }

    /** Escapes a paragraph: its inline syntax, and a list, rule or fence marker at its start. */
    static String escapeParagraph(String text) {
        String escaped = escape(text);
        Matcher ordered = ORDERED_LIST_MARKER.matcher(escaped);
        if (ordered.lookingAt()) {
            return ordered.group(1) + "\\" + escaped.substring(ordered.end(1));
        }
        if (!escaped.isEmpty() && "-+~".indexOf(escaped.charAt(0)) >= 0) {
            return "\\" + escaped;
        }
        return escaped;
    }

    private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("(\\d{1,9})[.)](?=\\s|$)");

    /**
     * Escapes Markdown and HTML syntax so page text shows as text, on one line: a line break becomes a space (so text
     * cannot start a heading, quote or list, or end the table row or list item it is in), and any other control
     * character shows as its Unicode control picture ({@code ESC} as {@code ␛}), so the file is safe to print on a
     * terminal.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|' -> out.append('\\').append(c);
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append(' ');
                    }
                }
                case '\n', '\u0085', '\u2028', '\u2029' -> out.append(' ');
                case '\t' -> out.append('\t');
                default -> {
                    if (c < 0x20) {
                        out.append((char) (0x2400 + c));
                    } else if (c == 0x7f) {
                        out.append('\u2421');
                    } else if (c >= 0x80 && c < 0xa0) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Parses a format name, case-insensitively. */
    public static ArticleFormat parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
