package io.dragoman.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The JSON form of articles that Dragoman writes: ISO 8601 times with seconds and offset
 * ({@code 2020-11-26T17:25:00+03:00}), dates as {@code 2024-05-02}, absent fields left out.
 */
public final class ArticleJson {
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private ArticleJson() {}

    /** Formats a time as Dragoman writes it everywhere: {@code 2020-11-26T17:25:00+03:00}; null is not allowed. */
    public static String format(OffsetDateTime time) {
        return OFFSET_TIME.format(time);
    }

    /** A new mapper configured for Dragoman's article records; mappers are thread-safe once configured. */
    public static ObjectMapper mapper() {
        SimpleModule times = new SimpleModule("dragoman-times");
        times.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(OFFSET_TIME.format(value));
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(times)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
