package io.dragoman.core.pipeline;

import io.dragoman.core.article.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an input says, as a hash a rerun compares to tell a changed input from the same one. */
final class InputHash {

    private InputHash() {}

    /**
     * The hex SHA-256 of an input's bytes, its URL and its extra fields, so that a changed input (even only its URL or
     * metadata in a JSONL line) is redone.
     */
    static String of(RawArticle raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw.content());
            sha.update((byte) 0);
            sha.update(raw.url().orElse("").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.extra().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
