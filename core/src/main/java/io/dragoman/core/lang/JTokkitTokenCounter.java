package io.dragoman.core.lang;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with JTokkit, a Java port of OpenAI's tiktoken. Special-token markers such as
 * {@code <|endoftext|>} in the text are counted as ordinary text, never rejected, so scraped pages cannot make
 * counting fail. Loading an encoding reads its vocabulary from the class path (a fraction of a second); share one
 * instance. Thread-safe.
 */
public final class JTokkitTokenCounter implements TokenCounter {

    private final Encoding encoding;

    private JTokkitTokenCounter(EncodingType type) {
        // The lazy registry loads only the vocabulary asked for; it and its encodings are thread-safe.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    }

    /** The {@code o200k_base} encoding of GPT-4o, GPT-4.1, o-series and later OpenAI models. */
    public static JTokkitTokenCounter o200k() {
        return new JTokkitTokenCounter(EncodingType.O200K_BASE);
    }

    /** The {@code cl100k_base} encoding of GPT-4, GPT-3.5 Turbo and OpenAI's embedding models. */
    public static JTokkitTokenCounter cl100k() {
        return new JTokkitTokenCounter(EncodingType.CL100K_BASE);
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
