package com.ardesk.kit.web;

import com.ardesk.kit.problem.HttpProblems;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * A request whose declared {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}
 * gets a 413 problem naming the limit. Quarkus refuses such a body too, but with an empty answer,
 * and every AR Desk error is problem+json. The body is not read, so the connection closes after
 * the answer, as Quarkus does. A body of unknown length (chunked) is read here, counted as it
 * arrives and refused with the same 413 problem the moment it passes the limit; the REST layer then
 * reads the buffered body. Without this, the REST layer parsed a chunked body while it streamed
 * and, at the limit, answered an empty 413.
 * <p>
 * A service with an upload route sets {@code ardesk.http.streamed-paths} (path prefixes) and
 * {@code ardesk.http.body-limit}: the ordinary routes keep that limit, the streamed ones take
 * {@code quarkus.http.limits.max-body-size}, and their chunked bodies are not buffered here: the
 * resource streams them to disk and counts them itself.
 */
@ApplicationScoped
public class BodyLimit {
    private final long maxBytes;
    private final long streamedMaxBytes;
    private final List<String> streamedPaths;
    private final BodyHandler chunkedBodies;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize,
              @ConfigProperty(name = "ardesk.http.body-limit") Optional<String> bodyLimit,
              @ConfigProperty(name = "ardesk.http.streamed-paths") Optional<List<String>> streamedPaths) {
        MemorySizeConverter sizes = new MemorySizeConverter();
        this.streamedMaxBytes = sizes.convert(maxBodySize).asLongValue();
        this.maxBytes = sizes.convert(bodyLimit.orElse(maxBodySize)).asLongValue();
        this.streamedPaths = streamedPaths.orElse(List.of());
        // over the limit it fails the request with 413, which RequestGuard's failure handler answers
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBytes).setMergeFormAttributes(false)
                .setDeleteUploadedFilesOnEnd(true);
    }

    void register(@Observes Filters filters) {
        // after RequestIds (1000), so the problem carries the request id
        filters.register(rc -> {
            boolean streamed = streamed(rc.normalizedPath());
            long limit = streamed ? streamedMaxBytes : maxBytes;
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null && rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null && !streamed) {
                chunkedBodies.handle(rc);
                return;
            }
            if (declared == null || !over(declared, limit)) {
                rc.next();
                return;
            }
            HttpProblems.send(rc, 413, "payload-too-large", "Content Too Large",
                    "the request body is larger than " + limit + " bytes", List.of());
        }, 900);
    }

    private boolean streamed(String path) {
        for (String prefix : streamedPaths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean over(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            // the HTTP layer answers 400 to a malformed length
            return false;
        }
    }
}
