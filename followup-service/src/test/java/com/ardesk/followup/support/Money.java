package com.ardesk.followup.support;

import io.restassured.path.json.config.JsonPathConfig;

/** Reads JSON numbers as BigDecimal so money keeps its two decimals in assertions ("4210.00", not 4210.0). */
public final class Money {
    public static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Money() {
    }
}
