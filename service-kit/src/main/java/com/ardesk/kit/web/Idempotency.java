package com.ardesk.kit.web;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating POSTs: the first request with a key runs and its answer is
 * stored; a retry with the same key and the same body gets that answer again (with
 * {@code Idempotent-Replayed: true}) and changes nothing; the same key with another body is a 422.
 * Keys are scoped per user.
 * <p>
 * The key's row, the work and the stored answer commit in one transaction (the work joins it). A
 * request that fails, or a process killed mid-way, leaves no row, so a retry runs again, once. A
 * concurrent duplicate waits on the first one's uncommitted row (PostgreSQL's unique-index wait),
 * then replays its answer, or runs if the first rolled back: there is no "in progress" state that
 * a crash could leave behind. Work that commits in transactions of its own (a batch stores its
 * chunks separately) is outside that guarantee and must be idempotent by itself.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public Idempotency(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Runs {@code action} once per (user, key); replays its stored answer for retries. */
    public Response execute(String key, String user, String method, String path, Object body, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.validation(List.of(new FieldError(HEADER, "must be 1-200 printable characters")));
        }
        String principal = user == null ? "anonymous" : user;
        String hash = hash(method + " " + path + " " + json(body));
        return QuarkusTransaction.requiringNew().call(() -> {
            Response replay = claim(principal, key, hash);
            if (replay != null) {
                return replay;
            }
            Response response = action.get();
            remember(principal, key, response);
            return response;
        });
    }

    private Response claim(String principal, String key, String hash) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into idempotency_record (principal, idem_key, request_hash) values (?, ?, ?)
                    on conflict do nothing""")) {
                insert.setString(1, principal);
                insert.setString(2, key);
                insert.setString(3, hash);
                if (insert.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement select = c.prepareStatement("""
                    select request_hash, status, content_type, location, etag, body from idempotency_record
                    where principal = ? and idem_key = ?""")) {
                select.setString(1, principal);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        // the row the insert waited on was rolled back and removed in between
                        throw ProblemException.conflict("idempotency-in-progress", "a request with this "
                                + HEADER + " just failed; retry it");
                    }
                    if (!rs.getString(1).equals(hash)) {
                        throw ProblemException.unprocessable("idempotency-key-reused", HEADER + " " + key
                                + " was used for a different request; use a new key for a new request",
                                List.of(new FieldError(HEADER, "was already used with a different body")));
                    }
                    Response.ResponseBuilder r = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                    if (rs.getString(6) != null) {
                        r.entity(rs.getString(6)).type(rs.getString(3));
                    }
                    if (rs.getString(4) != null) {
                        r.location(URI.create(rs.getString(4)));
                    }
                    if (rs.getString(5) != null) {
                        r.tag(rs.getString(5));
                    }
                    return r.build();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    private void remember(String principal, String key, Response response) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("""
                update idempotency_record set status = ?, content_type = ?, location = ?, etag = ?, body = ?
                where principal = ? and idem_key = ?""")) {
            update.setInt(1, response.getStatus());
            update.setString(2, response.getMediaType() != null ? response.getMediaType().toString() : "application/json");
            update.setString(3, response.getLocation() != null ? response.getLocation().toString() : null);
            EntityTag tag = response.getEntityTag();
            update.setString(4, tag != null ? tag.getValue() : null);
            update.setString(5, response.getEntity() == null ? null : json(response.getEntity()));
            update.setString(6, principal);
            update.setString(7, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize for idempotency", e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
