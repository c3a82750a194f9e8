package io.chatroi.common.sql;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Columns for set-based statements: one field of every row as the typed array an {@code unnest($n::type[])}
 * parameter binds, so a batch of any size is one statement instead of one per row.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static <T, C> C[] column(List<T> rows, Function<? super T, ? extends C> field, IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = field.apply(rows.get(i));
        }
        return column;
    }
}
