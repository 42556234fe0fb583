package io.dragoman.core.summary;

import java.util.List;
import java.util.Objects;

/**
 * What the model writes about an article, mirroring {@code prompts/summary/schema.json} field by field: every
 * component is present, with {@code ""} or an empty list when the article does not say.
 *
 * @param headline a short factual English headline
 * @param summary two to four English sentences
 * @param keyPoints the main facts, one sentence each
 * @param people people named, in standard English transliteration
 * @param organizations organisations named, with English names and abbreviations
 * @param locations places named, in English
 * @param quotes direct quotations, in English
 * @param topics short topic labels
 */
public record ArticleSummary(
        String headline,
        String summary,
        List<String> keyPoints,
        List<Person> people,
        List<Organization> organizations,
        List<String> locations,
        List<Quote> quotes,
        List<String> topics) {

    /** Validates that nothing is null and copies the lists. */
    public ArticleSummary {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(summary, "summary");
        keyPoints = List.copyOf(keyPoints);
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        locations = List.copyOf(locations);
        quotes = List.copyOf(quotes);
        topics = List.copyOf(topics);
    }

    /**
     * A person named in the article.
     *
     * @param name the full name, e.g. {@code Sergei Lavrov}
     * @param role the role the article gives, or {@code ""}
     */
    public record Person(String name, String role) {
        /** Validates that nothing is null. */
        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * An organisation named in the article.
     *
     * @param name its English name, e.g. {@code Collective Security Treaty Organization}
     * @param abbreviation its English abbreviation, e.g. {@code CSTO}, or {@code ""}
     */
    public record Organization(String name, String abbreviation) {
        /** Validates that nothing is null. */
        public Organization {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(abbreviation, "abbreviation");
        }
    }

    /**
     * A direct quotation.
     *
     * @param speaker who said it, or {@code ""}
     * @param text the quotation in English
     */
    public record Quote(String speaker, String text) {
        /** Validates that nothing is null. */
        public Quote {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }
}
