package io.dragoman.cli;

import io.dragoman.core.pipeline.ArticleFormat;
import picocli.CommandLine;

/** Reads a format name case-insensitively and names the choices when it is wrong. */
final class FormatConverter implements CommandLine.ITypeConverter<ArticleFormat> {
    @Override
    public ArticleFormat convert(String value) {
        try {
            return ArticleFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "unknown format '" + value + "': use text, json, jsonl or md");
        }
    }
}
