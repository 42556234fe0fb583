package io.dragoman.core.clean;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Dateline;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps every cleaner shares once it has a title and body: cut the dateline from the first paragraph, choose
 * the source profile, place local times in the source's zone, and detect the language.
 */
final class ArticleAssembly {
    /** Characters of title and body the language detector sees. */
    static final int LANGUAGE_SAMPLE_CHARS = 600;

    /** A paragraph that takes the sample past its size is kept up to this many characters more. */
    private static final int LANGUAGE_SAMPLE_SLACK = 200;

    private final BoilerplateProfiles profiles;
    private final LanguageDetector languages;

    ArticleAssembly(BoilerplateProfiles profiles, LanguageDetector languages) {
        this.profiles = profiles;
        this.languages = languages;
    }

    CleanedArticle assemble(
            ArticleId id,
            String location,
            String title,
            List<String> body,
            PageFacts facts,
            Optional<BoilerplateProfile> knownProfile,
            List<String> lines,
            List<String> warnings) {
        List<String> paragraphs = new ArrayList<>(body);
        List<String> notes = new ArrayList<>(warnings);

        Optional<DatelineParser.Found> found =
                paragraphs.isEmpty() ? Optional.empty() : DatelineParser.find(paragraphs.get(0));
        Optional<BoilerplateProfile> profile = knownProfile.isPresent()
                ? knownProfile
                : profiles.match(
                        location, found.map(DatelineParser.Found::agency).orElse(null), lines);
        ZoneId zone = profile.map(BoilerplateProfile::timeZone).orElse(null);

        OffsetDateTime published = facts.published();
        if (published == null && facts.publishedLocal() != null) {
            if (zone != null) {
                published = facts.publishedLocal().atZone(zone).toOffsetDateTime();
            } else {
                notes.add(
                        "publication time '" + facts.publishedText() + "' left out: the source's time zone is unknown");
            }
        }

        Dateline dateline = null;
        if (found.isPresent()) {
            DatelineParser.Found f = found.get();
            String rest = paragraphs.get(0).substring(f.length());
            if (rest.isBlank()) {
                paragraphs.remove(0);
            } else {
                paragraphs.set(0, rest);
            }
            dateline = new Dateline(f.place(), resolveYear(f.monthDay(), published), f.agency(), f.text());
        }
        if (paragraphs.isEmpty()) {
            throw new CleaningException(CleaningException.Reason.NO_BODY, "no article body found: only a dateline");
        }

        String agency = null;
        if (dateline != null && dateline.agency() != null) {
            String named = dateline.agency();
            agency = profile.filter(p -> p.isAgency(named))
                    .map(BoilerplateProfile::agency)
                    .orElse(named);
        } else if (profile.isPresent()) {
            agency = profile.get().agency();
        }
        String source = profile.map(BoilerplateProfile::name).orElse(facts.siteName());

        String sample = languageSample(title, paragraphs);
        String language = languages.detect(sample).orElse(null);
        if (language == null) {
            notes.add("language not detected: text too short or mixed");
        } else if (facts.declaredLanguage() != null) {
            String declared = facts.declaredLanguage().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (!declared.isEmpty() && !declared.equals(language)) {
                notes.add("page declares language '" + facts.declaredLanguage() + "' but the text reads as '" + language
                        + "'");
            }
        }

        ArticleMetadata metadata = new ArticleMetadata(
                published,
                facts.modified(),
                dateline,
                facts.section(),
                agency,
                source,
                language,
                facts.capturedAt(),
                location,
                facts.url(),
                facts.authors());
        return new CleanedArticle(id, title, paragraphs, metadata, notes);
    }

    /**
     * Where a raw article's page lives, for matching source profiles, grouping chrome and resolving links: the URL the
     * input states, else its location.
     */
    static String place(RawArticle raw) {
        return raw.url().orElse(raw.location());
    }

    /**
     * Gives an article cleaned at {@link #place(RawArticle)} what its input states: the input's own location, the
     * input's URL (which wins over a URL found in the page: the input says where this copy was taken from) and the
     * input's extra fields.
     */
    static CleanedArticle asInput(CleanedArticle cleaned, RawArticle raw) {
        CleanedArticle article = cleaned;
        if (raw.url().isPresent()) {
            article = article.withMetadata(
                    article.metadata().withLocation(raw.location(), raw.url().get()));
        }
        return raw.extra().isEmpty() ? article : article.withExtra(raw.extra());
    }

    /**
     * The title and the first paragraphs, about {@value #LANGUAGE_SAMPLE_CHARS} characters: enough for the detector to
     * be sure, and detection time grows with the sample.
     */
    static String languageSample(String title, List<String> paragraphs) {
        StringBuilder sample = new StringBuilder(title);
        for (String p : paragraphs) {
            if (sample.length() >= LANGUAGE_SAMPLE_CHARS) {
                break;
            }
            sample.append('\n').append(p);
        }
        return sample.length() > LANGUAGE_SAMPLE_CHARS + LANGUAGE_SAMPLE_SLACK
                ? sample.substring(0, LANGUAGE_SAMPLE_CHARS + LANGUAGE_SAMPLE_SLACK)
                : sample.toString();
    }

    /** The dateline's day in the year of publication, never after that day by more than one day. */
    private static LocalDate resolveYear(MonthDay day, OffsetDateTime published) {
        if (day == null) {
            return null;
        }
        if (published == null) {
            return null;
        }
        LocalDate reference = published.toLocalDate();
        LocalDate date = day.atYear(reference.getYear());
        if (date.isAfter(reference.plusDays(1))) {
            date = date.minusYears(1);
        }
        return date;
    }
}
