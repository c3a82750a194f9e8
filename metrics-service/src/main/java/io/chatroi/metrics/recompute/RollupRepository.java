package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTemplate;

/**
 * Keeps the rollups (V4) in step with the daily snapshots, in the recompute's transaction: rebuilds the monthly rows
 * of the months that hold the recomputed days $1..$2 from the daily rows just written (each month's row per grain
 * and dimensions is the sum of its days' rows), and moves each contact's all-time turn total by the range's change.
 */
final class RollupRepository {

    /** The days of the months that hold $1..$2. */
    private static final String MONTHS = """
            day BETWEEN date_trunc('month', $1::date)::date
            AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date""";

    static final String CLEAR_MESSAGES = fill("""
            DELETE FROM snap_messages_monthly WHERE {months}""");
    static final String MESSAGES = fill("""
            INSERT INTO snap_messages_monthly
            SELECT grain, date_trunc('month', day)::date, campaign_id, variant, owner, country, source, sum(sent),
              sum(delivered), sum(read), sum(failed), sum(replied), sum(clicked), sum(opted_out), sum(conversions),
              sum(holdout), sum(holdout_conversions), sum(recipients), sum(billable), sum(unpriced),
              sum(message_fees), sum(reacted), ad_id
            FROM snap_messages WHERE {months}
            GROUP BY grain, 2, campaign_id, variant, owner, country, source, ad_id""");

    static final String CLEAR_DEALS = fill("""
            DELETE FROM snap_deals_monthly WHERE {months}""");
    static final String DEALS = fill("""
            INSERT INTO snap_deals_monthly
            SELECT grain, date_trunc('month', day)::date, campaign_id, owner, country, source, sum(inquiries),
              sum(quotes), sum(quoted_inquiries), sum(won), sum(revenue), sum(value), sum(with_profit),
              sum(repeat_won), sum(repeat_revenue), sum(repeat_value), sum(repeat_customers), sum(cycle_days_sum),
              sum(cycle_count), ad_id
            FROM snap_deals WHERE {months} GROUP BY grain, 2, campaign_id, owner, country, source, ad_id""");

    static final String CLEAR_CONTACTS = fill("""
            DELETE FROM snap_contacts_monthly WHERE {months}""");
    static final String CONTACTS = fill("""
            INSERT INTO snap_contacts_monthly
            SELECT grain, date_trunc('month', day)::date, owner, country, source, sum(added), sum(accepted),
              sum(effective), sum(high_intent), sum(first_touch_1h), sum(tagged), sum(referrals), sum(converted),
              sum(repeat_customers), ad_id
            FROM snap_contacts WHERE {months} GROUP BY grain, 2, owner, country, source, ad_id""");

    /** Before a range's turns are deleted: take them off each contact's total. */
    static final String TURN_TOTALS_REMOVE = """
            UPDATE snap_contact_turn_totals tt SET turns = tt.turns - r.turns
            FROM (SELECT contact_id, sum(turns) AS turns FROM snap_contact_turns WHERE day BETWEEN $1 AND $2
              GROUP BY contact_id) r WHERE tt.contact_id = r.contact_id""";
    /** After the range's turns are rebuilt: add them to each contact's total. */
    static final String TURN_TOTALS_ADD = """
            INSERT INTO snap_contact_turn_totals (contact_id, turns)
            SELECT contact_id, sum(turns) FROM snap_contact_turns WHERE day BETWEEN $1 AND $2 GROUP BY contact_id
            ON CONFLICT (contact_id) DO UPDATE SET turns = snap_contact_turn_totals.turns + excluded.turns""";

    private RollupRepository() {
    }

    private static String fill(String template) {
        return SqlTemplate.fill(template, "months", MONTHS);
    }
}
