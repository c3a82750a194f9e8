package io.chatroi.metrics.report;

import io.chatroi.common.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How KPI rows are grouped, as a report's {@code groupBy} names it; its SQL (keys, grain) is {@link GroupBySql}. */
public enum GroupBy {
    NONE, CAMPAIGN, VARIANT, OWNER, COUNTRY, SOURCE, AD, DAY, WEEK, MONTH;

    /** The one parser of every report's {@code groupBy}: absent is NONE, an unknown value a 400 listing the known. */
    public static GroupBy of(String value) {
        return of(value, EnumSet.allOf(GroupBy.class));
    }

    /** As {@link #of(String)}, for a report that groups only by {@code allowed}. */
    public static GroupBy of(String value, Set<GroupBy> allowed) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        for (GroupBy g : allowed) {
            if (g != NONE && g.name().equalsIgnoreCase(value)) {
                return g;
            }
        }
        throw ProblemException.invalid("groupBy", "must be one of " + allowed.stream().filter(g -> g != NONE)
                .map(GroupBy::wire).collect(Collectors.joining(", ")));
    }

    public String wire() {
        return name().toLowerCase();
    }
}
