package com.ardesk.kit.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the request guard refuses before any resource sees the request. */
class RequestGuardTest {

    @Test
    void jsonIsReadAsUtf8Only() {
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("application/json; charset=ebcdic")).isEqualTo("ebcdic");
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("application/merge-patch+json;charset=\"ISO-8859-1\"")).isEqualTo("ISO-8859-1");
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("application/json")).isNull();
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("application/json; charset=UTF-8")).isNull();
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("Application/JSON;Charset=utf-8")).isNull();
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("application/json; charset=us-ascii")).isNull();
        // an 835 keeps whatever charset its sender names: X12 is read as bytes
        assertThat(RequestGuard.jsonCharsetOtherThanUtf8("text/plain; charset=ISO-8859-1")).isNull();
    }

    @Test
    void aContentTypeMustBeAMediaType() {
        assertThat(RequestGuard.isMediaType("application/json; charset=utf-8")).isTrue();
        assertThat(RequestGuard.isMediaType("a/b/c")).isFalse();
    }
}
