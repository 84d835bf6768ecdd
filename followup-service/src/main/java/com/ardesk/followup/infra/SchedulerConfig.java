package com.ardesk.followup.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The follow-up scheduler ({@code ardesk.scheduler.*}). */
@ConfigMapping(prefix = "ardesk.scheduler")
public interface SchedulerConfig {
    /** Whether this instance takes part; the advisory lock lets only one replica act per tick anyway. */
    @WithDefault("true")
    boolean enabled();

    /** Time between ticks (wake snoozed tasks, expire leases, once a day re-score and scan deadlines). */
    @WithDefault("PT1M")
    Duration interval();
}
