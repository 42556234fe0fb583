package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply split at its paragraph markers ({@code [T]}, {@code [D]}, {@code [1]}, …). A marker counts at the
 * start of a line, also in bold ({@code **[1]**}) or followed by a colon. A paragraph ends at the next marker or at a
 * blank line; text before the first marker, after a blank line inside a paragraph, or on a line of its own after the
 * last paragraph is kept as {@link #outside()} so that a check can report it.
 *
 * @param paragraphs the text under each marker, in the order the markers appeared
 * @param markerOrder every marker as it appeared, duplicates included
 * @param outside text that belongs to no marker (a preamble, a note, a Markdown fence), in order
 */
public record MarkedReply(Map<String, String> paragraphs, List<String> markerOrder, List<String> outside) {

    private static final Pattern MARKER =
            Pattern.compile("^\\s*(?:\\*\\*)?\\[(T|D|\\d{1,4})](?:\\*\\*)?\\s*:?\\s*(.*)$");

    /** Copies the components. */
    public MarkedReply {
        paragraphs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paragraphs));
        markerOrder = List.copyOf(markerOrder);
        outside = List.copyOf(outside);
    }

    /** Splits a reply. */
    public static MarkedReply parse(String reply) {
        Objects.requireNonNull(reply, "reply");
        Map<String, String> paragraphs = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        String marker = null;
        StringBuilder text = new StringBuilder();
        StringBuilder loose = new StringBuilder();
        boolean closed = false;
        for (String line : reply.replace("\r\n", "\n").split("\n", -1)) {
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                flushLoose(loose, outside);
                put(paragraphs, marker, text);
                marker = m.group(1);
                order.add(marker);
                text.setLength(0);
                text.append(m.group(2).strip());
                closed = false;
            } else if (line.isBlank()) {
                if (marker != null && !text.isEmpty()) {
                    closed = true;
                }
                flushLoose(loose, outside);
            } else if (marker == null || closed) {
                if (!loose.isEmpty()) {
                    loose.append('\n');
                }
                loose.append(line.strip());
            } else {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(line.strip());
            }
        }
        flushLoose(loose, outside);
        put(paragraphs, marker, text);
        return new MarkedReply(paragraphs, order, outside);
    }

    private static void put(Map<String, String> paragraphs, String marker, StringBuilder text) {
        if (marker != null && !paragraphs.containsKey(marker)) {
            paragraphs.put(marker, text.toString().strip());
        }
    }

    private static void flushLoose(StringBuilder loose, List<String> outside) {
        if (!loose.isEmpty()) {
            outside.add(loose.toString());
            loose.setLength(0);
        }
    }

    /** The text under a marker, or empty text when the marker is missing. */
    public String text(String marker) {
        return paragraphs.getOrDefault(marker, "");
    }
}
