package io.chatroi.contacts.csv;

import java.util.List;

/** The answer to a CSV import: rows created and updated, rows rejected with their line and reason, tags made. */
public record ImportResult(int created, int updated, List<Rejection> rejected, List<String> tagsCreated) {

    /** {@code line}: the line number in the file, the header being line 1. */
    public record Rejection(long line, String reason) {
    }
}
