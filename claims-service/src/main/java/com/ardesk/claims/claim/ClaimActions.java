package com.ardesk.claims.claim;

import com.ardesk.claims.view.ClaimView;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.function.Supplier;

/**
 * The answer every claim action (denial, payment, appeal, write-off) gives: 201 with the updated
 * claim and its ETag, made retry-safe by Idempotency-Key.
 */
@ApplicationScoped
public class ClaimActions {
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public ClaimActions(Idempotency idempotency, Tenancy tenancy) {
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    public Response created(String idempotencyKey, UriInfo uri, Object body, Supplier<ClaimView> action) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            ClaimView claim = action.get();
            return Response.status(201).tag(String.valueOf(claim.version())).entity(claim).build();
        });
    }
}
