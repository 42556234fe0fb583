package io.dragoman.core.output;

import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.translate.Translation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the index and the entity pages need of one article, kept for every article while the site renders: a few
 * short texts and the names its summary gives, never its body.
 *
 * @param id the article id
 * @param published when it was published, with the source's offset; null when unknown
 * @param source the publishing site, or ""
 * @param section the site section, or ""
 * @param headline the English headline (the summary's, else the translated title, else the original title or id)
 * @param lede the summary's first sentence, or ""
 * @param topics the summary's topics
 * @param people the people named, with roles
 * @param organizations the organisations named, with abbreviations
 * @param places the places named
 * @param status the status label: {@code summarized}, {@code needs-review}, {@code failed}…
 */
record SiteEntry(
        String id,
        OffsetDateTime published,
        String source,
        String section,
        String headline,
        String lede,
        List<String> topics,
        List<ArticleSummary.Person> people,
        List<ArticleSummary.Organization> organizations,
        List<String> places,
        String status) {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu}|\\p{N}|\")");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The entry of a stored article; reads its cleaned article and summary, and its translation only for a title. */
    static SiteEntry of(StoredArticle row) {
        Optional<CleanedArticle> cleaned = row.cleaned();
        Optional<ArticleSummary> summary = row.summary().map(s -> s.fields());
        ArticleMetadata meta = cleaned.map(CleanedArticle::metadata).orElse(null);
        String headline = summary.map(ArticleSummary::headline)
                .filter(h -> !h.isBlank())
                .or(() -> row.translation().map(Translation::title).filter(t -> !t.isBlank()))
                .or(() -> cleaned.map(CleanedArticle::title).filter(t -> !t.isBlank()))
                .orElse(row.id().value());
        return new SiteEntry(
                row.id().value(),
                meta == null ? null : meta.published(),
                meta == null || meta.source() == null ? "" : meta.source(),
                meta == null || meta.section() == null ? "" : meta.section(),
                headline,
                summary.map(s -> firstSentence(s.summary())).orElse(""),
                summary.map(ArticleSummary::topics).orElse(List.of()),
                summary.map(ArticleSummary::people).orElse(List.of()),
                summary.map(ArticleSummary::organizations).orElse(List.of()),
                summary.map(ArticleSummary::locations).orElse(List.of()),
                row.statusLabel());
    }

    /** The first sentence of a text, or the whole text when it has one. */
    static String firstSentence(String text) {
        String t = text.strip();
        String[] parts = SENTENCE_END.split(t, 2);
        return parts.length == 0 ? "" : parts[0];
    }

    /** The date and time as the index shows them, in the source's offset: {@code 2020-11-26 17:25 +03:00}. */
    String date() {
        return shown(published);
    }

    /** The day as {@code yyyy-MM-dd} in the source's offset, for the date filter; "" when unknown. */
    String day() {
        return published == null ? "" : published.toLocalDate().toString();
    }

    static String shown(OffsetDateTime time) {
        if (time == null) {
            return "date unknown";
        }
        String offset = time.getOffset().getId();
        return SHOWN.format(time) + " " + ("Z".equals(offset) ? "UTC" : offset);
    }

    /** The names of the people, organisations, places or topics. */
    List<String> names(EntityKind kind) {
        return switch (kind) {
            case PERSON -> people.stream().map(ArticleSummary.Person::name).toList();
            case ORGANIZATION ->
                organizations.stream().map(ArticleSummary.Organization::name).toList();
            case PLACE -> places;
            case TOPIC -> topics;
        };
    }
}
