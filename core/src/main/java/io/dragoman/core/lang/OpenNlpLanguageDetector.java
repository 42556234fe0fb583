package io.dragoman.core.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects languages with Apache OpenNLP's pre-trained language-detection model (103 languages), which ships in the
 * {@code opennlp-models-langdetect} jar on the class path. Loading the model takes about a second; share one
 * instance.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final int MIN_LETTERS = 20;
    private static final int MAX_CHARS = 4000;
    /** How many times likelier than the runner-up the best language must be when its confidence is low. */
    private static final double MIN_LEAD = 2.0;

    private final LanguageDetectorModel model;
    private final Map<String, String> iso3ToIso1;
    private final double minConfidence;

    /** Loads the model from the class path. */
    public OpenNlpLanguageDetector() {
        this(0.5);
    }

    /**
     * Loads the model from the class path.
     *
     * @param minConfidence results below this confidence (0–1) are reported as unknown, unless the best language is
     *     at least twice as likely as the next: the model spreads its confidence over 103 languages, so a clear
     *     paragraph of a few sentences often scores well below 0.5
     */
    public OpenNlpLanguageDetector(double minConfidence) {
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE
                        + " is not on the class path: add org.apache.opennlp:opennlp-models-langdetect");
            }
            this.model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP language model", e);
        }
        this.minConfidence = minConfidence;
        this.iso3ToIso1 = iso3ToIso1();
    }

    @Override
    public Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        // LanguageDetectorME keeps no state between calls but is not documented as thread-safe: one per call is cheap.
        Language best = null;
        double runnerUp = 0;
        for (Language candidate : new LanguageDetectorME(model).predictLanguages(sample)) {
            if (best == null || candidate.getConfidence() > best.getConfidence()) {
                runnerUp = best == null ? 0 : best.getConfidence();
                best = candidate;
            } else {
                runnerUp = Math.max(runnerUp, candidate.getConfidence());
            }
        }
        if (best == null || (best.getConfidence() < minConfidence && best.getConfidence() < MIN_LEAD * runnerUp)) {
            return Optional.empty();
        }
        String code = best.getLang();
        return Optional.of(iso3ToIso1.getOrDefault(code, code));
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known for this language
            }
        }
        // OpenNLP uses some macro-language and variant codes that Locale does not map.
        map.put("cmn", "zh");
        map.put("zho", "zh");
        map.put("pes", "fa");
        map.put("zlm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("nob", "nb");
        map.put("nno", "nn");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        map.put("azj", "az");
        map.put("khk", "mn");
        map.put("plt", "mg");
        map.put("npi", "ne");
        map.put("arb", "ar");
        return Map.copyOf(map);
    }
}
