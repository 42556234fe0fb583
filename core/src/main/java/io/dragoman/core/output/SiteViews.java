package io.dragoman.core.output;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reader site's templates show, as plain values: every text is as the page or the model wrote it, and the
 * templates escape it for where it goes. Links are relative to the page that shows them.
 */
public final class SiteViews {

    private SiteViews() {}

    /** A link: where to, and what it says. */
    public record Link(String href, String label) {
        /** Validates that nothing is null. */
        public Link {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A link with a number, such as how often a name is mentioned. */
    public record Counted(String href, String label, int count) {}

    /**
     * One article in a list: the index, where it stands for its story and lists the other versions ({@code others},
     * at most {@link SiteWriter#VERSIONS_LISTED}; {@code versions} counts them all), or an entity's page, where
     * {@code others} is empty.
     */
    public record Row(
            String id,
            String href,
            String date,
            String source,
            String section,
            String headline,
            String lede,
            List<Link> topics,
            String status,
            int versions,
            List<Version> others) {}

    /** Another version of the story a row stands for: when, where, its headline and its page. */
    public record Version(String href, String date, String source, String headline) {}

    /** One page of the index, one row per story, newest first; {@code total} counts the articles. */
    public record IndexPage(
            String title,
            List<Row> rows,
            int number,
            int pages,
            int total,
            int stories,
            Optional<String> previous,
            Optional<String> next,
            List<String> sources,
            List<String> sections,
            int rowShards,
            int termShards) {}

    /** A check, warning, review reason or failure shown at the top of an article. */
    public record Notice(String kind, String label, String text) {}

    /** A person the summary names, with the role it gives. */
    public record PersonLink(Link link, String role) {}

    /** A quote, with the number of the paragraph it comes from, 0 when it was not found. */
    public record QuoteLink(String speaker, String text, int paragraph) {}

    /** The summary card of an article. */
    public record SummaryCard(
            String headline,
            String summary,
            List<String> keyPoints,
            List<PersonLink> people,
            List<Link> organizations,
            List<Link> places,
            List<QuoteLink> quotes,
            List<Link> topics) {}

    /** A source paragraph beside its English; the English is empty before translation. */
    public record ParagraphPair(int number, String source, String english) {}

    /** An article's page. */
    public record ArticlePage(
            String id,
            String headline,
            String originalTitle,
            String language,
            String published,
            String source,
            String section,
            String status,
            Optional<String> url,
            List<Notice> notices,
            Optional<SummaryCard> summary,
            List<ParagraphPair> paragraphs,
            Optional<Link> previous,
            Optional<Link> next,
            List<Link> versions) {}

    /** A bar of a mention chart, in SVG user units. */
    public record Bar(int x, int y, int w, int h, String title) {}

    /** Mentions per day, week or month, as bars. */
    public record Chart(int width, int height, List<Bar> bars, String unit, String first, String last, int max) {}

    /** A role given to a person, and how many articles give it. */
    public record Role(String label, int count) {}

    /** A person's, organisation's, place's or topic's page. */
    public record EntityPage(
            EntityKind kind,
            String label,
            List<String> variants,
            String why,
            int count,
            Chart chart,
            List<Role> roles,
            List<Counted> together,
            List<Row> articles,
            int more,
            String filterHref) {}

    /** The list of every entity of a kind, most mentioned first. */
    public record EntitiesPage(EntityKind kind, List<Counted> entries) {}

    /** The digest page: the digest, and a sentence on what it covers. */
    public record DigestPage(Digest digest, String scope) {}
}
