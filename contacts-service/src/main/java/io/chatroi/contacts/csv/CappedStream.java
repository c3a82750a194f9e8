package io.chatroi.contacts.csv;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A CSV body read as it arrives: refused with a 413 problem once it passes {@code limit} bytes, and with a 400 once a
 * line passes {@code maxLine} bytes. The body-limit filter refuses a declared Content-Length over the limit before
 * anything is read and cuts a chunked one at it; the line bound keeps the parser from buffering one giant cell
 * (no row may hold more than a few thousand characters anyway). The import has written nothing by then.
 */
final class CappedStream extends FilterInputStream {

    private final long limit;
    private final int maxLine;
    private long read;
    private long line = 1;
    private int lineLength;

    CappedStream(InputStream in, long limit, int maxLine) {
        super(in);
        this.limit = limit;
        this.maxLine = maxLine;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
            lines(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            lines(buffer, offset, n);
        }
        return n;
    }

    private void lines(byte[] buffer, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') { // a byte that is never part of a longer UTF-8 character
                line++;
                lineLength = 0;
            } else if (++lineLength > maxLine) {
                throw ProblemException.invalid("body", "line " + line + " is longer than " + maxLine
                        + " bytes; a row holds at most a few thousand characters");
            }
        }
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the CSV is over " + limit
                    + " bytes; split it into several imports", null, null);
        }
    }
}
