package io.github.ftzoutbound.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given number of characters without ever holding a longer one: the rest of an
 * over-long line is skipped as it streams past, so a 200 MB line costs a buffer, not 200 MB (issue 13). Lines end
 * at {@code \n}; a {@code \r} before it is dropped.
 */
public final class BoundedLineReader implements AutoCloseable {
    /** One line: its text, or null with {@code length} when it was longer than the limit. */
    public record Line(String text, long length) {
        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof) {
                    break;
                }
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (sb != null) {
                if (length + n > maxChars) {
                    sb = null; // too long: stop keeping it, keep counting
                } else {
                    sb.append(buf, start, n);
                }
            }
            length += n;
            if (pos < end) {
                pos++; // the \n
                return finish(sb, length);
            }
        }
        return any ? finish(sb, length) : null;
    }

    private static Line finish(StringBuilder sb, long length) {
        if (sb == null) {
            return new Line(null, length);
        }
        int last = sb.length() - 1;
        if (last >= 0 && sb.charAt(last) == '\r') {
            sb.setLength(last);
            length--;
        }
        return new Line(sb.toString(), length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
