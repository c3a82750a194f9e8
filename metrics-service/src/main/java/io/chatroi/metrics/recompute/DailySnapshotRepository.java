package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTemplate;
import io.chatroi.metrics.kpi.FactPredicates;
import io.chatroi.metrics.sync.SyncRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set-based SQL that rebuilds the snapshots of a day range inside PostgreSQL. Parameters of every statement:
 * $1 first day, $2 last day (workspace dates), $3 workspace time zone, $4 reply window days, $5 attribution days,
 * $6 repurchase days, $7 workspace currency, $8 activity days. A day is [$day 00:00, next day 00:00) in the workspace time zone.
 *
 * <p>Grains (GROUPING() of the optional dimensions, one value per grouping set):
 * messages: 3 = (day, campaign, variant, owner), 5 = (day, campaign, owner, country), 6 = (day, campaign, owner,
 * source), 7 = (day, campaign, owner, ad); deals: 3 = (day, campaign, owner), 5 = (+ country), 6 = (+ source),
 * 7 = (+ ad); contacts: the same with no campaign. The ad is the contact's first ({@link SyncRepository#FIRST_AD};
 * NULL: none).
 */
final class DailySnapshotRepository {

    static final short GRAIN_MAIN = 3;
    static final short GRAIN_COUNTRY = 5;
    static final short GRAIN_SOURCE = 6;
    static final short GRAIN_AD = 7;

    private static final Pattern PARAM = Pattern.compile("\\$(\\d)");

    private static final String LOWER = "(($1::date)::timestamp AT TIME ZONE $3)";
    private static final String UPPER = "((($2::date) + 1)::timestamp AT TIME ZONE $3)";

    /**
     * Sends by the day they went out. Aggregated first at the finest grain (with calling code and pricing category,
     * so each group meets its rate once), then rolled up into the grains with hash aggregation. Recipients: campaign-
     * service queues one send per contact and campaign, so the contacts a campaign reached are its sends that went
     * out; summed over campaigns (a contact in two campaigns counts in each). A deal_won goal: a won deal credited to
     * another campaign (an attributed shop order) is that campaign's conversion. A revenue goal converts as the
     * experiment counts a buyer: a won deal with an amount in the workspace currency (or none); deals in another
     * currency are not the same money and are counted apart there.
     */
    static final String MESSAGES_FINE = fill("""
            CREATE TEMP TABLE tmp_fine ON COMMIT DROP AS
            WITH s AS (SELECT (s.at AT TIME ZONE $3)::date AS day, s.campaign_id, s.variant,
              {send_owner} AS owner, coalesce(c.country, s.country) AS country, c.source,
              a.ad_id, s.calling_code, s.pricing_category, s.sent_at IS NOT NULL AS sent,
              (s.delivery IN ('delivered', 'read') OR s.delivered_at IS NOT NULL OR s.read_at IS NOT NULL) AS delivered,
              (s.delivery = 'read' OR s.read_at IS NOT NULL) AS read,
              (s.status = 'failed' OR s.delivery = 'failed') AS failed,
              (s.sent_at IS NOT NULL AND s.replied_at IS NOT NULL
                AND s.replied_at <= s.sent_at + make_interval(days => $4)) AS replied,
              (s.sent_at IS NOT NULL AND s.reacted_at IS NOT NULL
                AND s.reacted_at <= s.sent_at + make_interval(days => $4)) AS reacted,
              s.clicked_at IS NOT NULL AS clicked, s.opted_out_at IS NOT NULL AS opted_out,
              s.status = 'holdout' AS holdout,
              {send_converted} AS converted,
              (coalesce(s.billable, false) AND s.pricing_category IN ('marketing', 'utility', 'authentication'))
                AS billable
              FROM f_sends s
              LEFT JOIN f_contacts c ON c.id = s.contact_id
              LEFT JOIN f_campaigns cp ON cp.id = s.campaign_id
              LEFT JOIN {first_ad} a ON a.contact_id = s.contact_id
              WHERE s.at >= {lower} AND s.at < {upper})
            SELECT day, campaign_id, variant, owner, country, source, ad_id, calling_code, pricing_category,
              count(*) FILTER (WHERE sent) AS sent, count(*) FILTER (WHERE delivered) AS delivered,
              count(*) FILTER (WHERE read) AS read, count(*) FILTER (WHERE failed) AS failed,
              count(*) FILTER (WHERE replied) AS replied, count(*) FILTER (WHERE clicked) AS clicked,
              count(*) FILTER (WHERE opted_out) AS opted_out, count(*) FILTER (WHERE reacted) AS reacted,
              count(*) FILTER (WHERE converted AND sent AND NOT holdout) AS conversions,
              count(*) FILTER (WHERE holdout) AS holdout,
              count(*) FILTER (WHERE converted AND holdout) AS holdout_conversions,
              count(*) FILTER (WHERE billable) AS billable
            FROM s GROUP BY day, campaign_id, variant, owner, country, source, ad_id, calling_code, pricing_category""");

