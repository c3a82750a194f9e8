package io.chatroi.metrics.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chatroi.metrics.kpi.Better.HIGHER;
import static io.chatroi.metrics.kpi.Better.LOWER;

/**
 * The KPI catalogue of docs/kpis.md sections 1-4: the one place names, formulas, units and benchmark bands live. Reports
 * rate their values through it and {@code GET /api/v1/kpis/catalog} publishes it.
 */
public final class KpiCatalog {

    public static final String RATIO = "ratio";
    public static final String COUNT = "count";
    public static final String MONEY = "money";
    public static final String MULTIPLE = "multiple";
    public static final String SECONDS = "seconds";
    public static final String DAYS = "days";

    private static final List<Kpi> ALL = List.of(
            // 1. message and campaign KPIs (seeds 003, 004)
            kpi("deliveryRate", "Delivery rate", "送达率", "delivered / sent", "message", RATIO, HIGHER, "004", null),
            kpi("openRate", "Open (read) rate", "打开率", "read / sent", "message", RATIO, HIGHER, "004",
                    new Band(0.85, 0.90, 0.95)),
            kpi("readRateOfDelivered", "Content interaction rate", "内容互动率", "read / delivered", "message", RATIO,
                    HIGHER, "000", null),
            kpi("replyRate", "Reply rate", "回复率", "replied / sent", "message", RATIO, HIGHER, "004",
                    null),
            kpi("reactionRate", "Reaction rate", "表情回应率", "reacted / sent", "message", RATIO, HIGHER, "004",
                    null),
            kpi("ctr", "Click-through rate", "点击率", "clicked / sent", "message", RATIO, HIGHER, "004",
                    new Band(0.15, 0.25, 0.30)),
            kpi("optOutRate", "Opt-out rate", "退订率", "optedOut / sent", "message", RATIO, LOWER, "004",
                    new Band(0.003, 0.006, 0.002)),
            kpi("conversionRate", "Conversion rate", "转化率", "conversions / sent", "message", RATIO, HIGHER, "004",
                    new Band(0.30, 0.45, 0.50)),
            kpi("revenuePerConversion", "Revenue per conversion", "单次转化收入", "revenue / conversions", "convert",
                    MONEY, HIGHER, "004", null),
            kpi("roas", "Return on ad spend", "广告支出回报率", "revenue / spend", "convert", MULTIPLE, HIGHER, "004",
                    new Band(5, 7, 10)),
            kpi("costPerLead", "Cost per lead", "单个线索成本", "spend / qualified leads", "convert", MONEY, LOWER,
                    "004", null),
            kpi("revenuePerMessage", "Revenue per message", "单条消息收入", "revenue / sent", "message", MONEY, HIGHER,
                    "004", null),
            kpi("costPerRecipient", "Cost per recipient", "单个接收者成本", "spend / unique recipients", "message",
                    MONEY, LOWER, "004", null),
            kpi("campaignSpendReturn", "Campaign spend return", "活动支出回报",
                    "(revenue / recipients) / (spend / recipients)", "convert", MULTIPLE, HIGHER, "004", null),
            kpi("conversations", "Conversations", "会话数", "runs of messages with one contact, no gap > 24 h",
                    "interact", COUNT, HIGHER, "003", null),
            kpi("medianResponseTime", "Median response time", "响应时间中位数",
                    "median time from an inbound message to the next outbound reply", "interact", SECONDS, LOWER,
                    "003", new Band(6, 15, 6)),
            kpi("resolutionTime", "Resolution time (median)", "解决问题时间",
                    "median time from a conversation's first inbound message to its resolution (an explicit"
                    + " resolution by an agent or integrator, or a deal won or lost while it is open)", "interact", SECONDS, LOWER, "003", null),
            kpi("resolutionTimeP90", "Resolution time (p90)", "解决问题时间 (90分位)",
                    "90th percentile of the time from a conversation's first inbound message to its resolution",
                    "interact", SECONDS, LOWER, "003", null),
            kpi("hangingConversations", "Conversations left hanging", "未妥善结束的对话",
                    "contacts who wrote last and got no answer within the 24-hour window", "interact", COUNT, LOWER,
                    "003", null),
            // 2. funnel KPIs per stage (seed 000)
            kpi("contactsAdded", "Contacts added", "新增联系人", "contacts created in the period", "reach", COUNT,
                    HIGHER, "000", null),
            kpi("acceptanceRate", "Acceptance rate", "通过率", "contacts that accepted / contacts added", "reach",
                    RATIO, HIGHER, "000", null),
            kpi("effectiveAddRate", "Effective add rate", "有效添加率",
                    "contacts that accepted and later wrote at least once / contacts added", "reach", RATIO, HIGHER,
                    "000", null),
            kpi("highIntentSourceShare", "High-intent source share", "高意向来源占比",
                    "contacts from trade shows and B2B inquiries / contacts added", "reach", RATIO, HIGHER, "000",
                    null),
            kpi("firstTouchWithin1hRate", "First touch within 1 h", "1小时内首次触达率",
                    "contacts whose first outbound message came within 1 h of being added / contacts added",
                    "interact", RATIO, HIGHER, "000", null),
            kpi("firstResponseTime", "First response time (median)", "首次响应时间",
                    "median time from an inbound message to the next outbound reply (band: seed 003's 6-15 s"
                    + " industry reference)", "interact", SECONDS, LOWER, "000", new Band(6, 15, 6)),
            kpi("avgTurns", "Average turns per conversation", "平均对话轮次", "turns / conversations", "interact",
                    RATIO, HIGHER, "000", null),
            kpi("deepInteractionContacts", "Deep-interaction contacts", "深度互动联系人",
                    "contacts with >= 3 turns in the period", "interact", COUNT, HIGHER, "000", null),
            kpi("tagCoverage", "Tag coverage", "标签覆盖率",
                    "contacts carrying a source, an intent and an activity tag / contacts added", "interact", RATIO,
                    HIGHER, "000", null),
            kpi("inquiryToQuoteRate", "Inquiry to quote rate", "询盘转报价率", "deals quoted / deals with an inquiry",
                    "convert", RATIO, HIGHER, "000", null),
            kpi("quoteToOrderRate", "Quote to order rate", "报价转订单率", "deals won / deals quoted", "convert", RATIO,
                    HIGHER, "000", null),
            kpi("profitMargin", "Profit margin", "利润率", "profit / order amount", "convert", RATIO, HIGHER, "000",
                    null),
            kpi("avgDealCycleDays", "Average deal cycle", "平均成交周期",
                    "mean days from the contact's first message to the won date", "convert", DAYS, LOWER, "000", null),
            kpi("averageOrderValue", "Average order value", "平均订单金额", "order revenue / orders", "convert", MONEY,
                    HIGHER, "000", null),
            kpi("repurchaseRate", "Repurchase rate", "复购率",
                    "customers with >= 2 won orders within the repurchase window / customers", "retain", RATIO,
                    HIGHER, "000", null),
            kpi("activeCustomerRate", "Active customer rate", "活跃客户率",
                    "customers with an inbound interaction in the activity window before the range's end / customers",
                    "retain", RATIO, HIGHER, "000", null),
            kpi("referrals", "Referrals", "转介绍", "contacts whose referredBy is an existing contact", "retain", COUNT,
                    HIGHER, "000", null),
            kpi("churnRate", "Churn rate", "流失率",
                    "customers and deep-interaction contacts with no inbound interaction for more than the activity"
                    + " window and >= 2 unread messages sent since, at the range's end / those contacts", "retain",
                    RATIO, LOWER, "000", null),
            kpi("highActivityShare", "High-activity share", "高活跃占比",
                    "contacts whose last inbound message is within 24 h / contacts", "retain", RATIO, HIGHER, "002",
                    new Band(0.15, 1, 1)),
            // 4. ROI (seeds 001, 004)
            kpi("roi", "ROI", "投资回报率", "(direct + repeat - cost) / cost", "roi", RATIO, HIGHER, "001", null),
            kpi("roiExtended", "Extended ROI", "扩展投资回报率",
                    "(direct + repeat + lead value + brand - cost) / cost", "roi", RATIO, HIGHER, "001", null),
            kpi("valueToCost", "Value to cost", "价值成本比", "(all value parts) / cost", "roi", MULTIPLE, HIGHER,
                    "001", null));

    private static final Map<String, Kpi> BY_ID = index();

    private KpiCatalog() {
    }

    public static List<Kpi> all() {
        return ALL;
    }

    public static Kpi get(String id) {
        Kpi kpi = BY_ID.get(id);
        if (kpi == null) {
            throw new IllegalArgumentException("no KPI " + id);
        }
        return kpi;
    }

    /** The KPI's value with its unit and rating. */
    public static KpiValue value(String id, Double value) {
        return KpiValue.of(get(id), value);
    }

    private static Kpi kpi(String id, String name, String nameZh, String formula, String stage, String unit,
                           Better better, String source, Band band) {
        return new Kpi(id, name, nameZh, formula, stage, unit, better, "seeds/" + source, band);
    }

    private static Map<String, Kpi> index() {
        Map<String, Kpi> map = new LinkedHashMap<>();
        ALL.forEach(k -> map.put(k.id(), k));
        return map;
    }
}
