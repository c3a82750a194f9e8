package io.chatroi.common.paging;

import io.chatroi.common.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The usual keyset position: a row's sort instant and its id, as an opaque cursor. */
public record TimeIdCursor(Instant at, UUID id) {

    public String encode() {
        return Cursor.encode(at.toString(), id.toString());
    }

    /** Decodes a cursor made by {@link #encode}; anything else is a 400 on {@code after}. */
    public static TimeIdCursor decode(String cursor) {
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            return new TimeIdCursor(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "is not a cursor returned by this list");
        }
    }
}
