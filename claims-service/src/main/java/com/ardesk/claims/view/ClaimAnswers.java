package com.ardesk.claims.view;

import com.ardesk.claims.claim.ClaimActions;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;
import java.util.function.Supplier;

/** {@link ClaimActions} for payments, appeals and write-offs: 201 with the updated claim's view and ETag. */
@ApplicationScoped
public class ClaimAnswers implements ClaimActions {
    private final ClaimViews views;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public ClaimAnswers(ClaimViews views, Idempotency idempotency, Tenancy tenancy) {
        this.views = views;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @Override
    public Response created(String idempotencyKey, UriInfo uri, Object body, Supplier<UUID> action) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            ClaimView claim = views.after(action);
            return Response.status(201).tag(String.valueOf(claim.version())).entity(claim).build();
        });
    }
}
