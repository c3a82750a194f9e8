package io.chatroi.metrics.report;

import io.chatroi.common.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How KPI rows are grouped, and the SQL key of each snapshot table for it (null: the table has no such dimension). */
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

    /** Snapshot grain to read: country, source and ad have their own. */
    public short grain() {
        return switch (this) {
            case COUNTRY -> 5;
            case SOURCE -> 6;
            case AD -> 7;
            default -> 3;
        };
    }

    /**
     * The key expression over a snapshot table aliased t with the given capabilities ({@code hasContactDimensions}:
     * the contact's country, source and ad). A row's contacts without one (no country, no ad) group under "".
     */
    public String key(boolean hasCampaign, boolean hasVariant, boolean hasOwner, boolean hasContactDimensions) {
        return switch (this) {
            case NONE -> "'total'";
            case CAMPAIGN -> hasCampaign ? "coalesce(t.campaign_id::text, '')" : null;
            case VARIANT -> hasVariant ? "t.campaign_id::text || '/' || coalesce(t.variant, '')" : null;
            case OWNER -> hasOwner ? "coalesce(t.owner, '')" : null;
            case COUNTRY -> hasContactDimensions ? "coalesce(t.country, '')" : null;
            case SOURCE -> hasContactDimensions ? "coalesce(t.source, '')" : null;
            case AD -> hasContactDimensions ? "coalesce(t.ad_id, '')" : null;
            case DAY -> "t.day::text";
            case WEEK -> "to_char(t.day, 'IYYY-\"W\"IW')";
            case MONTH -> "to_char(t.day, 'YYYY-MM')";
        };
    }

    /** The key of a cost spread day by day ({@code c} the cost, {@code d} the day). */
    public String costKey() {
        return switch (this) {
            case NONE -> "'total'";
            case CAMPAIGN -> "coalesce(c.campaign_id::text, '')";
            case OWNER -> "coalesce(c.owner, '')";
            case DAY -> "d::date::text";
            case WEEK -> "to_char(d, 'IYYY-\"W\"IW')";
            case MONTH -> "to_char(d, 'YYYY-MM')";
            default -> null;
        };
    }
}
