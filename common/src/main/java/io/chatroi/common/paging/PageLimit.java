package io.chatroi.common.paging;

import io.chatroi.common.problem.ProblemException;

/** The {@code limit} convention of every list endpoint: default 50, between 1 and 500. */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    private PageLimit() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX);
        }
        return requested;
    }
}
