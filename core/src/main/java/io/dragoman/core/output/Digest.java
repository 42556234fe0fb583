package io.dragoman.core.output;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What happened in each period of a run's articles: the stories, grouped by the names and topics their articles
 * share; the people and organisations named most, against the period before; the names seen for the first time; and,
 * when a model wrote one, an overview whose every sentence cites its articles.
 *
 * @param options the range and the length of a period
 * @param periods the periods that hold an article, newest first
 * @param undated articles left out because their date is unknown
 * @param outside dated articles left out because they are outside the range
 */
public record Digest(DigestOptions options, List<Period> periods, int undated, int outside) {

    /**
     * One period.
     *
     * @param key its short name ({@code 2020-W48}, {@code 2020-11-26})
     * @param label its heading
     * @param start its first day
     * @param end its last day
     * @param articles how many articles it holds
     * @param stories its stories, the largest first
     * @param moreStories stories of one article left out of {@code stories} to keep the digest short
     * @param people the people named in most of its articles
     * @param organizations the organisations named in most of its articles
     * @param firstSeen people, organisations and places no earlier article names
     * @param earliest whether no article of the store is older than this period (then every name is new)
     * @param overview the model's overview, when one was written
     */
    public record Period(
            String key,
            String label,
            LocalDate start,
            LocalDate end,
            int articles,
            List<Story> stories,
            int moreStories,
            List<Trend> people,
            List<Trend> organizations,
            List<Name> firstSeen,
            boolean earliest,
            Optional<Overview> overview) {

        /** The same period with this overview. */
        public Period withOverview(Overview written) {
            return new Period(
                    key,
                    label,
                    start,
                    end,
                    articles,
                    stories,
                    moreStories,
                    people,
                    organizations,
                    firstSeen,
                    earliest,
                    Optional.of(written));
        }

        /** Every article id of the period's listed stories. */
        public List<String> articleIds() {
            return stories.stream()
                    .flatMap(s -> s.articles().stream())
                    .map(Item::id)
                    .toList();
        }
    }

    /**
     * Articles of a period that name the same people, organisations, places or topics, or are versions of one report.
     *
     * @param shared the names and topics most of them share, most shared first; empty for an article alone
     * @param articles the articles, newest first
     */
    public record Story(List<Name> shared, List<Item> articles) {}

    /** One article of a story: its id, English headline, date as the site shows it, and the summary's first sentence. */
    public record Item(String id, String headline, String date, String lede) {}

    /** A name and the page of its entity, relative to the site root. */
    public record Name(EntityKind kind, String label, String href) {}

    /**
     * How many articles of the period name an entity, and how many of the period before did.
     *
     * @param name the entity
     * @param count articles of this period naming it
     * @param previous articles of the previous period naming it
     */
    public record Trend(Name name, int count, int previous) {
        /** The change as shown: {@code +3}, {@code −2}, {@code ±0}, or {@code new} when the period before had none. */
        public String change() {
            if (previous == 0) {
                return "new";
            }
            int d = count - previous;
            return d > 0 ? "+" + d : d < 0 ? "−" + (-d) : "±0";
        }
    }

    /**
     * A short English overview of a period written by a model from the articles' summaries.
     *
     * @param sentences its sentences, each with the article ids it cites
     * @param model the provider and model that wrote it
     * @param dropped sentences left out because they cited no article of the period
     */
    public record Overview(List<Sentence> sentences, String model, int dropped) {}

    /** A sentence of an overview and the ids of the articles it rests on (at least one, each in the period). */
    public record Sentence(String text, List<String> cites) {}
}
