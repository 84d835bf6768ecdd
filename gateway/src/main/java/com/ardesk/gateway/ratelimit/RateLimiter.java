package com.ardesk.gateway.ratelimit;

import com.ardesk.gateway.config.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j, refilled greedily over a minute) per client address and per token
 * subject. Buckets live in memory per gateway pod, so a deployment with N pods allows up to N times
 * the configured rate; the limit protects the services from a runaway client, it is not a quota.
 */
@Singleton
public class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final GatewayConfig.RateLimits config;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    RateLimiter(GatewayConfig config, RateClock clock) {
        this.config = config.rateLimit();
        this.clock = clock;
        // a bucket unseen for longer than its window is full again, so forgetting it changes nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.maxTracked())
                .expireAfterAccess(WINDOW.multipliedBy(2))
                .build();
    }

    /** Takes one request from the client address's bucket. */
    public Decision takeForAddress(String address) {
        return take("ip:" + address, config.perIpPerMinute());
    }

    /** Takes one request from the subject's bucket, sized by the most generous of its roles. */
    public Decision takeForSubject(String subject, Collection<String> roles) {
        long perMinute = roles.stream()
                .map(config.perRolePerMinute()::get)
                .filter(limit -> limit != null)
                .mapToLong(Long::longValue)
                .max()
                .orElse(config.defaultPerMinute());
        // the limit is part of the key so a changed role or config gets a bucket of the right size
        return take("sub:" + perMinute + ":" + subject, perMinute);
    }

    private Decision take(String key, long perMinute) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, WINDOW).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForReset()), ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /**
     * The outcome of one take.
     *
     * @param resetSeconds      until the bucket is full again
     * @param retryAfterSeconds until the next request would be allowed (0 when allowed now)
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
