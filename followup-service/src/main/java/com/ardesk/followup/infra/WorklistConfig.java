package com.ardesk.followup.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The next-call lease ({@code ardesk.worklist.*}). */
@ConfigMapping(prefix = "ardesk.worklist")
public interface WorklistConfig {
    /** Minutes a task handed out by POST /worklists/me/next stays reserved for its caller. */
    @WithDefault("15")
    int leaseMinutes();
}
