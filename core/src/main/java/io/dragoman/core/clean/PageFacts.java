package io.dragoman.core.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a cleaner read off a page besides its body, before the source's profile and the dateline are applied.
 *
 * @param published publication time with offset, when the page states the offset
 * @param publishedLocal publication time as shown, without offset; placed in the source's zone later
 * @param publishedText the text the local time was read from, for warnings
 * @param modified modification time with offset
 * @param section the site section
 * @param capturedAt the capture day shown by the scrape
 * @param siteName the site's name as the page states it
 * @param url the canonical URL
 * @param authors the authors
 * @param declaredLanguage the language the page declares ({@code <html lang>}), checked against detection
 */
record PageFacts(
        OffsetDateTime published,
        LocalDateTime publishedLocal,
        String publishedText,
        OffsetDateTime modified,
        String section,
        LocalDate capturedAt,
        String siteName,
        String url,
        List<String> authors,
        String declaredLanguage) {}
