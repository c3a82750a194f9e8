package io.chatroi.metrics.report;

/**
 * The SQL side of a report's grouping: each {@link GroupBy}'s key expression over a snapshot table or a spread cost,
 * and the snapshot grain it reads. These are fragments of the report repositories' statements, and four of them
 * share them (SnapshotRepository, RangeRepository, RecipientRepository and outcome's OutcomeRepository), so they
 * live once here beside those repositories rather than in GroupBy, which is only the parsed request, or copied into
 * each statement's repository.
 */
public final class GroupBySql {

    private GroupBySql() {
    }

    /** Snapshot grain to read: country, source and ad have their own (the recompute's grains). */
    public static short grain(GroupBy g) {
        return switch (g) {
            case COUNTRY -> 5;
            case SOURCE -> 6;
            case AD -> 7;
            default -> 3;
        };
    }

    /**
     * The key expression over a snapshot table aliased t with the given capabilities ({@code hasContactDimensions}:
     * the contact's country, source and ad); null when the table has no such dimension. A row's contacts without
     * one (no country, no ad) group under "".
     */
    public static String key(GroupBy g, boolean hasCampaign, boolean hasVariant, boolean hasOwner,
                             boolean hasContactDimensions) {
        return switch (g) {
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

    /** The key of a cost spread day by day ({@code c} the cost, {@code d} the day); null when costs have none. */
    public static String costKey(GroupBy g) {
        return switch (g) {
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
