package com.ardesk.kit.aging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Aging settings ({@code ardesk.aging.*}): one basis for claims-service and followup-service. */
@ConfigMapping(prefix = "ardesk.aging")
public interface AgingConfig {
    /** The date aging counts from in claim views, lists and worklists (env {@code ARDESK_AGING_BASIS}). */
    @WithDefault("FIRST_BILLED")
    AgingBasis basis();
}
