package com.ardesk.kit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a list of rows as one array parameter per column, in order, for a bulk
 * {@code insert … select … from unnest(cast(? as text[]), …)}: hundreds of rows in one statement.
 * Every column goes as text[] and the statement casts it to its type, because the driver sends a
 * String[] in binary, where other element types are escaped into array literals one character at
 * a time. Values become text by {@code toString()} (ISO dates and instants, UUIDs), amounts by
 * {@link BigDecimal#toPlainString()}; null stays null.
 */
public final class TextArrayColumns<T> {
    private final Connection connection;
    private final PreparedStatement statement;
    private final List<T> rows;
    private int index;

    public TextArrayColumns(Connection connection, PreparedStatement statement, List<T> rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /** Binds the next parameter to this column of every row. */
    public TextArrayColumns<T> add(Function<T, Object> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null
                    : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
        }
        statement.setArray(++index, connection.createArrayOf("text", values));
        return this;
    }
}
