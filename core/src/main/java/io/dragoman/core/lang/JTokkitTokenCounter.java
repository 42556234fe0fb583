package io.dragoman.core.lang;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with JTokkit, a Java port of OpenAI's tiktoken. Special-token markers such as
 * {@code <|endoftext|>} in the text are counted as ordinary text, never rejected, so scraped pages cannot make
 * counting fail. Loading an encoding reads its vocabulary from the class path (over half a second), so each encoding
 * is loaded once per process, on first use, and shared: it is immutable and thread-safe.
 */
public final class JTokkitTokenCounter implements TokenCounter {

    private final Encoding encoding;

    private JTokkitTokenCounter(EncodingType type) {
        // The lazy registry loads only the vocabulary asked for; it and its encodings are thread-safe.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    }

    /** Loaded on first use (the holder idiom); immutable afterwards. */
    private static final class O200k {
        static final JTokkitTokenCounter INSTANCE = new JTokkitTokenCounter(EncodingType.O200K_BASE);
    }

    /** Loaded on first use; immutable afterwards. */
    private static final class Cl100k {
        static final JTokkitTokenCounter INSTANCE = new JTokkitTokenCounter(EncodingType.CL100K_BASE);
    }

    /** The {@code o200k_base} encoding of GPT-4o, GPT-4.1, o-series and later OpenAI models. */
    public static JTokkitTokenCounter o200k() {
        return O200k.INSTANCE;
    }

    /** The {@code cl100k_base} encoding of GPT-4, GPT-3.5 Turbo and OpenAI's embedding models. */
    public static JTokkitTokenCounter cl100k() {
        return Cl100k.INSTANCE;
    }

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return encoding.countTokensOrdinary(text);
    }

    /** Returns the encoding's name, such as {@code o200k_base}. */
    @Override
    public String toString() {
        return "JTokkitTokenCounter[" + encoding.getName() + "]";
    }
}