    /**
     * Sends by the day they went out: aggregated first at the finest grain into a temporary table (a CREATE TABLE AS,
     * which PostgreSQL runs with parallel workers, unlike INSERT ... SELECT), with calling code and pricing category
     * so each group meets its rate once, then rolled up into the grains. Recipients: campaign-service queues one send
     * per contact and campaign, so the contacts a campaign reached are its sends that went out; summed over campaigns
     * (a contact in two campaigns counts in each). GROUPING(variant, country, source) of the ad set is 7 too: none
     * of the three is in it.
     */
    static final String MESSAGES = """
            INSERT INTO snap_messages (grain, day, campaign_id, variant, owner, country, source,
              sent, delivered, read, failed, replied, clicked, opted_out, conversions, holdout, holdout_conversions,
              recipients, billable, unpriced, message_fees, reacted, ad_id)
            WITH rates AS (SELECT calling_code, category, rate, effective_from,
              coalesce(lead(effective_from) OVER (PARTITION BY calling_code, category ORDER BY effective_from),
              DATE '9999-12-31') AS until FROM message_rates),
            priced AS (SELECT f.*, CASE WHEN f.billable > 0 AND r.rate IS NULL THEN f.billable ELSE 0 END AS unpriced,
              f.billable * coalesce(r.rate, 0) AS fees
              FROM tmp_fine f LEFT JOIN rates r ON f.billable > 0 AND r.calling_code = f.calling_code
                AND r.category = f.pricing_category AND f.day >= r.effective_from AND f.day < r.until)
            SELECT GROUPING(variant, country, source), day, campaign_id, variant, owner, country, source,
              sum(sent), sum(delivered), sum(read), sum(failed), sum(replied), sum(clicked), sum(opted_out),
              sum(conversions), sum(holdout), sum(holdout_conversions), sum(sent), sum(billable), sum(unpriced),
              sum(fees), sum(reacted), ad_id
            FROM priced GROUP BY GROUPING SETS ((day, campaign_id, variant, owner), (day, campaign_id, owner, country),
              (day, campaign_id, owner, source), (day, campaign_id, owner, ad_id))""";

