package com.ardesk.claims.claim;

import com.ardesk.claims.aging.AgingBasis;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Map;

/** claims-service settings ({@code ardesk.claims.*}, env {@code ARDESK_CLAIMS_*}). */
@ConfigMapping(prefix = "ardesk.claims")
public interface ClaimsConfig {
    /** Time zone of practices without their own entry: "today" for aging and future-date checks. */
    @WithDefault("America/New_York")
    ZoneId defaultZone();

    /** Per-practice time zones, e.g. {@code ardesk.claims.practice-zones.P200=America/Denver}. */
    Map<String, ZoneId> practiceZones();

    /** Default aging basis of claim views and reports. */
    @WithDefault("FIRST_BILLED")
    AgingBasis agingBasis();
}
