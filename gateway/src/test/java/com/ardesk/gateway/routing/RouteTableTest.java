package com.ardesk.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @Test
    void longestPrefixWinsForReports() {
        assertThat(RouteTable.upstreamFor("/api/v1/reports/calls")).contains("calls");
        assertThat(RouteTable.upstreamFor("/api/v1/reports/kpis")).contains("claims");
        assertThat(RouteTable.upstreamFor("/api/v1/reports/ar-aging")).contains("claims");
        assertThat(RouteTable.upstreamFor("/api/v1/reports/other")).isEmpty();
        assertThat(RouteTable.upstreamFor("/api/v1/reports")).isEmpty();
    }

    @Test
    void matchesWholeSegments() {
        assertThat(RouteTable.upstreamFor("/api/v1/calls")).contains("calls");
        assertThat(RouteTable.upstreamFor("/api/v1/calls/")).contains("calls");
        assertThat(RouteTable.upstreamFor("/api/v1/callsx")).isEmpty();
        assertThat(RouteTable.upstreamFor("/api/v2/calls")).isEmpty();
        assertThat(RouteTable.upstreamFor("/q/health")).isEmpty();
    }

    @Test
    void everyUpstreamIsNamed() {
        assertThat(RouteTable.upstreams()).containsExactly("calls", "claims", "followup");
        assertThat(RouteTable.serviceName("followup")).isEqualTo("followup-service");
    }

    @Test
    void metricsNameTheRoutedPrefixNeverAnId() {
        assertThat(RouteTable.metricUri("/api/v1/claims")).isEqualTo("/api/v1/claims");
        assertThat(RouteTable.metricUri("/api/v1/claims/c-7f3a/notes")).isEqualTo("/api/v1/claims/*");
        assertThat(RouteTable.metricUri("/api/v1/reports/calls/by-caller")).isEqualTo("/api/v1/reports/calls/*");
        assertThat(RouteTable.metricUri("/api/v1/claimsX/1")).isEqualTo("/api/unrouted");
        assertThat(RouteTable.metricUri("/api/v2/claims/1")).isEqualTo("/api/unrouted");
    }
}
