package io.chatroi.metrics.kpi;

/**
 * The SQL that decides which facts a KPI counts, written once: the recompute counts with it (the snapshots) and the
 * drill-down lists select with it (the contacts, sends and deals behind a number), so a list and the number it stands
 * for cannot drift apart. Each fragment names its aliases: {@code c} a row of f_contacts, {@code s} of f_sends,
 * {@code cp} of f_campaigns, {@code d} of f_deals; the arguments are SQL expressions (parameters, usually).
 */
public final class FactPredicates {

    private FactPredicates() {
    }

    /** The workspace day {@code day} (a date expression) starts at this instant in {@code zone}. */
    public static String dayStart(String day, String zone) {
        return "((" + day + ")::timestamp AT TIME ZONE " + zone + ")";
    }

    /** Interact: the contact accepted and wrote (a turn) at least once since being added. */
    public static final String INTERACTED = """
            (c.accepted_at IS NOT NULL AND EXISTS (SELECT 1 FROM f_interactions i WHERE i.contact_id = c.id
              AND i.direction = 'inbound' AND i.turn AND i.at >= c.created_at))""";

    /** Convert: the contact has a won deal. */
    public static final String CONVERTED = "EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = c.id AND d.stage = 'won')";

    /** Retain: the contact won twice within {@code repurchaseDays} days. */
    public static String repeated(String repurchaseDays) {
        return """
                EXISTS (SELECT 1 FROM f_deals a JOIN f_deals b ON b.contact_id = a.contact_id AND b.id <> a.id
                  AND b.stage = 'won' AND b.won_at >= a.won_at AND b.won_at <= a.won_at + make_interval(days => %s)
                  WHERE a.contact_id = c.id AND a.stage = 'won')""".formatted(repurchaseDays);
    }

    /**
     * Whether send {@code s} of campaign {@code cp} reached the campaign's goal: a reply or a click within the goal's
     * window (else the reply or attribution window), a won deal credited to no other campaign within it, or for a
     * revenue goal a won deal with an amount in {@code currency} (or none): deals in another currency are not the
     * same money.
     */
    public static String sendConverted(String replyDays, String attributionDays, String currency) {
        return """
                CASE coalesce(cp.goal_type, 'reply')
                  WHEN 'reply' THEN s.replied_at IS NOT NULL
                    AND s.replied_at <= s.at + make_interval(days => coalesce(cp.goal_window_days, %1$s))
                  WHEN 'click' THEN s.clicked_at IS NOT NULL
                    AND s.clicked_at <= s.at + make_interval(days => coalesce(cp.goal_window_days, %2$s))
                  WHEN 'deal_won' THEN EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = s.contact_id
                    AND d.stage = 'won' AND d.won_at >= s.at
                    AND (d.campaign_id IS NULL OR d.campaign_id = s.campaign_id)
                    AND d.won_at <= s.at + make_interval(days => coalesce(cp.goal_window_days, %2$s)))
                  WHEN 'revenue' THEN EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = s.contact_id
                    AND d.stage = 'won' AND d.won_at >= s.at AND d.order_amount > 0
                    AND (d.currency IS NULL OR d.currency = %3$s)
                    AND (d.campaign_id IS NULL OR d.campaign_id = s.campaign_id)
                    AND d.won_at <= s.at + make_interval(days => coalesce(cp.goal_window_days, %2$s)))
                  ELSE false END""".formatted(replyDays, attributionDays, currency);
    }

    /** A conversion counts for a send that went out and is not in the holdout (which is compared, not converted). */
    public static final String SEND_COUNTS = "(s.sent_at IS NOT NULL AND s.status <> 'holdout')";

    /** The owner a send is counted for: its contact's, else its campaign's. */
    public static final String SEND_OWNER = "coalesce(c.owner, cp.owner)";

    /** Deals in {@code currency} or in none: the only ones the deal KPIs sum (two currencies are not one amount). */
    public static String dealInCurrency(String currency) {
        return IN_CURRENCY.formatted(currency);
    }

    private static final String IN_CURRENCY = """
            (d.currency IS NULL OR d.currency = %s)""";

    /** The owner a deal is counted for: its own, else its contact's. */
    public static final String DEAL_OWNER = "coalesce(d.owner, c.owner)";

    /** Referral: the contact was brought by another contact (the scorecard's referrals). */
    public static final String REFERRED = "(c.referred_by IS NOT NULL)";

    /** A won deal (orders, revenue, the value of sales). */
    public static final String DEAL_WON = "(d.stage = 'won')";

    /** What a won deal adds to revenue and order amount: its order amount, 0 when none was given. */
    public static final String DEAL_REVENUE = "coalesce(d.order_amount, 0)";

    /** What a won deal adds to the value of sales (ROI's direct and repeat parts): its profit, else its amount. */
    public static final String DEAL_VALUE = "coalesce(d.profit, d.order_amount, 0)";

    /**
     * A repeat order: won deal {@code d} follows another win of the same contact (in any currency) within
     * {@code repurchaseDays} days before it.
     */
    public static String repeatWin(String repurchaseDays) {
        return """
                EXISTS (SELECT 1 FROM f_deals p WHERE p.contact_id = d.contact_id
                  AND p.stage = 'won' AND p.id <> d.id AND p.won_at < d.won_at
                  AND p.won_at >= d.won_at - make_interval(days => %s))""".formatted(repurchaseDays);
    }

    /**
     * The campaign deal {@code d} is credited to: the one it names, else the last campaign that sent to its contact
     * within {@code attributionDays} before its latest stage.
     */
    public static String dealCredited(String attributionDays) {
        return """
                coalesce(d.campaign_id, (SELECT s.campaign_id FROM f_sends s WHERE s.contact_id = d.contact_id
                  AND s.sent_at <= coalesce(d.won_at, d.quoted_at, d.inquiry_at)
                  AND s.sent_at > coalesce(d.won_at, d.quoted_at, d.inquiry_at) - make_interval(days => %s)
                  ORDER BY s.sent_at DESC LIMIT 1))""".formatted(attributionDays);
    }

    /** A contact in deep interaction: at least this many turns (an inbound answer to an outbound) in the range. */
    public static final int DEEP_INTERACTION_TURNS = 3;

    /**
     * The contacts in deep interaction over the days {@code where} selects of snap_contact_turns (aliased t): one row
     * per owner (as the recompute found it) and contact, with its turns and the last day it had one. The scorecard
     * counts these rows per owner and the scorecard's list shows them.
     */
    public static String deepInteractionContacts(String where) {
        return DEEP_CONTACTS.formatted(where, DEEP_INTERACTION_TURNS);
    }

    private static final String DEEP_CONTACTS = """
            SELECT t.owner, t.contact_id, sum(t.turns)::bigint AS turns, max(t.day) AS last_day
              FROM snap_contact_turns t%s GROUP BY t.owner, t.contact_id HAVING sum(t.turns) >= %d""";
}
