package com.ardesk.calls.report;

/** How the call report groups calls; each maps to a fixed SQL expression, never to request text. */
public enum GroupBy {
    CALLER("c.caller_id"),
    PAYER("c.payer_id"),
    OUTCOME("c.outcome"),
    DAY("to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD')");

    final String sql;

    GroupBy(String sql) {
        this.sql = sql;
    }
}
