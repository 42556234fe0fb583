package io.dragoman.cli;

import io.dragoman.core.article.Stage;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --only STAGE} value: a {@link Stage} written in lower case ({@code clean}, {@code translate}, {@code
 * summarize}), and the names offered by help and shell completion.
 */
final class StageOption implements ITypeConverter<Stage>, Iterable<String> {

    @Override
    public Stage convert(String value) {
        for (Stage stage : Stage.values()) {
            if (name(stage).equals(value)) {
                return stage;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Stage.values()).map(StageOption::name).iterator();
    }

    static String name(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
