package io.chatroi.campaigns.order;

import java.util.Objects;

/** The attribution report's orders as CSV (RFC 4180): one line per order, a header first. */
final class AttributionCsv {

    private static final String HEADER = "order_id,source,external_id,status,ordered_at,amount,refunded,revenue,"
            + "currency,credit,campaign_id,campaign_name,variant,send_id,contact_id,deal_id";

    private AttributionCsv() {
    }

    static String of(AttributionReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AttributionReport.Item i : report.items()) {
            Object[] cells = {i.id(), i.source(), i.externalId(), i.status(), i.orderedAt(), i.amount(), i.refunded(),
                    i.revenue(), i.currency(), i.credit(), i.campaignId(), i.campaignName(), i.variant(), i.sendId(),
                    i.contactId(), i.dealId()};
            for (int c = 0; c < cells.length; c++) {
                out.append(c == 0 ? "" : ",").append(cell(cells[c]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        String text = Objects.toString(value, "");
        // a leading = + - @ would be read as a formula by spreadsheets
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
