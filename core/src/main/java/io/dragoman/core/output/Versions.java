package io.dragoman.core.output;

import java.util.ArrayList;
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

    /**
     * One story as the index shows it: the position of its newest version, whose row stands for the story, and the
     * positions of the others, newest first.
     */
    record Story(int newest, List<Integer> others) {
        /** How many versions, the newest included. */
        int versions() {
            return others.size() + 1;
        }
    }

    /** The position of the newest version of the article's story: its own when it is the newest or stands alone. */
    int newest(int position) {
        return group[position] < 0 ? position : members.get(group[position]).get(0);
    }

    /** Every story, in the order of its newest version: one per article that stands alone or is its story's newest. */
    List<Story> stories() {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (newest(i) == i) {
                stories.add(new Story(i, of(i)));
            }
        }
        return stories;
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
