package io.chatroi.contacts.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;

/**
 * A CSV text handed to the parser one whole record at a time, each at most {@code maxRow} characters. A longer
 * record is not kept: from the character that passes the bound, its text is dropped as it streams by until the
 * record ends, and the parser gets a one-cell marker row in its place, so the import rejects that row alone and
 * reads on. Records end at a line break outside quotes, as in RFC 4180: a quoted cell may hold line breaks (and
 * {@code ""} for a quote), and the gate follows quoting even while it drops text, so it skips exactly one record.
 * <p>
 * Memory: at most one record below the bound, plus the read buffer. The marker carries a random token, so no
 * uploaded cell can pass for it.
 */
final class RowGate extends Reader {

    /** Which column a dropped record passed the bound in (0-based), in the order the records came. */
    private final Queue<Integer> droppedColumns = new ArrayDeque<>();
    private final String marker = "chatroi-row-over-limit-" + UUID.randomUUID();
    private final Reader in;
    private final int maxRow;
    private final char[] chunk = new char[8192];
    private final StringBuilder record = new StringBuilder();
    private final StringBuilder ready = new StringBuilder();
    private int readyFrom;
    private boolean dropping;
    private boolean ended;
    private Quoting quoting = Quoting.FIELD_START;
    private int column;

    private enum Quoting { FIELD_START, PLAIN, QUOTED, QUOTE_IN_QUOTED }

    RowGate(Reader in, int maxRow) {
        this.in = in;
        this.maxRow = maxRow;
    }

    int maxRow() {
        return maxRow;
    }

    /** True when {@code value} is the marker of a dropped record. */
    boolean isMarker(String value) {
        return marker.equals(value);
    }

    /** The column the next dropped record (in file order) passed the bound in; call once per marker. */
    int nextDroppedColumn() {
        Integer dropped = droppedColumns.poll();
        return dropped == null ? 0 : dropped;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (readyFrom == ready.length()) {
            ready.setLength(0);
            readyFrom = 0;
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, ready.length() - readyFrom);
        ready.getChars(readyFrom, readyFrom + n, target, offset);
        readyFrom += n;
        return n;
    }

    /** Reads one chunk and moves every record it completes to {@code ready}. */
    private void fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            ended = true;
            endRecord(); // the last record may lack its line break
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = chunk[i];
            boolean recordEnds = follow(c);
            if (!dropping) {
                record.append(c);
                if (record.length() > maxRow) {
                    dropping = true;
                    droppedColumns.add(column);
                    record.setLength(0);
                    record.trimToSize();
                }
            }
            if (recordEnds) {
                endRecord();
            }
        }
    }

    /** Follows the quoting; true when {@code c} ends the record. */
    private boolean follow(char c) {
        switch (quoting) {
            case QUOTED -> {
                if (c == '"') {
                    quoting = Quoting.QUOTE_IN_QUOTED;
                }
                return false;
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') { // "" inside a quoted cell: a quote, the cell goes on
                    quoting = Quoting.QUOTED;
                    return false;
                }
            }
            case FIELD_START -> {
                if (c == '"') {
                    quoting = Quoting.QUOTED;
                    return false;
                }
            }
            case PLAIN -> {
            }
        }
        if (c == ',') {
            column++;
            quoting = Quoting.FIELD_START;
            return false;
        }
        if (c == '\n' || c == '\r') {
            column = 0;
            quoting = Quoting.FIELD_START;
            return true;
        }
        quoting = Quoting.PLAIN;
        return false;
    }

    private void endRecord() {
        if (dropping) {
            ready.append(marker).append('\n');
            dropping = false;
        } else {
            ready.append(record);
        }
        record.setLength(0);
        column = 0;
        quoting = Quoting.FIELD_START;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
