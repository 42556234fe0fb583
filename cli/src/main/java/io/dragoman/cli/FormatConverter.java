package io.dragoman.cli;

import io.dragoman.core.pipeline.ArticleFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a format name case-insensitively and names the choices when it is wrong; offers the names in lower case, as
 * they are typed, to help and shell completion.
 */
final class FormatConverter implements CommandLine.ITypeConverter<ArticleFormat>, Iterable<String> {
    @Override
    public ArticleFormat convert(String value) {
        try {
            return ArticleFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "expected one of " + String.join(", ", this) + " but was '" + value + "'");
        }
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ArticleFormat.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .iterator();
    }
}
