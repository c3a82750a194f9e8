package io.chatroi.metrics.report;

import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sums a snapshot query returns, by column name: a missing or null sum is zero. */
public final class Sums {

    private Sums() {
    }

    public static long count(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static BigDecimal money(Map<String, Object> v, String key) {
        Object value = v.get(key);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    public static Map<String, Object> values(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            map.put(row.getColumnName(i), row.getValue(i));
        }
        return map;
    }
}
