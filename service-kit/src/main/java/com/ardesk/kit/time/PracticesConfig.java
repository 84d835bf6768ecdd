package com.ardesk.kit.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.ZoneId;
import java.util.Map;

/**
 * Where the practices work ({@code ardesk.practices.*}): one setting for every service, so claims'
 * aging, followup's due dates and calls' promises agree on what "today" is (docs/domain.md#today-for-a-practice).
 */
@ConfigMapping(prefix = "ardesk.practices")
public interface PracticesConfig {
    /** Zone of every practice without its own entry (env {@code ARDESK_PRACTICE_ZONE}). */
    @WithDefault("America/New_York")
    ZoneId defaultZone();

    /** A practice's own settings: {@code ardesk.practices."P200".zone=America/Denver}. */
    @WithParentName
    Map<String, Practice> practice();

    /** One practice's entry. */
    interface Practice {
        /** A zone id such as America/Denver; a mistyped one fails the service's start. */
        ZoneId zone();
    }
}