    /**
     * Deals with the campaign they are credited to and whether a win is a repeat order, by stage-event day. Only deals
     * in the workspace currency (or without one) count: amounts in two currencies are not the same money.
     */
    static final String DEALS = fill("""
            INSERT INTO snap_deals (grain, day, campaign_id, owner, country, source, inquiries,
              quotes, quoted_inquiries, won, revenue, value, with_profit, repeat_won, repeat_revenue, repeat_value,
              repeat_customers, cycle_days_sum, cycle_count, ad_id)
            WITH d AS (SELECT d.*, {deal_owner} AS deal_owner, c.country, c.source, a.ad_id,
              {deal_credited} AS credited
              FROM (SELECT * FROM f_deals d WHERE {deal_in_currency}) d LEFT JOIN f_contacts c ON c.id = d.contact_id
              LEFT JOIN {first_ad} a ON a.contact_id = d.contact_id
              WHERE (d.inquiry_at >= {lower} AND d.inquiry_at < {upper})
                 OR (d.quoted_at >= {lower} AND d.quoted_at < {upper})
                 OR (d.won_at >= {lower} AND d.won_at < {upper})),
            won AS (SELECT d.*, {repeat_win} AS is_repeat,
              (SELECT min(i.at) FROM f_interactions i WHERE i.contact_id = d.contact_id) AS first_message
              FROM d WHERE {deal_won} AND d.won_at >= {lower} AND d.won_at < {upper}),
            e AS (
              SELECT (inquiry_at AT TIME ZONE $3)::date AS day, credited, deal_owner, country, source, ad_id, contact_id,
                1 AS inquiries, 0 AS quotes, (quoted_at IS NOT NULL)::int AS quoted_inquiries, 0 AS won,
                0::numeric AS revenue, 0::numeric AS value, 0 AS with_profit, false AS is_repeat,
                NULL::numeric AS cycle_days
              FROM d WHERE inquiry_at >= {lower} AND inquiry_at < {upper}
              UNION ALL SELECT (quoted_at AT TIME ZONE $3)::date, credited, deal_owner, country, source, ad_id, contact_id,
                0, 1, 0, 0, 0, 0, 0, false, NULL
              FROM d WHERE quoted_at >= {lower} AND quoted_at < {upper}
              UNION ALL SELECT (won_at AT TIME ZONE $3)::date, credited, deal_owner, country, source, ad_id, contact_id,
                0, 0, 0, 1, {deal_revenue}, {deal_value},
                (profit IS NOT NULL)::int, is_repeat,
                extract(epoch FROM won_at - coalesce(least(first_message, inquiry_at), inquiry_at)) / 86400
              FROM won d)
            SELECT CASE GROUPING(country, source, ad_id) WHEN 7 THEN 3 WHEN 3 THEN 5 WHEN 5 THEN 6 ELSE 7 END, day,
              credited, deal_owner, country, source,
              sum(inquiries), sum(quotes), sum(quoted_inquiries), sum(won), sum(revenue), sum(value),
              sum(with_profit), count(*) FILTER (WHERE won = 1 AND is_repeat),
              coalesce(sum(revenue) FILTER (WHERE is_repeat), 0), coalesce(sum(value) FILTER (WHERE is_repeat), 0),
              count(DISTINCT contact_id) FILTER (WHERE won = 1 AND is_repeat),
              coalesce(sum(cycle_days), 0), count(cycle_days), ad_id
            FROM e GROUP BY GROUPING SETS ((day, credited, deal_owner), (day, credited, deal_owner, country),
              (day, credited, deal_owner, source), (day, credited, deal_owner, ad_id))""");

