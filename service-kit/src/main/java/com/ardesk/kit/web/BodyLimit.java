package com.ardesk.kit.web;

import com.ardesk.kit.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}
 * gets a 413 problem naming the limit. Quarkus refuses such a body too, but with an empty answer,
 * and every AR Desk error is problem+json. The body is not read, so the connection closes after
 * the answer, as Quarkus does. A chunked body over the limit is still cut off by Quarkus.
 */
@ApplicationScoped
public class BodyLimit {
    private final long maxBytes;
    private final ObjectMapper json;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize,
              ObjectMapper json) {
        this.maxBytes = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        // after RequestIds (1000), so the problem carries the request id
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null || !over(declared)) {
                rc.next();
                return;
            }
            Problem problem = new Problem(Problem.type("payload-too-large"), "Content Too Large", 413,
                    "the request body is larger than " + maxBytes + " bytes", rc.normalizedPath(),
                    rc.request().getHeader(RequestIds.HEADER), null);
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(encode(problem));
        }, 900);
    }

    private boolean over(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException malformed) {
            // the HTTP layer answers 400 to a malformed length
            return false;
        }
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }
}
