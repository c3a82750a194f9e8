package io.chatroi.metrics.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.common.csv.CsvCells;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every report as CSV ({@code ?format=csv} or {@code Accept: text/csv}): the answer's JSON is flattened, one line per
 * element of its main list ({@code items}, {@code rows}, {@code variants}, {@code stages}, {@code points},
 * {@code alerts}), or one line for a single object; nested fields become dotted columns
 * ({@code kpis.replyRate.value}), lists of plain values are joined with {@code ;}.
 */
@Provider
@Produces("text/csv")
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");
    private static final List<String> LIST_FIELDS = List.of("items", "rows", "variants", "stages", "points", "alerts");

    private final ObjectMapper json;

    public CsvWriter(ObjectMapper json) {
        this.json = json.copy().setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType != null && mediaType.isCompatible(TEXT_CSV) && !String.class.equals(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", "text/csv; charset=utf-8");
        out.write(toCsv(json.valueToTree(value)).getBytes(StandardCharsets.UTF_8));
    }

    public static String toCsv(JsonNode root) {
        List<JsonNode> records = new ArrayList<>();
        JsonNode list = root.isArray() ? root : null;
        if (list == null && root.isObject()) {
            for (String field : LIST_FIELDS) {
                if (root.path(field).isArray()) {
                    list = root.get(field);
                    break;
                }
            }
        }
        if (list != null) {
            list.forEach(records::add);
        } else {
            records.add(root);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode record : records) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", record, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(c -> quote(CsvCells.neutralise(c))).toList())).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(quote(row.getOrDefault(column, "")));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), row);
            }
        } else if (node.isArray()) {
            boolean plain = true;
            for (JsonNode element : node) {
                plain &= element.isValueNode();
            }
            if (plain) {
                List<String> values = new ArrayList<>();
                node.forEach(element -> values.add(element.asText()));
                row.put(prefix, CsvCells.neutralise(String.join(";", values)));
            } else {
                row.put(prefix, CsvCells.neutralise(node.toString()));
            }
        } else {
            // text a spreadsheet would run as a formula (a campaign named =HYPERLINK(...)) gets a leading '
            row.put(prefix, node.isNull() ? "" : node.isBigDecimal() ? node.decimalValue().toPlainString()
                    : node.isTextual() ? CsvCells.neutralise(node.asText()) : node.asText());
        }
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