    /** Contacts by the day they were added, with what became of them (cohorts). */
    static final String CONTACTS = fill("""
            INSERT INTO snap_contacts (grain, day, owner, country, source, added, accepted,
              effective, high_intent, first_touch_1h, tagged, referrals, converted, repeat_customers, ad_id)
            WITH c AS (SELECT (c.created_at AT TIME ZONE $3)::date AS day, c.owner, c.country, c.source, a.ad_id,
              c.accepted_at IS NOT NULL AS accepted,
              {interacted} AS effective,
              c.source IN ('trade_show', 'b2b_inquiry') AS high_intent,
              EXISTS (SELECT 1 FROM f_interactions i WHERE i.contact_id = c.id AND i.direction = 'outbound'
                AND i.at >= c.created_at AND i.at <= c.created_at + interval '1 hour') AS first_touch,
              (c.source IS NOT NULL AND c.source <> 'other' AND c.intent IS NOT NULL) AS tagged,
              {referred} AS referred,
              {converted} AS converted,
              {repeated} AS repeated
              FROM f_contacts c LEFT JOIN {first_ad} a ON a.contact_id = c.id
              WHERE c.created_at >= {lower} AND c.created_at < {upper})
            SELECT CASE GROUPING(country, source, ad_id) WHEN 7 THEN 3 WHEN 3 THEN 5 WHEN 5 THEN 6 ELSE 7 END, day,
              owner, country, source, count(*),
              count(*) FILTER (WHERE accepted), count(*) FILTER (WHERE effective),
              count(*) FILTER (WHERE high_intent), count(*) FILTER (WHERE first_touch),
              count(*) FILTER (WHERE tagged), count(*) FILTER (WHERE referred), count(*) FILTER (WHERE converted),
              count(*) FILTER (WHERE repeated), ad_id
            FROM c GROUP BY GROUPING SETS ((day, owner), (day, owner, country), (day, owner, source),
              (day, owner, ad_id))""");

    /**
     * Messages with their neighbours: conversations (gaps > 24 h), turns and response times. Only turns take part
     * (common's MessageKind): a reaction, a click, a preference change or a system notice neither opens a
     * conversation nor answers one.
     */
    static final String INTERACTIONS_TEMP = fill("""
            CREATE TEMP TABLE tmp_msgs ON COMMIT DROP AS
            SELECT i.contact_id, c.owner, i.direction, i.at, (i.at AT TIME ZONE $3)::date AS day,
              lag(i.at) OVER w AS prev_at, lag(i.direction) OVER w AS prev_dir,
              lead(i.at) OVER w AS next_at, lead(i.direction) OVER w AS next_dir
            FROM f_interactions i LEFT JOIN f_contacts c ON c.id = i.contact_id
            WHERE i.turn AND i.at >= {lower} - interval '1 day' AND i.at < {upper} + interval '1 day'
            WINDOW w AS (PARTITION BY i.contact_id ORDER BY i.at, i.id)""");

    static final String INTERACTIONS = """
            INSERT INTO snap_interactions (day, owner, inbound, outbound, conversations,
              turns, responses, response_seconds_sum, response_median_s, response_p90_s)
            SELECT day, owner, count(*) FILTER (WHERE direction = 'inbound'),
              count(*) FILTER (WHERE direction = 'outbound'),
              count(*) FILTER (WHERE prev_at IS NULL OR at - prev_at > interval '24 hours'),
              count(*) FILTER (WHERE direction = 'inbound' AND prev_dir = 'outbound'),
              count(*) FILTER (WHERE direction = 'inbound' AND next_dir = 'outbound'),
              coalesce(sum(extract(epoch FROM next_at - at)) FILTER (WHERE direction = 'inbound'
                AND next_dir = 'outbound'), 0),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at))
                FILTER (WHERE direction = 'inbound' AND next_dir = 'outbound'),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at))
                FILTER (WHERE direction = 'inbound' AND next_dir = 'outbound')
            FROM tmp_msgs WHERE day BETWEEN $1 AND $2 GROUP BY day, owner""";

    /** Every response time of the days, so a range's median is taken over its responses. */
    static final String RESPONSE_TIMES = """
            INSERT INTO snap_response_times (day, owner, seconds)
            SELECT day, owner, extract(epoch FROM next_at - at) FROM tmp_msgs
            WHERE day BETWEEN $1 AND $2 AND direction = 'inbound' AND next_dir = 'outbound'""";

    static final String CONTACT_TURNS = """
            INSERT INTO snap_contact_turns (day, contact_id, owner, turns)
            SELECT day, contact_id, owner, count(*) FROM tmp_msgs
            WHERE day BETWEEN $1 AND $2 AND direction = 'inbound' AND prev_dir = 'outbound'
            GROUP BY day, contact_id, owner""";

