package io.chatroi.contacts.ask;

import io.chatroi.common.csv.CsvCells;

import java.util.List;

/** {@link TopAsks} as CSV: one line per item, the same fields as the JSON. */
final class TopAskCsv {

    private static final String HEADER = "period,level,kind,label,term,language,messages,rank\r\n";

    private TopAskCsv() {
    }

    static String of(TopAsks asks) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (TopAsks.Ask a : asks.items()) {
            csv.append(String.join(",", List.of(cell(a.period()), cell(a.level()), cell(a.kind()), cell(a.label()),
                    cell(a.term()), cell(a.language()), String.valueOf(a.messages()), String.valueOf(a.rank()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = CsvCells.neutralise(value);
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
