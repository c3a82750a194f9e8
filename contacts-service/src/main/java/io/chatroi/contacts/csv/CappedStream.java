package io.chatroi.contacts.csv;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A CSV body read as it arrives, refused with a 413 problem once it passes {@code limit} bytes. The body-limit filter
 * refuses a declared Content-Length over the limit before anything is read and cuts a chunked one at it; this bound
 * holds the import to the same limit whatever the transport did. The import has written nothing by then. (An
 * over-long row is not this class's business: {@link RowGate} skips it and the import rejects that row alone.)
 */
final class CappedStream extends FilterInputStream {

    private final long limit;
    private long read;

    CappedStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the CSV is over " + limit
                    + " bytes; split it into several imports", null, null);
        }
    }
}
