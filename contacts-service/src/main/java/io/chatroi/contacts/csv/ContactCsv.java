package io.chatroi.contacts.csv;

import io.chatroi.common.csv.CsvCells;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactFields;
import io.chatroi.contacts.contact.ContactInput;
import io.chatroi.contacts.tag.TagNames;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a contacts CSV (header row, UTF-8). Known columns map to contact fields by name
 * (case-insensitive, camelCase or snake_case); tags are separated by ';' or '|'; any other column becomes an
 * attribute. Every row is checked before anything is written; a phone that repeats in the file is rejected on its
 * later lines.
 */
public final class ContactCsv {

    public static final int MAX_ROWS = 100_000;
    /**
     * Characters one record may have: several times the largest row the rules accept (16,000 characters of
     * attributes, a few hundred of fields), small enough that holding one costs little. A longer record is
     * rejected alone, without being kept (see {@link RowGate}).
     */
    public static final int MAX_ROW_CHARS = 1 << 17;
    static final List<String> COLUMNS = List.of("phone", "name", "company", "country", "language", "timeZone",
            "source", "owner", "stage", "acceptedAt", "optedOut", "tags");
    /** Columns the export writes that are computed, not imported: an exported file imports as it was. */
    static final Set<String> COMPUTED = Set.of("id", "optedOutAt", "activity", "intent", "customerClass",
            "lastInboundAt", "lastOutboundAt", "createdAt", "updatedAt");

    private ContactCsv() {
    }

    /** One accepted row: the validated fields, which columns the file gave, and its tags. */
    public record Row(long line, ContactFields fields, Set<String> given, List<String> tags) {
    }

    public record Parsed(List<Row> rows, List<ImportResult.Rejection> rejected) {
    }

    public static Parsed parse(String body, String defaultSource) {
        return parse(new StringReader(body == null ? "" : body), defaultSource);
    }

    /**
     * Parses a CSV as it is read, so an import holds its validated rows but never the whole file: a request body
     * arrives through {@code text} (see {@link CappedStream} for its size bound).
     */
    public static Parsed parse(Reader body, String defaultSource) {
        return parse(body, defaultSource, MAX_ROW_CHARS);
    }

