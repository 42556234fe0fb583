package io.dragoman.core.output;

import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.output.SiteViews.ArticlePage;
import io.dragoman.core.output.SiteViews.Link;
import io.dragoman.core.output.SiteViews.Notice;
import io.dragoman.core.output.SiteViews.ParagraphPair;
import io.dragoman.core.output.SiteViews.PersonLink;
import io.dragoman.core.output.SiteViews.QuoteLink;
import io.dragoman.core.output.SiteViews.SummaryCard;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds an article's page from its stored row: the checks first, the summary card, then the aligned text. */
final class ArticlePages {

    private final Entities entities;

    ArticlePages(Entities entities) {
        this.entities = entities;
    }

    /**
     * The page of one article.
     *
     * @param entry its entry, for the headline and date
     * @param previous the previous article of the same source, as a link from the article folder
     * @param next the next article of the same source
     * @param versions the other versions of the same story
     */
    ArticlePage page(
            StoredArticle row, SiteEntry entry, Optional<Link> previous, Optional<Link> next, List<Link> versions) {
        Optional<CleanedArticle> cleaned = row.cleaned();
        Optional<Translation> translation = row.translation();
        Optional<Summary> summary = row.summary();
        List<ParagraphPair> paragraphs = new ArrayList<>();
        if (cleaned.isPresent()) {
            List<String> source = cleaned.get().paragraphs();
            List<String> english = translation.map(Translation::paragraphs).orElse(List.of());
            for (int i = 0; i < source.size(); i++) {
                paragraphs.add(new ParagraphPair(i + 1, source.get(i), i < english.size() ? english.get(i) : ""));
            }
        }
        String language =
                cleaned.map(c -> c.metadata().language()).filter(l -> l != null).orElse("");
        return new ArticlePage(
                entry.id(),
                entry.headline(),
                cleaned.map(CleanedArticle::title).orElse(""),
                language.matches("[a-z]{2,3}") ? language : "",
                entry.date(),
                entry.source(),
                entry.section(),
                entry.status(),
                cleaned.map(c -> c.metadata().url()).flatMap(ArticlePages::safeUrl),
                notices(row, cleaned, translation, summary),
                summary.map(s -> card(s.fields(), translation)),
                paragraphs,
                previous,
                next,
                versions);
    }

    /** A URL the page may link to: http or https with a host; anything else (javascript:, data:) is not linked. */
    static Optional<String> safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri.toASCIIString())
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<Notice> notices(
            StoredArticle row,
            Optional<CleanedArticle> cleaned,
            Optional<Translation> translation,
            Optional<Summary> summary) {
        List<Notice> notices = new ArrayList<>();
        row.failure()
                .filter(f -> row.status() == ArticleStatus.FAILED)
                .ifPresent(f -> notices.add(new Notice(
                        "failed", "Failed at " + f.stage().name().toLowerCase(Locale.ROOT) + ":", f.reason())));
        for (CheckResult c : translation.map(Translation::checks).orElse(List.of())) {
            String where = c.paragraphs().isEmpty()
                    ? ""
                    : " (¶ " + c.paragraphs().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            String details = String.join(" ", c.details()) + where;
            switch (c.status()) {
                case REVIEW ->
                    notices.add(new Notice(
                            row.needsReview() ? "review" : "accepted",
                            (row.needsReview() ? "Needs review: " : "Reviewed and accepted: ") + c.check(),
                            details));
                case WARNING -> notices.add(new Notice("warning", "Warning: " + c.check(), details));
                case FAILED -> notices.add(new Notice("failed", "Check failed: " + c.check(), details));
                case REPAIRED -> notices.add(new Notice("repaired", "Repaired: " + c.check(), details));
                case PASSED -> {}
            }
        }
        cleaned.ifPresent(a -> a.warnings().forEach(w -> notices.add(new Notice("warning", "Cleaning:", w))));
        summary.ifPresent(s -> s.warnings().forEach(w -> notices.add(new Notice("warning", "Summary:", w))));
        return notices;
    }

    private SummaryCard card(ArticleSummary s, Optional<Translation> translation) {
        List<String> english = translation.map(Translation::paragraphs).orElse(List.of());
        return new SummaryCard(
                s.headline(),
                s.summary(),
                s.keyPoints(),
                distinct(s.people().stream()
                        .filter(p -> entities.knows(EntityKind.PERSON, p.name()))
                        .map(p -> new PersonLink(link(EntityKind.PERSON, p.name()), p.role()))
                        .toList()),
                distinct(s.organizations().stream()
                        .filter(o -> entities.knows(EntityKind.ORGANIZATION, o.name()))
                        .map(o -> link(EntityKind.ORGANIZATION, o.name(), o.abbreviation()))
                        .toList()),
                links(EntityKind.PLACE, s.locations()),
                s.quotes().stream()
                        .map(q -> new QuoteLink(q.speaker(), q.text(), paragraphOf(q.text(), english)))
                        .toList(),
                links(EntityKind.TOPIC, s.topics()));
    }

    private List<Link> links(EntityKind kind, List<String> names) {
        return distinct(names.stream()
                .filter(n -> entities.knows(kind, n))
                .map(n -> link(kind, n))
                .toList());
    }

    private Link link(EntityKind kind, String name) {
        return new Link(entities.of(kind, name).href("../"), name.strip());
    }

    private Link link(EntityKind kind, String name, String abbreviation) {
        String label = abbreviation.isBlank() || abbreviation.strip().equals(name.strip())
                ? name.strip()
                : name.strip() + " (" + abbreviation.strip() + ")";
        return new Link(entities.of(kind, name).href("../"), label);
    }

    private static <T> List<T> distinct(List<T> items) {
        Set<T> seen = new HashSet<>();
        return items.stream().filter(seen::add).toList();
    }

    /**
     * The number (from 1) of the English paragraph that holds most of the quote's words, or 0 when none holds at least
     * half of them.
     */
    static int paragraphOf(String quote, List<String> english) {
        Set<String> words = words(quote);
        if (words.isEmpty()) {
            return 0;
        }
        int best = 0;
        int bestShared = 0;
        for (int i = 0; i < english.size(); i++) {
            Set<String> in = words(english.get(i));
            int shared = (int) words.stream().filter(in::contains).count();
            if (shared > bestShared) {
                best = i + 1;
                bestShared = shared;
            }
        }
        return bestShared * 2 >= words.size() ? best : 0;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                words.add(w);
            }
        }
        return words;
    }
}
