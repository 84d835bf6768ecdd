package com.ardesk.devstack;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

import java.math.BigDecimal;


/**
 * Money in test assertions, exactly: JSON decimals read as {@link BigDecimal} (never float, where
 * 280.50 and 280.5 and 280.4999 look alike) and compared with their scale, because the contract
 * says money carries two decimals (docs/api.md, conventions). Every service's tests and e2e use it:
 * <pre>
 * given().config(Money.exact())…get(…).then().body("balance", money("280.50"));
 * JsonPath view = ….extract().jsonPath(Money.EXACT);
 * </pre>
 */
public final class Money {
    /** For {@code extract().jsonPath(Money.EXACT)}: decimals come back as BigDecimal. */
    public static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Money() {
    }

    /**
     * The current REST Assured config (the port and timeouts Quarkus set) with decimals read as
     * BigDecimal, for {@code given().config(Money.exact())} so that {@code body(…)} sees them exactly.
     */
    public static RestAssuredConfig exact() {
        return RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /**
     * Equal in value and scale: {@code money("280.50")} matches 280.50, not 280.5; a float (the answer
     * read without {@link #exact()}) never matches.
     */
    public static Matcher<Object> money(String amount) {
        return Matchers.<Object>equalTo(new BigDecimal(amount));
    }
}
