package com.ardesk.claims.claim;

import com.ardesk.claims.aging.AgingBasis;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** claims-service settings ({@code ardesk.claims.*}, env {@code ARDESK_CLAIMS_*}). */
@ConfigMapping(prefix = "ardesk.claims")
public interface ClaimsConfig {
    /** Default aging basis of claim views and reports. */
    @WithDefault("FIRST_BILLED")
    AgingBasis agingBasis();
}
