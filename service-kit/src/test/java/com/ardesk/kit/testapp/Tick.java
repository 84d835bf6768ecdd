package com.ardesk.kit.testapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The test application's event payload: the n-th tick of an aggregate (the Kafka key). */
public record Tick(@NotBlank String aggregate, @Min(1) int n) {
    public static final String TOPIC = "kit.ticks.v1";
}
