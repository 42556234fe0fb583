package io.dragoman.core.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits sentences with an Apache OpenNLP sentence model, such as the German one (trained on the Universal
 * Dependencies GSD treebank) that ships in the {@code opennlp-models-sentdetect-de} jar on the class path. The model
 * decides at each {@code .}, {@code !} and {@code ?}; a language's rules then veto the breaks a small model gets
 * wrong (the German model alone splits dates such as {@code 26. November}). The text is only cut at the boundaries
 * found, so every character other than whitespace between sentences is kept. Thread-safe; share one instance.
 */
public final class OpenNlpSentenceSplitter implements SentenceSplitter {
    private static final String GERMAN_MODEL_RESOURCE = "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin";
    private static final String ENGLISH_MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final SentenceModel model;
    private final FalseBreaks falseBreaks;

    private OpenNlpSentenceSplitter(String resource, String artifact, FalseBreaks falseBreaks) {
        try (InputStream in = OpenNlpSentenceSplitter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "OpenNLP sentence model " + resource + " is not on the class path: add " + artifact);
            }
            this.model = new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP sentence model " + resource, e);
        }
        this.falseBreaks = falseBreaks;
    }

    /** Loads the German sentence model from the class path, with rules for German dates and abbreviations. */
    public static OpenNlpSentenceSplitter german() {
        return new OpenNlpSentenceSplitter(
                GERMAN_MODEL_RESOURCE, "org.apache.opennlp:opennlp-models-sentdetect-de", new GermanFalseBreaks());
    }

    /**
     * Loads the English sentence model (trained on the English Web Treebank) from the class path, with a rule for
     * initials and the abbreviations of titles and numbers ({@code A. Lukashenko}, {@code Dr.}, {@code No. 5}).
     */
    public static OpenNlpSentenceSplitter english() {
        return new OpenNlpSentenceSplitter(
                ENGLISH_MODEL_RESOURCE, "org.apache.opennlp:opennlp-models-sentdetect-en", new EnglishFalseBreaks());
    }

    @Override
    public List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // The model is thread-safe, SentenceDetectorME is not (it keeps the last probabilities): one per call is cheap.
        Span[] spans = new Detector(model, falseBreaks).sentPosDetect(text);
        if (spans.length == 0) {
            return List.of(text.strip());
        }
        // Cut at the start of each span rather than keep the spans themselves, so that nothing the model leaves
        // between or around its spans is dropped.
        List<String> sentences = new ArrayList<>(spans.length);
        int from = 0;
        for (int i = 1; i <= spans.length; i++) {
            int to = i < spans.length ? spans[i].getStart() : text.length();
            String sentence = text.substring(from, to).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
            from = to;
        }
        return List.copyOf(sentences);
    }

    /** Rules that veto a break the model proposes; stateless, so thread-safe. */
    @FunctionalInterface
    interface FalseBreaks {
        /** Whether the model's break after the end-of-sentence character at {@code index} is not a sentence end. */
        boolean test(CharSequence text, int index);
    }

    /** OpenNLP's detector with its hook for overruling the model. */
    private static final class Detector extends SentenceDetectorME {
        private final FalseBreaks falseBreaks;

        Detector(SentenceModel model, FalseBreaks falseBreaks) {
            super(model);
            this.falseBreaks = falseBreaks;
        }

        @Override
        protected boolean isAcceptableBreak(CharSequence s, int fromIndex, int candidateIndex) {
            return !falseBreaks.test(s, candidateIndex);
        }
    }
}
