package io.dragoman.core.translate;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.LanguageNames;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ModelSteps;
import io.dragoman.core.llm.ModelSteps.Role;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One article's translation as steps ({@link ModelSteps}): the chunks in order, each sent with the end of the
 * previous chunk's translation as context. A chunk's reply is checked; a truncated chunk of several units is split
 * in two halves (translated one after the other, the second with the first as context), a truncated single unit is
 * asked again with a larger budget, and a reply with any other finding gets one repair request. Of the first
 * reply and the repair, the one whose worst finding is less severe wins (the repair on a tie); an article whose
 * chosen reply is still {@linkplain TranslationCheck.Severity#UNUSABLE unusable} fails, and one with a {@linkplain
 * TranslationCheck.Severity#DOUBTFUL doubtful} finding left is kept with checks that say it needs review. Made by {@link Translator#steps}; not thread-safe.
 */
public final class TranslationSteps implements ModelSteps<Translation> {

    private enum Phase {
        FIRST,
        LARGER,
        REPAIR,
        HEAD,
        TAIL,
        /** The reviewer compares the reply kept. */
        REVIEW,
        /** The repair request with the reviewer's findings. */
        REVIEW_REPAIR,
        /** The reviewer compares that repair. */
        REVIEW_AGAIN
    }

    /** One chunk being translated; halves of a split chunk are frames above it on the stack. */
    private static final class Frame {
        final Chunk chunk;
        final String previous;
        final List<Glossary.Entry> terms;
        int budget;
        Phase phase = Phase.FIRST;
        Attempt first;
        Map<String, Finding> failed;
        /** The reply kept so far, while the reviewer looks at it. */
        Attempt kept;
        /** Whether the chunk had its repair request already. */
        boolean repaired;

        Finding reviewFinding;
        Attempt reviewRepair;
        String head;

        Frame(Chunk chunk, String previous, List<Glossary.Entry> terms, int budget) {
            this.chunk = chunk;
            this.previous = previous;
            this.terms = terms;
            this.budget = budget;
        }
    }

    /** A reply, checked, with its raw text for a repair request. */
    private record Attempt(ChunkReply reply, String raw) {}

    private final Translator translator;
    private final CleanedArticle article;
    private final Glossary articleGlossary;
    private final String sourceLanguage;
    private final List<Chunk> chunks;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, String> englishByUnit = new LinkedHashMap<>();
    private final CheckLedger ledger = new CheckLedger();
    private final Map<String, String> versions = new TreeMap<>();
    private final Spending spent;
    private final Optional<Translation> earlier;
    private final Set<Integer> splitParagraphs;
    private int nextChunk;
    private String previous = "";
    private ModelRequest asked;

    TranslationSteps(
            Translator translator,
            CleanedArticle article,
            List<Chunk> chunks,
            Glossary glossary,
            Spending spent,
            Optional<Translation> earlier) {
        this.translator = translator;
        this.article = article;
        this.articleGlossary = Glossary.builtIn(article.metadata().source()).with(glossary);
        this.sourceLanguage = LanguageNames.english(article.metadata().language());
        this.chunks = List.copyOf(chunks);
        this.spent = spent;
        this.earlier = earlier;
        this.splitParagraphs = this.chunks.stream()
                .flatMap(c -> c.units().stream())
                .filter(u -> u.kind() == Unit.Kind.BODY && u.part() > 0)
                .map(Unit::paragraph)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Step<Translation> start() {
        return advance();
    }

    @Override
    public Step<Translation> answer(ModelReply reply) {
        if (asked == null || stack.isEmpty()) {
            throw new IllegalStateException("No request of " + article.id() + " is waiting for a reply.");
        }
        spent.record(asked, reply);
        asked = null;
        Frame frame = stack.peek();
        if (frame.phase == Phase.REVIEW || frame.phase == Phase.REVIEW_AGAIN) {
            return afterReview(frame, reply);
        }
        Attempt attempt = new Attempt(
                new ChunkReply(frame.chunk, MarkedReply.parse(reply.text()), reply.finishReason(), frame.terms),
                reply.text());
        return switch (frame.phase) {
            case FIRST -> afterFirst(frame, attempt);
            case LARGER -> afterLarger(frame, attempt);
            case REPAIR -> afterRepair(frame, attempt);
            case REVIEW_REPAIR -> afterReviewRepair(frame, attempt);
            case HEAD, TAIL -> throw new IllegalStateException("A split chunk waits for its halves, not a reply.");
            case REVIEW, REVIEW_AGAIN -> throw new AssertionError("a review's reply is taken above");
        };
    }

    @Override
    public TranslationException failed(ModelFailure failure) {
        return new TranslationException(
                "Article " + article.id() + " could not be translated: " + failure.getMessage(),
                spent,
                results(),
                failure);
    }

    /** The next chunk's first request, or the translation when every chunk is done. */
    private Step<Translation> advance() {
        if (nextChunk == chunks.size()) {
            return new Step.Finished<>(result());
        }
        Chunk chunk = chunks.get(nextChunk++);
        Optional<String> rebuilt = earlier.flatMap(t -> rebuilt(chunk, t));
        if (rebuilt.isPresent()) {
            Frame frame = new Frame(
                    chunk, previous, articleGlossary.occurringIn(chunk.sourceText()), translator.outputBudget(chunk));
            stack.push(frame);
            Attempt attempt = new Attempt(
                    new ChunkReply(chunk, MarkedReply.parse(rebuilt.get()), FinishReason.STOP, frame.terms),
                    rebuilt.get());
            return checked(frame, attempt, failures(attempt.reply()));
        }
        return push(chunk, previous);
    }

    /**
     * An earlier translation's text for a chunk, under the chunk's markers as a reply would have it; empty when a unit
     * of the chunk is a part of a paragraph (the earlier translation keeps whole paragraphs only) or has no text.
     */
    private Optional<String> rebuilt(Chunk chunk, Translation earlier) {
        StringBuilder reply = new StringBuilder();
        List<String> markers = chunk.markers();
        for (int i = 0; i < chunk.units().size(); i++) {
            Unit u = chunk.units().get(i);
            String english =
                    switch (u.kind()) {
                        case TITLE -> earlier.title();
                        case DATELINE -> earlier.dateline();
                        case BODY ->
                            u.paragraph() < earlier.paragraphs().size() && !splitParagraphs.contains(u.paragraph())
                                    ? earlier.paragraphs().get(u.paragraph())
                                    : "";
                    };
            if (english.isBlank()) {
                return Optional.empty();
            }
            reply.append(reply.isEmpty() ? "" : "\n\n")
                    .append('[')
                    .append(markers.get(i))
                    .append("] ")
                    .append(english);
        }
        return Optional.of(reply.toString());
    }

    private Step<Translation> push(Chunk chunk, String before) {
        Frame frame = new Frame(
                chunk, before, articleGlossary.occurringIn(chunk.sourceText()), translator.outputBudget(chunk));
        stack.push(frame);
        return send(first(frame), frame.budget);
    }

    private RenderedPrompt first(Frame frame) {
        return translator.prompts().first(article, sourceLanguage, frame.chunk, frame.terms, frame.previous);
    }

    private Step<Translation> send(RenderedPrompt prompt, int budget) {
        versions.put(prompt.task(), prompt.version());
        asked = new ModelRequest(
                prompt.system(), prompt.user(), budget, translator.settings().temperature(), Optional.empty());
        return new Step.Send<>(asked);
    }

    private Step<Translation> repair(Frame frame, Attempt attempt, Map<String, Finding> problems) {
        return send(
                translator
                        .prompts()
                        .repair(
                                article,
                                sourceLanguage,
                                frame.chunk,
                                frame.terms,
                                frame.previous,
                                messages(problems),
                                attempt.raw()),
                frame.budget);
    }

    private Step<Translation> afterFirst(Frame frame, Attempt first) {
        Map<String, Finding> failed = failures(first.reply());
        if (failed.containsKey("truncated")) {
            if (frame.chunk.units().size() > 1) {
                ledger.first("truncated", failed.get("truncated"));
                frame.phase = Phase.HEAD;
                return push(frame.chunk.halves().get(0), frame.previous);
            }
            int larger = Math.min(translator.settings().maxOutputTokens(), frame.budget * 2);
            if (larger > frame.budget) {
                ledger.first("truncated", failed.get("truncated"));
                frame.budget = larger;
                frame.phase = Phase.LARGER;
                return send(first(frame), frame.budget);
            }
        }
        return checked(frame, first, failed);
    }

    private Step<Translation> afterLarger(Frame frame, Attempt first) {
        return checked(frame, first, failures(first.reply()));
    }

    /** A first reply whose checks ran: kept when it passed them all, else sent back once with the findings. */
    private Step<Translation> checked(Frame frame, Attempt first, Map<String, Finding> failed) {
        if (failed.isEmpty()) {
            return kept(frame, first);
        }
        failed.forEach(ledger::first);
        frame.first = first;
        frame.failed = failed;
        frame.phase = Phase.REPAIR;
        frame.repaired = true;
        return repair(frame, first, failed);
    }

    private Step<Translation> afterRepair(Frame frame, Attempt second) {
        Map<String, Finding> repaired = failures(second.reply());
        boolean repairWins = worst(repaired).compareTo(worst(frame.failed)) <= 0;
        ChunkReply chosen = repairWins ? second.reply() : frame.first.reply();
        Map<String, Finding> left = repairWins ? repaired : frame.failed;
        left.forEach((check, finding) -> ledger.left(check, finding, frame.chunk));
        if (worst(left) == TranslationCheck.Severity.UNUSABLE) {
            throw failure(chosen, left);
        }
        return kept(frame, repairWins ? second : frame.first);
    }

    /** A usable reply is kept for the chunk: the reviewer, when there is one, looks at it first. */
    private Step<Translation> kept(Frame frame, Attempt attempt) {
        Optional<Reviewer> reviewer = translator.reviewer();
        if (reviewer.isEmpty()) {
            return finish(frame.chunk, attempt.reply());
        }
        frame.kept = attempt;
        frame.phase = Phase.REVIEW;
        return review(reviewer.get(), frame, attempt);
    }

    private Step<Translation> review(Reviewer reviewer, Frame frame, Attempt attempt) {
        RenderedPrompt prompt = reviewer.prompt(sourceLanguage, frame.chunk, attempt.reply());
        versions.put(prompt.task(), prompt.version());
        asked = reviewer.request(prompt);
        return new Step.Send<>(asked, Role.REVIEWER);
    }

    /**
     * The reviewer's verdict on the reply kept (or on the repair it asked for): nothing found keeps the reply; a
     * finding on a chunk not repaired yet sends the repair request with it; otherwise the finding stays for a person.
     */
    private Step<Translation> afterReview(Frame frame, ModelReply reply) {
        Optional<Finding> found = translator.reviewer().orElseThrow().findings(frame.chunk, reply);
        boolean doubtful = found.filter(f -> f.severity() != TranslationCheck.Severity.COSMETIC)
                .isPresent();
        if (frame.phase == Phase.REVIEW_AGAIN) {
            found.ifPresent(f -> ledger.left(Reviewer.CHECK, f, frame.chunk));
            return finish(frame.chunk, frame.reviewRepair.reply());
        }
        if (!doubtful || frame.repaired) {
            found.ifPresent(f -> ledger.left(Reviewer.CHECK, f, frame.chunk));
            return finish(frame.chunk, frame.kept.reply());
        }
        ledger.first(Reviewer.CHECK, found.get());
        frame.reviewFinding = found.get();
        frame.phase = Phase.REVIEW_REPAIR;
        Map<String, Finding> problems = new LinkedHashMap<>();
        problems.put(Reviewer.CHECK, found.get());
        return repair(frame, frame.kept, problems);
    }

    /** The repair the reviewer asked for: reviewed again when it passes the checks, else the reply kept stays. */
    private Step<Translation> afterReviewRepair(Frame frame, Attempt repair) {
        Map<String, Finding> left = failures(repair.reply());
        if (worst(left) != TranslationCheck.Severity.COSMETIC) {
            ledger.left(Reviewer.CHECK, frame.reviewFinding, frame.chunk);
            return finish(frame.chunk, frame.kept.reply());
        }
        left.forEach((check, finding) -> ledger.left(check, finding, frame.chunk));
        frame.reviewRepair = repair;
        frame.phase = Phase.REVIEW_AGAIN;
        return review(translator.reviewer().orElseThrow(), frame, repair);
    }

    /** The most severe of some findings; {@link TranslationCheck.Severity#COSMETIC} when there are none. */
    private static TranslationCheck.Severity worst(Map<String, Finding> findings) {
        return findings.values().stream()
                .map(Finding::severity)
                .max(Comparator.naturalOrder())
                .orElse(TranslationCheck.Severity.COSMETIC);
    }

    private static Map<String, String> messages(Map<String, Finding> findings) {
        Map<String, String> messages = new LinkedHashMap<>();
        findings.forEach((check, finding) -> messages.put(check, finding.message()));
        return messages;
    }

    /** Keeps a chunk's chosen reply and hands its English text on, as the next chunk's context. */
    private Step<Translation> finish(Chunk chunk, ChunkReply chosen) {
        List<String> markers = chunk.markers();
        for (int i = 0; i < chunk.units().size(); i++) {
            englishByUnit.put(
                    Translator.key(chunk.units().get(i)), chosen.reply().text(markers.get(i)));
        }
        stack.pop();
        return done(chosen.englishText());
    }

    /** A frame's English text is done: its parent (a split chunk) goes on, or the next chunk starts. */
    private Step<Translation> done(String english) {
        Frame parent = stack.peek();
        if (parent == null) {
            previous = english;
            return advance();
        }
        if (parent.phase == Phase.HEAD) {
            parent.head = english;
            parent.phase = Phase.TAIL;
            return push(parent.chunk.halves().get(1), english);
        }
        stack.pop();
        return done(parent.head + "\n\n" + english);
    }

    private Map<String, Finding> failures(ChunkReply reply) {
        Map<String, Finding> failed = new LinkedHashMap<>();
        for (TranslationCheck check : translator.checks()) {
            check.check(reply).ifPresent(message -> failed.put(check.name(), message));
        }
        return failed;
    }

    private TranslationException failure(ChunkReply reply, Map<String, Finding> failed) {
        String reasons = String.join(
                " ",
                failed.entrySet().stream()
                        .filter(e -> e.getValue().severity() == TranslationCheck.Severity.UNUSABLE)
                        .map(e -> e.getKey() + ": " + e.getValue().message())
                        .toList());
        return new TranslationException(
                "Article " + article.id() + " could not be translated after a repair request (chunk "
                        + (reply.chunk().index() + 1) + "): " + reasons,
                spent,
                results(),
                null);
    }

    private List<CheckResult> results() {
        List<String> names = new ArrayList<>(
                translator.checks().stream().map(TranslationCheck::name).toList());
        translator.reviewer().ifPresent(r -> names.add(Reviewer.CHECK));
        return ledger.results(names);
    }

    private Translation result() {
        String title = "";
        String dateline = "";
        Map<Integer, StringBuilder> body = new TreeMap<>();
        for (Map.Entry<String, String> e : englishByUnit.entrySet()) {
            String key = e.getKey();
            if (key.equals("T")) {
                title = e.getValue();
            } else if (key.equals("D")) {
                dateline = e.getValue();
            } else {
                int paragraph = Integer.parseInt(key.substring(0, key.indexOf('.')));
                StringBuilder b = body.computeIfAbsent(paragraph, k -> new StringBuilder());
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(e.getValue());
            }
        }
        List<String> paragraphs =
                body.values().stream().map(StringBuilder::toString).toList();
        if (paragraphs.size() != article.paragraphs().size()) {
            throw new IllegalStateException("Translated " + paragraphs.size() + " of "
                    + article.paragraphs().size() + " paragraphs of " + article.id());
        }
        return new Translation(
                article.id(),
                title,
                dateline,
                paragraphs,
                results(),
                chunks.size(),
                Provenance.of(translator.info(), versions, spent));
    }
}
