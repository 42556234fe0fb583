package io.dragoman.core.output;

/** The kinds of names a summary lists, each with a page per entity on the reader site. */
public enum EntityKind {
    PERSON("person", "People", "Person"),
    ORGANIZATION("organization", "Organisations", "Organisation"),
    PLACE("place", "Places", "Place"),
    TOPIC("topic", "Topics", "Topic");

    private final String folder;
    private final String plural;
    private final String singular;

    EntityKind(String folder, String plural, String singular) {
        this.folder = folder;
        this.plural = plural;
        this.singular = singular;
    }

    /** The site folder of its pages, and the index filter's name: {@code person}. */
    public String folder() {
        return folder;
    }

    /** The heading of its list: {@code People}. */
    public String plural() {
        return plural;
    }

    /** What one is called: {@code Person}. */
    public String singular() {
        return singular;
    }
}