    static Parsed parse(Reader body, String defaultSource, int maxRowChars) {
        RowGate gate = new RowGate(body, maxRowChars);
        PushbackReader text = new PushbackReader(gate, 1);
        if (!startsWithContent(text)) {
            throw ProblemException.invalid("body", "the CSV is empty; the first line must be a header such as"
                    + " phone,name,company,country,tags");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> headers = parser.getHeaderNames();
            if (headers.stream().anyMatch(gate::isMarker)) {
                throw ProblemException.invalid("header", "the header line is longer than " + maxRowChars
                        + " characters");
            }
            Map<String, String> columns = columnMap(headers);
            if (!columns.containsValue("phone")) {
                throw ProblemException.invalid("header", "needs a phone column; known columns: "
                        + String.join(", ", COLUMNS));
            }
            List<Row> rows = new ArrayList<>();
            List<ImportResult.Rejection> rejected = new ArrayList<>();
            Map<String, Long> seenPhones = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
                }
                if (record.size() == 1 && gate.isMarker(record.get(0))) {
                    String field = fieldOf(headers, columns, gate.nextDroppedColumn());
                    rejected.add(new ImportResult.Rejection(line, field + ": the row is longer than " + maxRowChars
                            + " characters (a row the rules accept is far shorter); it was skipped unread"));
                    continue;
                }
                try {
                    Row row = row(record, columns, line, defaultSource);
                    Long earlier = seenPhones.putIfAbsent(row.fields().phone(), line);
                    if (earlier != null) {
                        rejected.add(new ImportResult.Rejection(line, "phone: " + row.fields().phone()
                                + " repeats line " + earlier));
                    } else {
                        rows.add(row);
                    }
                } catch (ProblemException e) {
                    rejected.add(new ImportResult.Rejection(line, reason(e)));
                }
            }
            return new Parsed(rows, rejected);
        } catch (IOException e) {
            // the body stopped arriving (the client went away, or it passed the size limit and got its 413)
            throw ProblemException.invalid("body", "not a readable CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a readable CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw ProblemException.invalid("body", "not a readable CSV: " + e.getCause().getMessage());
        }
    }

    /** Skips a byte-order mark; false when the body holds nothing but blanks. */
    private static boolean startsWithContent(PushbackReader text) {
        try {
            int first = text.read();
            if (first == '\uFEFF') {
                first = text.read();
            }
            while (first == ' ' || first == '\t' || first == '\r' || first == '\n') {
                first = text.read();
            }
            if (first == -1) {
                return false;
            }
            text.unread(first);
            return true;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "not a readable CSV: " + e.getMessage());
        }
    }

    private static Row row(CSVRecord record, Map<String, String> columns, long line, String defaultSource) {
        Map<String, String> values = new HashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            // an exported file comes back as it was: the ' that neutralised a formula cell is removed
            String value = record.isSet(column.getKey()) ? CsvCells.restore(record.get(column.getKey())) : "";
            if (column.getValue() == null && COMPUTED.contains(column.getKey().trim())) {
                continue;
            }
            if (column.getValue() == null) {
                if (!value.isEmpty()) {
                    attributes.put(column.getKey(), value);
                }
            } else if (!value.isEmpty()) {
                values.put(column.getValue(), value);
            }
        }
        Validator errors = new Validator();
        Instant acceptedAt = null;
        if (values.containsKey("acceptedAt")) {
            try {
                acceptedAt = Instant.parse(values.get("acceptedAt"));
            } catch (DateTimeParseException e) {
                errors.add("acceptedAt", "'" + values.get("acceptedAt") + "' is not an ISO-8601 instant");
            }
        }
        Boolean optedOut = null;
        if (values.containsKey("optedOut")) {
            String raw = values.get("optedOut").toLowerCase(Locale.ROOT);
            optedOut = raw.equals("true") || raw.equals("yes") || raw.equals("1");
            if (!optedOut && !(raw.equals("false") || raw.equals("no") || raw.equals("0"))) {
                errors.add("optedOut", "must be true or false");
            }
        }
        List<String> tags = new ArrayList<>();
        if (values.containsKey("tags")) {
            for (String tag : values.get("tags").split("[;|]")) {
                String name = tag.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!TagNames.isValid(name)) {
                    errors.add("tags", "'" + name + "' is not a valid tag name");
                } else if (TagNames.isComputed(name)) {
                    continue; // computed from messages (an exported file carries them): recomputed, not imported
                } else if (!tags.contains(name)) {
                    tags.add(name);
                }
            }
        }
        ContactInput input = new ContactInput(values.get("phone"), values.get("name"), values.get("company"),
                values.get("country"), values.get("language"), values.get("timeZone"), values.get("source"),
                values.get("owner"), values.get("stage"), acceptedAt, optedOut, null, attributes, null);
        ContactFields fields = ContactFields.from(input, defaultSource, errors);
        errors.throwIfInvalid();
        return new Row(line, fields, Set.copyOf(values.keySet()), List.copyOf(tags));
    }

    /** The field a cell of the given column is reported as, like the validation names it. */
    private static String fieldOf(List<String> headers, Map<String, String> columns, int column) {
        if (column >= headers.size()) {
            return "row";
        }
        String header = headers.get(column);
        String field = columns.get(header);
        return field != null ? field : "attributes." + header;
    }

    /** Header name -> contact field, or null for attribute columns. */
    private static Map<String, String> columnMap(List<String> headers) {
        Map<String, String> byKey = new HashMap<>();
        COLUMNS.forEach(c -> byKey.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String header : headers) {
            String key = header.trim().replace("_", "").toLowerCase(Locale.ROOT);
            String field = byKey.get(key);
            if (field != null && !seen.add(field)) {
                throw ProblemException.invalid("header", "column " + field + " appears twice");
            }
            map.put(header, field);
        }
        return map;
    }

    private static String reason(ProblemException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        StringBuilder reason = new StringBuilder();
        for (FieldError error : e.errors()) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(error.field()).append(": ").append(error.message());
        }
        return reason.toString();
    }
}
