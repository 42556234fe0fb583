package io.dragoman.core.output;

import io.dragoman.core.output.Digest.Item;
import io.dragoman.core.output.Digest.Name;
import io.dragoman.core.output.Digest.Story;
import io.dragoman.core.output.Digest.Trend;
import io.dragoman.core.output.NameGroups.Entity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link Digest} from the entries of a site. Stories are formed per period without a model: an article
 * joins the story whose first article shares most of its names and topics (at least two, and at least half of the
 * smaller set), or the story of a version of the same report; names that more than half the articles of a period share
 * (the agency's own country, its head of state) are too common to tell stories apart and are not compared.
 */
final class Digests {

    /** People and organisations listed per period. */
    static final int TRENDS = 10;
    /** Stories listed per period; smaller stories beyond are counted. */
    static final int STORIES = 40;
    /** Names seen for the first time listed per period. */
    static final int FIRST_SEEN = 30;

    /** A name in more than this share of a period's articles is not compared… */
    static final double COMMON_SHARE = 0.5;
    /** …when the period has at least this many articles. */
    static final int COMMON_FROM = 8;

    private Digests() {}

    /**
     * The digest of the entries.
     *
     * @param newestFirst every entry of the site, newest first
     * @param entities the entities of those entries
     * @param versions which entries are versions of one report
     */
    static Digest build(List<SiteEntry> newestFirst, Entities entities, Versions versions, DigestOptions options) {
        List<Set<Entity>> named = namedPerEntry(newestFirst.size(), entities);
        TreeMap<LocalDate, List<Integer>> byStart = new TreeMap<>(); // every dated entry, oldest period first
        Map<Entity, LocalDate> firstDay = new HashMap<>();
        int undated = 0;
        int outside = 0;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            LocalDate day = day(newestFirst.get(i));
            if (day == null) {
                undated++;
                continue;
            }
            byStart.computeIfAbsent(options.by().start(day), d -> new ArrayList<>())
                    .add(i);
            for (Entity e : named.get(i)) {
                firstDay.merge(e, day, (a, b) -> a.isBefore(b) ? a : b);
            }
            if (!options.covers(day)) {
                outside++;
            }
        }
        LocalDate oldest = byStart.isEmpty() ? null : byStart.firstKey();
        List<Digest.Period> periods = new ArrayList<>();
        for (LocalDate start : byStart.descendingKeySet()) {
            List<Integer> in = byStart.get(start).stream()
                    .filter(i -> options.covers(day(newestFirst.get(i))))
                    .sorted()
                    .toList();
            if (in.isEmpty()) {
                continue;
            }
            LocalDate before = options.by().start(start.minusDays(1));
            List<Integer> previous = byStart.getOrDefault(before, List.of());
            List<Story> stories = stories(in, newestFirst, named, versions);
            List<Story> listed = stories.stream().limit(STORIES).toList();
            periods.add(new Digest.Period(
                    options.by().key(start),
                    options.by().label(start),
                    start,
                    options.by().end(start),
                    in.size(),
                    listed,
                    stories.size() - listed.size(),
                    trends(EntityKind.PERSON, in, previous, named),
                    trends(EntityKind.ORGANIZATION, in, previous, named),
                    firstSeen(in, newestFirst, named, firstDay),
                    start.equals(oldest),
                    Optional.empty()));
        }
        return new Digest(options, periods, undated, outside);
    }

    private static LocalDate day(SiteEntry e) {
        return e.published() == null ? null : e.published().toLocalDate();
    }

    private static List<Set<Entity>> namedPerEntry(int size, Entities entities) {
        List<Set<Entity>> named = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            named.add(new LinkedHashSet<>());
        }
        for (EntityKind kind : EntityKind.values()) {
            for (Entities.Stats s : entities.all(kind)) {
                s.positions.forEach(p -> named.get(p).add(s.entity));
            }
        }
        return named;
    }

    private static List<Trend> trends(
            EntityKind kind, List<Integer> in, List<Integer> previous, List<Set<Entity>> named) {
        Map<Entity, Integer> now = count(kind, in, named);
        Map<Entity, Integer> then = count(kind, previous, named);
        return now.entrySet().stream()
                .sorted(Map.Entry.<Entity, Integer>comparingByValue().reversed().thenComparing(e -> e.getKey()
                        .label()))
                .limit(TRENDS)
                .map(e -> new Trend(name(e.getKey()), e.getValue(), then.getOrDefault(e.getKey(), 0)))
                .toList();
    }

    private static Map<Entity, Integer> count(EntityKind kind, List<Integer> positions, List<Set<Entity>> named) {
        Map<Entity, Integer> counts = new HashMap<>();
        for (int p : positions) {
            for (Entity e : named.get(p)) {
                if (e.kind() == kind) {
                    counts.merge(e, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static List<Name> firstSeen(
            List<Integer> in, List<SiteEntry> entries, List<Set<Entity>> named, Map<Entity, LocalDate> firstDay) {
        Set<Entity> seen = new LinkedHashSet<>();
        for (int p : in) {
            LocalDate day = day(entries.get(p));
            for (Entity e : named.get(p)) {
                if (e.kind() != EntityKind.TOPIC && firstDay.get(e).equals(day)) {
                    seen.add(e);
                }
            }
        }
        return seen.stream()
                .sorted(Comparator.comparing(Entity::kind).thenComparing(Entity::label))
                .limit(FIRST_SEEN)
                .map(Digests::name)
                .toList();
    }

    /** The stories of one period's entries (positions, newest first), the largest first. */
    private static List<Story> stories(
            List<Integer> in, List<SiteEntry> entries, List<Set<Entity>> named, Versions versions) {
        Map<Entity, Integer> spread = new HashMap<>();
        in.forEach(p -> named.get(p).forEach(e -> spread.merge(e, 1, Integer::sum)));
        boolean large = in.size() >= COMMON_FROM;
        List<List<Integer>> groups = new ArrayList<>();
        List<Set<Entity>> seeds = new ArrayList<>();
        Map<Integer, Integer> groupOf = new HashMap<>();
        Set<Integer> period = new HashSet<>(in);
        for (int k = in.size() - 1; k >= 0; k--) { // oldest first: a story's first report is its seed
            int p = in.get(k);
            Set<Entity> keys = new HashSet<>(named.get(p));
            keys.removeIf(e -> large && spread.get(e) > in.size() * COMMON_SHARE);
            Integer group = versions.of(p).stream()
                    .filter(period::contains)
                    .map(groupOf::get)
                    .filter(g -> g != null)
                    .findFirst()
                    .orElse(null);
            if (group == null) {
                double best = 0;
                for (int g = 0; g < groups.size(); g++) {
                    double s = overlap(keys, seeds.get(g));
                    if (s > best) {
                        best = s;
                        group = g;
                    }
                }
                if (best < 0.5) {
                    group = null;
                }
            }
            if (group == null) {
                group = groups.size();
                groups.add(new ArrayList<>());
                seeds.add(keys);
            }
            groups.get(group).add(0, p);
            groupOf.put(p, group);
        }
        return groups.stream()
                .sorted(Comparator.comparing((List<Integer> g) -> -g.size()).thenComparing(g -> g.get(0)))
                .map(g -> new Story(
                        shared(g, named),
                        g.stream().map(p -> item(entries.get(p))).toList()))
                .toList();
    }

    /** Shared names over the smaller set; 0 unless at least two are shared. */
    private static double overlap(Set<Entity> a, Set<Entity> b) {
        int both = 0;
        for (Entity e : a) {
            if (b.contains(e)) {
                both++;
            }
        }
        return both < 2 ? 0 : both / (double) Math.min(a.size(), b.size());
    }

    /** The names at least two articles of a story share, most shared first, at most five. */
    private static List<Name> shared(List<Integer> story, List<Set<Entity>> named) {
        if (story.size() < 2) {
            return List.of();
        }
        Map<Entity, Integer> counts = new HashMap<>();
        story.forEach(p -> named.get(p).forEach(e -> counts.merge(e, 1, Integer::sum)));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<Entity, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().kind())
                        .thenComparing(e -> e.getKey().label()))
                .limit(5)
                .map(e -> name(e.getKey()))
                .toList();
    }

    private static Item item(SiteEntry e) {
        return new Item(e.id(), e.headline(), e.date(), e.lede());
    }

    private static Name name(Entity e) {
        return new Name(e.kind(), e.label(), e.href(""));
    }
}
