package io.dragoman.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Passes text on with the characters a terminal would act on made visible, so that a page's title, a file name or a
 * model's reply printed by a command cannot clear the screen, move the cursor, retitle the window or reorder a line:
 * C0 control characters (except tab and line breaks) and DEL show in caret notation ({@code ESC} as {@code ^[}, a lone
 * carriage return as {@code ^M}), C1 controls and the bidirectional overrides and isolates as {@code \}{@code uXXXX}
 * (which reads back as the same character inside a JSON string). A carriage return directly before a line feed is
 * kept, so Windows line endings pass.
 */
final class TerminalSafeWriter extends FilterWriter {
    private boolean carriageReturn;

    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** A print writer that passes everything through this filter to {@code out}, flushing on each line. */
    static PrintWriter wrap(Writer out) {
        return new PrintWriter(new TerminalSafeWriter(out), true);
    }

    /** The text with every character this filter changes made visible, for one-off strings. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                b.append(c);
            } else {
                visible(b, c);
            }
        }
        return b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder b = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (carriageReturn) {
                carriageReturn = false;
                if (c == '\n') {
                    b.append("\r\n");
                    continue;
                }
                b.append("^M");
            }
            if (c == '\r') {
                carriageReturn = true;
            } else {
                visible(b, c);
            }
        }
        out.write(b.toString());
    }

    @Override
    public void close() throws IOException {
        if (carriageReturn) {
            carriageReturn = false;
            out.write("^M");
        }
        super.close();
    }

    private static void visible(StringBuilder b, char c) {
        if (c == '\n' || c == '\t') {
            b.append(c);
        } else if (c < 0x20 || c == 0x7f) {
            b.append('^').append((char) (c ^ 0x40));
        } else if ((c >= 0x80 && c < 0xa0) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
            b.append(c);
        }
    }
}
