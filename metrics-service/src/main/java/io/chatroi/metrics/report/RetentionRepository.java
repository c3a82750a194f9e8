package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlTemplate;

/**
 * The one definition of retention at an instant, as SQL text over expressions the caller binds: the report reads it
 * for a range that reaches today (end = now), and the recompute keeps it per day in snap_retention (V40_2) for every
 * other range, so a past range's /funnel reads one row instead of every customer's facts.
 *
 * <p>Customers (a deal won before {@code end}) and how many wrote within the activity window before it
 * ({@code customers}, {@code active}); customers and deep-interaction contacts (>= 3 turns up to {@code lastDay})
 * together ({@code retainable}), and those of them that wrote nothing in the window and left at least 2 messages sent
 * since their last one unread ({@code churned}, seed 000).
 */
public final class RetentionRepository {

    private RetentionRepository() {
    }

    /**
     * {end}, {last_day} and {since} are the caller's SQL for the instant, the last day of turns and the start of the
     * activity window; {owner_filter} is empty or a WHERE on c.owner; {by_owner} and {group_by_owner} are empty or
     * the all-owners flag and owner columns and their ROLLUP. MATERIALIZED: last_inbound is read by four tests below;
     * inlined, PostgreSQL ran its subquery per test.
     */
    private static final String COUNTS = """
            WITH base AS (SELECT contact_id, bool_or(customer) AS customer FROM (
              SELECT d.contact_id, true AS customer FROM f_deals d WHERE d.stage = 'won' AND d.won_at < {end}
              UNION ALL SELECT t.contact_id, false FROM snap_contact_turn_totals c
              JOIN snap_contact_turns t ON t.contact_id = c.contact_id
              WHERE c.turns >= 3 AND t.day <= {last_day}
              GROUP BY t.contact_id HAVING sum(t.turns) >= 3) u GROUP BY contact_id),
            scoped AS MATERIALIZED (SELECT b.contact_id, b.customer, c.owner, (SELECT max(i.at)
              FROM f_interactions i WHERE i.contact_id = b.contact_id AND i.direction = 'inbound'
              AND i.at < {end}) AS last_inbound
              FROM base b JOIN f_contacts c ON c.id = b.contact_id{owner_filter})
            SELECT {by_owner}
              count(*) FILTER (WHERE customer)::bigint AS customers,
              count(*) FILTER (WHERE customer AND last_inbound >= {since})::bigint AS active,
              count(*)::bigint AS retainable,
              count(*) FILTER (WHERE (last_inbound IS NULL OR last_inbound < {since})
                AND (SELECT count(*) FROM f_sends s WHERE s.contact_id = k.contact_id AND s.sent_at < {end}
                  AND (k.last_inbound IS NULL OR s.sent_at > k.last_inbound)
                  AND s.status <> 'failed' AND coalesce(s.delivery, '') <> 'failed'
                  AND NOT coalesce(s.read_at < {end}, s.delivery = 'read', false)) >= 2)::bigint AS churned
            FROM scoped k{group_by_owner}""";

    private static final String OWNER_WHERE = " WHERE {condition}";

    /**
     * The counts for contacts whose owner passes {@code ownerFilter} (a condition on {@code c.owner}, or null); with
     * {@code byOwner} one row per owner plus the all-owners row ({@code all_owners}, column {@code owner}).
     */
    public static String counts(String end, String lastDay, String since, String ownerFilter, boolean byOwner) {
        return SqlTemplate.fill(COUNTS, "end", end, "last_day", lastDay, "since", since,
                "owner_filter", ownerFilter == null ? "" : SqlTemplate.fill(OWNER_WHERE, "condition", ownerFilter),
                "by_owner", byOwner ? "GROUPING(owner) = 1 AS all_owners, owner," : "",
                "group_by_owner", byOwner ? " GROUP BY ROLLUP (owner)" : "");
    }
}
