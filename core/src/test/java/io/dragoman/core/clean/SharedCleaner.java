package io.dragoman.core.clean;

import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;

/** The standard cleaner for tests, created once per test JVM: its language model takes about a second to load. */
final class SharedCleaner {
    private SharedCleaner() {}

    private static final class Holder {
        static final LanguageDetector LANGUAGES = new OpenNlpLanguageDetector();
        static final BoilerplateProfiles PROFILES = BoilerplateProfiles.builtIn();
        static final DetectingCleaner STANDARD =
                new DetectingCleaner(PROFILES, LANGUAGES, DetectingCleaner.DEFAULT_MAX_BYTES);
    }

    /** The cleaner {@link DetectingCleaner#standard()} builds; it is never asked to learn, so tests cannot interfere. */
    static DetectingCleaner standard() {
        return Holder.STANDARD;
    }

    /** The shared OpenNLP language detector. */
    static LanguageDetector languages() {
        return Holder.LANGUAGES;
    }

    /** The built-in profiles. */
    static BoilerplateProfiles profiles() {
        return Holder.PROFILES;
    }
}
