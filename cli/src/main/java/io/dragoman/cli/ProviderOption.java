package io.dragoman.cli;

import io.dragoman.core.llm.ProviderKind;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --provider P} value: a {@link ProviderKind} by the id users type ({@code openai-compatible}), and the
 * ids offered by help and shell completion.
 */
final class ProviderOption implements ITypeConverter<ProviderKind>, Iterable<String> {

    @Override
    public ProviderKind convert(String value) {
        try {
            return ProviderKind.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "expected one of " + String.join(", ", this) + " but was '" + value + "'");
        }
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ProviderKind.values()).map(ProviderKind::id).iterator();
    }
}
