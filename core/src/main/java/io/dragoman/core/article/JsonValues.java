package io.dragoman.core.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable copies of plain JSON values, for the extra fields an input carries through to its outputs: strings,
 * numbers, booleans, null, and lists and string-keyed maps of these. Map order is kept, so a record is written back
 * with its fields in the order they were read.
 */
final class JsonValues {
    private JsonValues() {}

    /**
     * An unmodifiable deep copy of {@code fields}, or an empty map for null.
     *
     * @throws IllegalArgumentException when a value is not a plain JSON value
     */
    static Map<String, Object> copyOf(Map<String, ?> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "extra field name"), value(key, value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object value(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> {
                if (!(key instanceof String k)) {
                    throw new IllegalArgumentException("extra field '" + name + "' has a map key that is not a string");
                }
                copy.put(k, value(name, v));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(value(name, v)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("extra field '" + name + "' is not a JSON value: "
                + value.getClass().getSimpleName());
    }
}
