package io.chatroi.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list endpoint: {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Schema(nullable = true) String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code LIMIT limit + 1}: the extra row only tells that another page
     * exists, and the cursor names the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> kept = List.copyOf(rows.subList(0, limit));
        return new Page<>(kept, cursorOf.apply(kept.get(limit - 1)));
    }
}
