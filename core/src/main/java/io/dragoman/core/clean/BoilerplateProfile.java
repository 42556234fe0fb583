package io.dragoman.core.clean;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a cleaner knows about one source, as data: its name and agency, its time zone, the section names and chrome
 * lines its pages show, the footer phrases after which nothing belongs to the article, the phrases that open a
 * "read also" box, which may stand inside the article, and the reader prompts that are chrome wherever they stand. The generic profile
 * (name {@code generic}) holds phrases common to many sites and has no time zone. Profiles ship as JSON resources
 * under {@code io/dragoman/core/clean/profiles/}.
 *
 * @param name the source's display name, e.g. {@code BelTA}
 * @param agency the agency name to record, or null
 * @param agencyAliases spellings of the agency in datelines ({@code BelTA}, {@code БЕЛТА})
 * @param timeZone the zone the source's page times are in, or null when unknown
 * @param hosts web hosts of the source, matched against the input URL
 * @param signatures lines that identify a page of this source when found in it
 * @param sections section names shown above the article
 * @param chromeLines whole lines that are page chrome
 * @param footerPrefixes short lines starting with one of these end the article
 * @param boxPrefixes short lines starting with one of these open a box of links ({@code Lesen Sie auch}): the box is
 *     chrome, and when paragraphs of text follow its link titles, the article goes on after it; otherwise the line
 *     ends the article like a footer
 * @param promptPrefixes short lines starting with one of these are reader prompts ({@code Jetzt abonnieren}, {@code
 *     Síguenos en}, {@code Rate this article}): chrome wherever they stand, and the article goes on after them
 */
public record BoilerplateProfile(
        String name,
        String agency,
        List<String> agencyAliases,
        ZoneId timeZone,
        List<String> hosts,
        List<String> signatures,
        List<String> sections,
        List<String> chromeLines,
        List<String> footerPrefixes,
        List<String> boxPrefixes,
        List<String> promptPrefixes) {

    /** Validates the name and copies every list (null lists become empty). */
    public BoilerplateProfile {
        Objects.requireNonNull(name, "profile name");
        agencyAliases = copy(agencyAliases);
        hosts = copy(hosts);
        signatures = copy(signatures);
        sections = copy(sections);
        chromeLines = copy(chromeLines);
        footerPrefixes = copy(footerPrefixes);
        boxPrefixes = copy(boxPrefixes);
        promptPrefixes = copy(promptPrefixes);
    }

    @JsonCreator
    static BoilerplateProfile fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("agency") String agency,
            @JsonProperty("agencyAliases") List<String> agencyAliases,
            @JsonProperty("timeZone") String timeZone,
            @JsonProperty("hosts") List<String> hosts,
            @JsonProperty("signatures") List<String> signatures,
            @JsonProperty("sections") List<String> sections,
            @JsonProperty("chromeLines") List<String> chromeLines,
            @JsonProperty("footerPrefixes") List<String> footerPrefixes,
            @JsonProperty("boxPrefixes") List<String> boxPrefixes,
            @JsonProperty("promptPrefixes") List<String> promptPrefixes) {
        return new BoilerplateProfile(
                name,
                agency,
                agencyAliases,
                timeZone == null ? null : ZoneId.of(timeZone),
                hosts,
                signatures,
                sections,
                chromeLines,
                footerPrefixes,
                boxPrefixes,
                promptPrefixes);
    }

    /** True when the dateline agency text names this profile's agency. */
    boolean isAgency(String text) {
        String key = normalize(text);
        return agencyAliases.stream().anyMatch(a -> normalize(a).equals(key));
    }

    Set<String> normalizedSet(List<String> values) {
        return values.stream().map(BoilerplateProfile::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Lower case, single spaces, no trailing colon or ellipsis, no dashes around the line ({@code - Anzeige -}): how
     * lines are compared with profile phrases.
     */
    static String normalize(String line) {
        String s = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        // Trailing marks are cut by a loop: the regex "[…]+$" takes quadratic time on a long run of them.
        int end = s.length();
        while (end > 0 && TRAILING_MARKS.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).replaceAll("^[\\s«<|·–—-]+", "");
    }

    private static final String TRAILING_MARKS = " \t\n\u000B\f\r:»>…|·–—-";

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
