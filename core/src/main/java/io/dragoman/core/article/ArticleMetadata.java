package io.dragoman.core.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Facts about an article that are extracted by code, never by a model. Any field but {@code location} and
 * {@code authors} may be null when the input does not show it; nothing is guessed.
 *
 * @param published publication time with the source's UTC offset
 * @param modified last modification time with offset (from HTML metadata)
 * @param dateline the parsed dateline, removed from the first paragraph
 * @param section the site section, e.g. {@code Politik}
 * @param agency the news agency, from the dateline or the source profile
 * @param source the publishing site or profile name, e.g. {@code BelTA}
 * @param language ISO 639-1 code detected from the body text (ISO 639-3 where no two-letter code exists)
 * @param capturedAt the day the page was captured, where the scrape shows it
 * @param location the input's file path or URL
 * @param url the article's canonical URL, where known
 * @param authors the article's authors; empty when unknown
 */
public record ArticleMetadata(
        OffsetDateTime published,
        OffsetDateTime modified,
        Dateline dateline,
        String section,
        String agency,
        String source,
        String language,
        LocalDate capturedAt,
        String location,
        String url,
        List<String> authors) {

    /** Requires a location and copies the author list. */
    public ArticleMetadata {
        Objects.requireNonNull(location, "location");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /**
     * The same facts for an input recorded at {@code location} with the URL {@code url} (null when unknown): used when
     * the input itself states where the article came from, such as a line of a JSONL file with its {@code url}.
     */
    public ArticleMetadata withLocation(String location, String url) {
        return new ArticleMetadata(
                published, modified, dateline, section, agency, source, language, capturedAt, location, url, authors);
    }
}
