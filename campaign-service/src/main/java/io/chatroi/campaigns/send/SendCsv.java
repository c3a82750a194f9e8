package io.chatroi.campaigns.send;

import io.chatroi.common.csv.CsvCells;

import java.util.List;
import java.util.Objects;

/** A list of sends as CSV (RFC 4180): a header, then one line per send in the list's order. */
public final class SendCsv {

    static final String HEADER = "send_id,contact_id,phone,variant,status,reason,error_code,delivery,sent_at,"
            + "delivered_at,read_at,replied_at,clicked_at,clicks,opted_out_at";

    private SendCsv() {
    }

    public static String of(List<SendView> sends) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (SendView s : sends) {
            Object[] cells = {s.id(), s.contactId(), s.phone(), s.variant(), s.status(), s.reason(), s.errorCode(),
                    s.delivery(), s.sentAt(), s.deliveredAt(), s.readAt(), s.repliedAt(), s.clickedAt(), s.clicks(),
                    s.optedOutAt()};
            for (int c = 0; c < cells.length; c++) {
                out.append(c == 0 ? "" : ",").append(cell(cells[c]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        String text = CsvCells.neutralise(Objects.toString(value, ""));
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
