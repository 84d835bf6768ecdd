package com.ardesk.kit.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's {@code instance} is always a URI reference, or absent. */
class ProblemTest {

    @Test
    void aPathAsSentIsKept() {
        assertThat(instance("/api/v1/claims/3f6c/denials")).isEqualTo("/api/v1/claims/3f6c/denials");
        assertThat(instance("/api/v1/calls/%E2%82%AC/reviews")).isEqualTo("/api/v1/calls/%E2%82%AC/reviews");
    }

    @Test
    void aBrokenOrDecodedPathIsLeftOut() {
        assertThat(instance("/api/v1/claims/%%%/write-off")).isNull();
        assertThat(instance("/api/v1/claims/%4")).isNull();
        assertThat(instance("/api/v1/calls/€/reviews")).isNull();
        assertThat(instance("/api/v1/claims/a b")).isNull();
        assertThat(instance("/api/v1/claims/{id}")).isNull();
        assertThat(instance("/" + "a".repeat(600))).isNull();
    }

    private static String instance(String path) {
        return new Problem(Problem.type("validation"), "Request is invalid", 400, "x", path, null, null).instance();
    }
}
