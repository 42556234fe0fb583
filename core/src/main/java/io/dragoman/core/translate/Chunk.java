package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Units translated in one model call, each under a marker: {@code T} for the title, {@code D} for the dateline and
 * {@code 1}, {@code 2}, … for the body units in order.
 *
 * @param index the chunk's position in the article (0-based)
 * @param units the units, in article order; not empty
 */
public record Chunk(int index, List<Unit> units) {

    /** Validates and copies the units. */
    public Chunk {
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("A chunk needs at least one unit.");
        }
        if (index < 0) {
            throw new IllegalArgumentException("A chunk index cannot be negative: " + index);
        }
    }

    /** The markers of the units, in order: {@code T}, {@code D}, then {@code 1} to n for the body units. */
    public List<String> markers() {
        List<String> markers = new ArrayList<>(units.size());
        int body = 0;
        for (Unit u : units) {
            markers.add(
                    switch (u.kind()) {
                        case TITLE -> "T";
                        case DATELINE -> "D";
                        case BODY -> Integer.toString(++body);
                    });
        }
        return markers;
    }

    /** The number of body units. */
    public int bodyCount() {
        return (int) units.stream().filter(u -> u.kind() == Unit.Kind.BODY).count();
    }

    /** The source text of all units, separated by blank lines. */
    public String sourceText() {
        StringBuilder b = new StringBuilder();
        for (Unit u : units) {
            if (!b.isEmpty()) {
                b.append("\n\n");
            }
            b.append(u.text());
        }
        return b.toString();
    }

    /** This chunk's units split into two chunks of about equal size (by characters), for a truncated reply. */
    List<Chunk> halves() {
        if (units.size() < 2) {
            throw new IllegalStateException("A chunk of one unit cannot be halved.");
        }
        long total = units.stream().mapToLong(u -> u.text().length()).sum();
        long sum = 0;
        int cut = 1;
        for (int i = 0; i < units.size() - 1; i++) {
            sum += units.get(i).text().length();
            cut = i + 1;
            if (sum * 2 >= total) {
                break;
            }
        }
        return List.of(new Chunk(index, units.subList(0, cut)), new Chunk(index, units.subList(cut, units.size())));
    }

    @Override
    public String toString() {
        return "Chunk[" + index + ", " + units.size() + " units]";
    }
}
