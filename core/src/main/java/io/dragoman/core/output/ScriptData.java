package io.dragoman.core.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dragoman.core.pipeline.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes data for the site's script as a script file, {@code DRAGOMAN.name(n, [...]);}: a page opened from disk may
 * load scripts beside it, where browsers refuse to fetch a JSON file.
 */
final class ScriptData {

    private static final JsonFactory JSON = new JsonFactory();

    /** What writes the JSON array's items. */
    @FunctionalInterface
    interface Items {
        void write(JsonGenerator json) throws IOException;
    }

    private ScriptData() {}

    /** Writes {@code file} atomically as a call of {@code DRAGOMAN.<function>(number, [items])}. */
    static void write(Path file, String function, int number, Items items) {
        try {
            AtomicFiles.write(file, w -> {
                w.write("DRAGOMAN." + function + "(" + number + ",");
                try (JsonGenerator g = JSON.createGenerator(w)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeStartArray();
                    items.write(g);
                    g.writeEndArray();
                }
                w.write(");\n");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
