package com.ardesk.claims.remit;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** 835 posting settings ({@code ardesk.remittances.*}, env {@code ARDESK_REMITTANCES_*}). */
@ConfigMapping(prefix = "ardesk.remittances")
public interface RemittanceConfig {
    /** A file of more CLPs than this is answered 202 and posted in the background; up to it, 201 at once. */
    @WithDefault("1000")
    int asyncThreshold();

    /**
     * Largest 835 file; a larger one is a 413 problem. It streams to disk, never into the heap,
     * so this bounds disk and the time to accept it, not memory.
     */
    @WithDefault("512M")
    MemorySize maxFileSize();

    /** Where an upload is spooled while it is read (the JVM's temp directory when unset). */
    Optional<Path> spoolDirectory();

    /** CLPs posted per background transaction. */
    @WithDefault("500")
    int chunkSize();

    /** How long a background posting holds a remittance without renewing: a crashed instance's job resumes after it. */
    @WithDefault("60s")
    Duration lease();

    /** How often an idle instance looks for remittances to post (a file accepted on this instance starts at once). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Failed attempts at a chunk before the remittance is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after a failed chunk before it is tried again. */
    @WithDefault("10s")
    Duration retryAfter();

    /** Whether this instance posts accepted files in the background. */
    @WithDefault("true")
    boolean runnerEnabled();
}
