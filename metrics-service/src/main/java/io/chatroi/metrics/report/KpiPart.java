package io.chatroi.metrics.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * The reads a KPI row is summed from. A report that shows only some KPIs (a trend follows one) reads only the parts
 * those need.
 */
public enum KpiPart {
    /** snap_messages: sends, receipts, conversions, message fees. */
    MESSAGES,
    /** snap_deals: inquiries, quotes, won deals, revenue. */
    DEALS,
    /** snap_contacts: the contacts added (cohort) and their stages. */
    CONTACTS,
    /** snap_interactions: conversations, turns, inbound and outbound messages. */
    INTERACTIONS,
    /** snap_response_times: the median response time. */
    RESPONSE_TIMES,
    /** snap_recipients: unique recipients across campaigns. */
    RECIPIENTS,
    /** costs: entered costs spread day by day. */
    COSTS,
    /** the rows' names (campaigns, ads). */
    NAMES;

    public static final Set<KpiPart> ALL = EnumSet.allOf(KpiPart.class);
}
