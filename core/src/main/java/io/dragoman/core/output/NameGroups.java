package io.dragoman.core.output;

import io.dragoman.core.summary.NameMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which names of one kind denote one entity, so that the site has one page for "Lavrov", "Sergei Lavrov" and
 * "Sergej Lawrow". Names are compared by their spelling-independent skeleton ({@link NameMatcher#skeleton}): people by
 * surname and first name (a surname alone, or an initial, joins the most-mentioned person of that surname);
 * organisations by name or abbreviation ("CSTO" and "Collective Security Treaty Organization" when a summary gave
 * both); places and topics by their whole skeleton. Each entity keeps its variants, so the page can show the decision.
 * Not thread-safe.
 */
final class NameGroups {

    /** One entity: its page's file name (without {@code .html}), the name shown, and every spelling seen. */
    record Entity(EntityKind kind, String slug, String label, List<String> variants) {
        String href(String root) {
            return root + kind.folder() + "/" + slug + ".html";
        }
    }

    private final EntityKind kind;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>(); // union-find over keys
    private Map<String, Entity> byName = Map.of();

    NameGroups(EntityKind kind) {
        this.kind = kind;
    }

    /** Counts one mention of a name; {@code alias} is another name the same mention gives (an abbreviation), or "". */
    void add(String name, String alias) {
        String n = name.strip();
        if (n.isEmpty()) {
            return;
        }
        counts.merge(n, 1, Integer::sum);
        String a = alias.strip();
        if (!a.isEmpty() && !key(a).isEmpty() && !key(n).isEmpty()) {
            union(key(n), key(a));
        }
    }

    /** Groups every name added so far; call once, after the last {@link #add}. */
    void resolve() {
        Map<String, List<String>> members = new TreeMap<>();
        Map<String, String> groupOf = kind == EntityKind.PERSON ? personGroups() : new HashMap<>();
        for (String name : counts.keySet()) {
            String group = kind == EntityKind.PERSON ? groupOf.get(name) : find(keyOrRaw(name));
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(name);
        }
        Map<String, Entity> result = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (Map.Entry<String, List<String>> group : members.entrySet()) {
            List<String> names = group.getValue();
            names.sort(Comparator.comparing((String s) -> -counts.get(s))
                    .thenComparing(s -> -s.length())
                    .thenComparing(Comparator.naturalOrder()));
            String label = names.get(0);
            String slug = uniqueSlug(slug(group.getKey()), slugs);
            Entity entity = new Entity(kind, slug, label, List.copyOf(names));
            names.forEach(n -> result.put(n, entity));
        }
        byName = result;
    }

    /** The entity a name (as added) belongs to. */
    Entity of(String name) {
        Entity e = byName.get(name.strip());
        if (e == null) {
            throw new IllegalArgumentException("No " + kind.singular() + " named '" + name + "' was added");
        }
        return e;
    }

    /** True when the name was added (and is not blank). */
    boolean knows(String name) {
        return byName.containsKey(name.strip());
    }

    /** Why variants are one entity, in words, for the entity page. */
    String why() {
        return switch (kind) {
            case PERSON ->
                "One person: the same surname and first name once spellings are folded (w/v, j/y, sch/sh,"
                        + " kh/h); a surname alone or an initial counts for the most-named person of that surname.";
            case ORGANIZATION ->
                "One organisation: the same name once spellings are folded, or a summary gave one"
                        + " as the abbreviation of the other.";
            case PLACE, TOPIC -> "The same name once case, accents and spellings are folded.";
        };
    }

    /** People: by surname skeleton, then by first name; a bare surname or initial joins the most-named full name. */
    private Map<String, String> personGroups() {
        Map<String, Map<String, Integer>> bySurname = new HashMap<>(); // surname → first name → mentions
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String[] words = words(e.getKey());
            if (words.length > 1) {
                bySurname
                        .computeIfAbsent(words[words.length - 1], s -> new HashMap<>())
                        .merge(words[0], e.getValue(), Integer::sum);
            }
        }
        Map<String, String> groups = new HashMap<>();
        for (String name : counts.keySet()) {
            String[] words = words(name);
            if (words.length == 0) {
                groups.put(name, "#" + name);
                continue;
            }
            String surname = words[words.length - 1];
            String first = words.length > 1 ? words[0] : "";
            Map<String, Integer> firsts = bySurname.getOrDefault(surname, Map.of());
            if (first.length() <= 1) {
                String prefix = first;
                first = firsts.entrySet().stream()
                        .filter(f -> f.getKey().startsWith(prefix) && f.getKey().length() > 1)
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey)
                        .orElse(first);
            }
            groups.put(name, first.isEmpty() ? surname : surname + "-" + first);
        }
        return groups;
    }

    /** The skeletons of a name's words, without empty ones (names in scripts the skeleton drops give none). */
    private static String[] words(String name) {
        return java.util.Arrays.stream(name.split("[\\s.]+"))
                .map(NameMatcher::skeleton)
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    /** The key names of one entity share: the skeletons of their words. */
    private static String key(String name) {
        return String.join("-", words(name));
    }

    private static String keyOrRaw(String name) {
        String k = key(name);
        return k.isEmpty() ? "#" + name.toLowerCase(Locale.ROOT) : k;
    }

    private String find(String k) {
        String p = parent.getOrDefault(k, k);
        if (p.equals(k)) {
            return k;
        }
        String root = find(p);
        parent.put(k, root);
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            // the longer key (the full name) names the group, so the slug reads well
            if (ra.length() >= rb.length()) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    /** A file name from a group key: lower-case letters, digits and hyphens, at most 80 characters. */
    private static String slug(String key) {
        String s = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty() || key.startsWith("#")) {
            // names in other scripts: a stable hex name from the key's bytes
            StringBuilder hex = new StringBuilder("n");
            for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            s = hex.toString();
        }
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static String uniqueSlug(String slug, Set<String> taken) {
        String s = slug;
        for (int i = 2; !taken.add(s); i++) {
            s = slug + "-" + i;
        }
        return s;
    }

    /** The entities in the order of their first variant, for tests. */
    Map<String, List<String>> variants() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byName.values().stream()
                .distinct()
                .sorted(Comparator.comparing(Entity::slug))
                .forEach(e -> out.put(e.label(), e.variants()));
        return out;
    }
}
