package io.chatroi.common.paging;

import io.chatroi.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort-key values of the last row of a page, so the next page starts strictly after it.
 * Opaque to clients (base64url), stable under concurrent inserts because it names a position, not an offset.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode} with {@code expectedKeys} parts; a tampered one is a 400 on {@code after}. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != expectedKeys) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("after", "is not a cursor returned by this list");
        }
    }
}
