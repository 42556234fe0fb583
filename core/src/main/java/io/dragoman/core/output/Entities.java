package io.dragoman.core.output;

import io.dragoman.core.output.NameGroups.Entity;
import io.dragoman.core.output.SiteViews.Bar;
import io.dragoman.core.output.SiteViews.Chart;
import io.dragoman.core.output.SiteViews.Counted;
import io.dragoman.core.output.SiteViews.Role;
import io.dragoman.core.summary.ArticleSummary;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The people, organisations, places and topics of a whole site: which names are one entity, the articles that name
 * each (as positions in the newest-first list), the roles given to people and who is named together most often.
 */
final class Entities {

    private static final int CHART_WIDTH = 600;
    private static final int CHART_HEIGHT = 80;

    /** What is known of one entity. */
    static final class Stats {
        final Entity entity;
        final List<Integer> positions = new ArrayList<>();
        final Map<String, Integer> roles = new HashMap<>();
        final Map<Entity, Integer> together = new HashMap<>();

        Stats(Entity entity) {
            this.entity = entity;
        }
    }

    private final Map<EntityKind, NameGroups> groups = new EnumMap<>(EntityKind.class);
    private final Map<Entity, Stats> stats = new HashMap<>();

    /** Groups the names of every entry and counts, for each entity, the entries (newest first) that name it. */
    Entities(List<SiteEntry> newestFirst) {
        for (EntityKind kind : EntityKind.values()) {
            groups.put(kind, new NameGroups(kind));
        }
        for (SiteEntry e : newestFirst) {
            e.people().forEach(p -> groups.get(EntityKind.PERSON).add(p.name(), ""));
            e.organizations().forEach(o -> groups.get(EntityKind.ORGANIZATION).add(o.name(), o.abbreviation()));
            e.places().forEach(p -> groups.get(EntityKind.PLACE).add(p, ""));
            e.topics().forEach(t -> groups.get(EntityKind.TOPIC).add(t, ""));
        }
        groups.values().forEach(NameGroups::resolve);
        for (int i = 0; i < newestFirst.size(); i++) {
            SiteEntry e = newestFirst.get(i);
            Set<Entity> named = new LinkedHashSet<>();
            for (EntityKind kind : EntityKind.values()) {
                for (String name : e.names(kind)) {
                    if (groups.get(kind).knows(name)) {
                        named.add(groups.get(kind).of(name));
                    }
                }
            }
            for (Entity entity : named) {
                stats.computeIfAbsent(entity, Stats::new).positions.add(i);
            }
            for (ArticleSummary.Person p : e.people()) {
                if (!p.role().isBlank() && groups.get(EntityKind.PERSON).knows(p.name())) {
                    stats.get(of(EntityKind.PERSON, p.name()))
                            .roles
                            .merge(p.role().strip(), 1, Integer::sum);
                }
            }
            for (Entity a : named) {
                if (a.kind() == EntityKind.TOPIC) {
                    continue;
                }
                for (Entity b : named) {
                    if (a != b && b.kind() != EntityKind.TOPIC) {
                        stats.get(a).together.merge(b, 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** The entity a name of this kind belongs to; the name must occur in some entry. */
    Entity of(EntityKind kind, String name) {
        return groups.get(kind).of(name);
    }

    /** True when some entry names it (a blank name never is). */
    boolean knows(EntityKind kind, String name) {
        return groups.get(kind).knows(name);
    }

    /** Why names of this kind are grouped as they are. */
    String why(EntityKind kind) {
        return groups.get(kind).why();
    }

    /** Every entity of a kind with its stats, most mentioned first. */
    List<Stats> all(EntityKind kind) {
        return stats.values().stream()
                .filter(s -> s.entity.kind() == kind)
                .sorted(Comparator.comparing((Stats s) -> -s.positions.size()).thenComparing(s -> s.entity.label()))
                .toList();
    }

    /** The most frequent roles, most frequent first. */
    static List<Role> roles(Stats s, int limit) {
        return s.roles.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Role(e.getKey(), e.getValue()))
                .toList();
    }

    /** Who is named together with the entity most often, linked from a page one folder deep. */
    static List<Counted> together(Stats s, int limit) {
        return s.together.entrySet().stream()
                .sorted(Map.Entry.<Entity, Integer>comparingByValue().reversed().thenComparing(e -> e.getKey()
                        .label()))
                .limit(limit)
                .map(e -> new Counted(e.getKey().href("../"), e.getKey().label(), e.getValue()))
                .toList();
    }

    /**
     * Mentions over time as bars: per day over up to 62 days, per week over up to 2 years, per month beyond. Days
     * are the articles' own dates; articles without one are left out.
     */
    static Chart chart(List<LocalDate> days) {
        List<LocalDate> known = days.stream().filter(d -> d != null).sorted().toList();
        if (known.isEmpty()) {
            return new Chart(CHART_WIDTH, CHART_HEIGHT, List.of(), "day", "", "", 0);
        }
        LocalDate first = known.get(0);
        LocalDate last = known.get(known.size() - 1);
        long span = ChronoUnit.DAYS.between(first, last);
        String unit = span <= 62 ? "day" : span <= 730 ? "week" : "month";
        TreeMap<LocalDate, Integer> buckets = new TreeMap<>();
        for (LocalDate d = bucket(first, unit); !d.isAfter(last); d = next(d, unit)) {
            buckets.put(d, 0);
        }
        known.forEach(d -> buckets.merge(bucket(d, unit), 1, Integer::sum));
        int max = buckets.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int n = buckets.size();
        int w = Math.max(1, CHART_WIDTH / n);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, Integer> b : buckets.entrySet()) {
            int h = b.getValue() == 0 ? 0 : Math.max(2, (int) Math.round(CHART_HEIGHT * b.getValue() / (double) max));
            if (h > 0) {
                bars.add(new Bar(
                        i * w,
                        CHART_HEIGHT - h,
                        Math.max(1, w - 1),
                        h,
                        unit + " of " + b.getKey() + ": " + b.getValue()
                                + (b.getValue() == 1 ? " article" : " articles")));
            }
            i++;
        }
        return new Chart(
                Math.max(CHART_WIDTH, n * w), CHART_HEIGHT, bars, unit, first.toString(), last.toString(), max);
    }

    private static LocalDate bucket(LocalDate d, String unit) {
        return switch (unit) {
            case "day" -> d;
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> d.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate d, String unit) {
        return switch (unit) {
            case "day" -> d.plusDays(1);
            case "week" -> d.plusWeeks(1);
            default -> d.plusMonths(1);
        };
    }
}
