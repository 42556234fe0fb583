package io.dragoman.core.clean;

/**
 * What a line of a plain-text scrape is, as {@link LineClassifier} decides it. {@link TextCleaner} weighs lines by their
 * kind ({@link LineWeights}) and {@link Page} finds the body among them; the kinds are shared by all three, so they
 * stand alone.
 */
enum LineKind {
    /** A line that may belong to the article. */
    TEXT,
    /** Navigation, buttons, a profile's chrome phrase, a comment header, or a line repeated on the page. */
    CHROME,
    /** A footer phrase, copyright notice or comment count: what follows is not the article. */
    FOOTER,
    /** The name of a site section, as the source's profile lists them. */
    SECTION,
    /** A date, usually with a time of day: the publication time above the body, or a comment's time. */
    DATE,
    /** A date with a weekday and no time: the day the page was captured. */
    CAPTURE,
    /** A relative time such as "3 hours ago", as comment and teaser lists show. */
    TIMESTAMP,
    /** A "read also" box inside the body: neither body text nor the end of the article. */
    BOX;

    /** True for lines that no body run crosses: dates separate the items of lists, footers end the article. */
    boolean breaksRun() {
        return this == FOOTER || this == DATE || this == CAPTURE || this == TIMESTAMP;
    }
}