    /** Each step: what it clears, then what it inserts. */
    record Step(String name, List<String> statements) {
    }

    static final List<Step> STEPS = List.of(
            new Step("messages", List.of("DELETE FROM snap_messages WHERE day BETWEEN $1 AND $2", MESSAGES_FINE,
                    MESSAGES, RollupRepository.CLEAR_MESSAGES, RollupRepository.MESSAGES)),
            new Step("deals", List.of("DELETE FROM snap_deals WHERE day BETWEEN $1 AND $2", DEALS,
                    RollupRepository.CLEAR_DEALS, RollupRepository.DEALS)),
            new Step("contacts", List.of("DELETE FROM snap_contacts WHERE day BETWEEN $1 AND $2", CONTACTS,
                    RollupRepository.CLEAR_CONTACTS, RollupRepository.CONTACTS)),
            new Step("interactions", List.of("DELETE FROM snap_interactions WHERE day BETWEEN $1 AND $2",
                    RollupRepository.TURN_TOTALS_REMOVE, "DELETE FROM snap_contact_turns WHERE day BETWEEN $1 AND $2",
                    "DELETE FROM snap_response_times WHERE day BETWEEN $1 AND $2", INTERACTIONS_TEMP, INTERACTIONS,
                    RESPONSE_TIMES, CONTACT_TURNS, RollupRepository.TURN_TOTALS_ADD)),
            new Step("recipients", RecipientSnapshotRepository.STATEMENTS),
            new Step("retention", RetentionSnapshotRepository.STATEMENTS));

    private DailySnapshotRepository() {
    }

    /**
     * The statement with the day range's bounds ($1..$2 in zone $3), each contact's first ad and the predicates the
     * drill-down lists share (kpi/FactPredicates: reply window $4, attribution window $5, repurchase window $6,
     * workspace currency $7) filled in.
     */
    private static String fill(String template) {
        return SqlTemplate.fill(template, "lower", LOWER, "upper", UPPER, "first_ad", SyncRepository.FIRST_AD,
                "send_owner", FactPredicates.SEND_OWNER, "send_converted", FactPredicates.sendConverted("$4", "$5", "$7"),
                "deal_owner", FactPredicates.DEAL_OWNER, "deal_in_currency", FactPredicates.dealInCurrency("$7"),
                "interacted", FactPredicates.INTERACTED, "converted", FactPredicates.CONVERTED,
                "repeated", FactPredicates.repeated("$6"), "referred", FactPredicates.REFERRED,
                "deal_credited", FactPredicates.dealCredited("$5"), "repeat_win", FactPredicates.repeatWin("$6"),
                "deal_won", FactPredicates.DEAL_WON, "deal_revenue", FactPredicates.DEAL_REVENUE,
                "deal_value", FactPredicates.DEAL_VALUE);
    }

    /**
     * Runs one of the {@link #STEPS}' statements on the recompute's transaction with the parameters it uses,
     * renumbered ($1, $3, $6 -> $1, $2, $3): PostgreSQL cannot infer the type of a parameter a statement never uses.
     */
    static Uni<Long> run(SqlConnection conn, String sql, List<Object> params) {
        TreeSet<Integer> used = new TreeSet<>();
        Matcher m = PARAM.matcher(sql);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        List<Integer> order = new ArrayList<>(used);
        StringBuilder renumbered = new StringBuilder();
        m = PARAM.matcher(sql);
        while (m.find()) {
            m.appendReplacement(renumbered, "\\$" + (order.indexOf(Integer.parseInt(m.group(1))) + 1));
        }
        m.appendTail(renumbered);
        List<Object> values = new ArrayList<>();
        order.forEach(i -> values.add(params.get(i - 1)));
        return conn.preparedQuery(renumbered.toString()).execute(Tuple.from(values))
                .map(rows -> (long) rows.rowCount());
    }
}
