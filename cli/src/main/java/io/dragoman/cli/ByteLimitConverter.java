package io.dragoman.cli;

import picocli.CommandLine;

/** Reads a size limit in bytes, which must be a whole number of at least 1. */
final class ByteLimitConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long bytes;
        try {
            bytes = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of bytes");
        }
        if (bytes < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size: use 1 byte or more");
        }
        return bytes;
    }
}
