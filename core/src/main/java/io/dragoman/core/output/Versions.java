package io.dragoman.core.output;

import java.util.List;

/** Which articles are versions of the same story, by their positions in the newest-first list. */
final class Versions {

    private final int[] group;
    private final List<List<Integer>> members;

    private Versions(int[] group, List<List<Integer>> members) {
        this.group = group;
        this.members = members;
    }

    /** Groups by the given group number per position, -1 for an article alone. */
    static Versions of(int[] group, List<List<Integer>> members) {
        return new Versions(group.clone(), List.copyOf(members));
    }

    /** How many versions the article's story has, itself included; 1 when it stands alone. */
    int count(int position) {
        return group[position] < 0 ? 1 : members.get(group[position]).size();
    }

    /** The positions of the other versions, newest first. */
    List<Integer> of(int position) {
        return group[position] < 0
                ? List.of()
                : members.get(group[position]).stream()
                        .filter(p -> p != position)
                        .toList();
    }
}
