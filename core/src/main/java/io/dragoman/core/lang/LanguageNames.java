package io.dragoman.core.lang;

import java.util.Locale;

/** English names of languages, for prompts ("Translate this German news text"). */
public final class LanguageNames {

    private LanguageNames() {}

    /** The English name of an ISO 639 code ({@code de} → {@code German}), or {@code source-language} when unknown. */
    public static String english(String code) {
        if (code == null || code.isBlank()) {
            return "source-language";
        }
        String name = Locale.forLanguageTag(code.strip()).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? "source-language" : name;
    }
}
