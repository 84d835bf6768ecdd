package com.ardesk.kit.testapp;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.net.URI;

/**
 * Creates widgets the way services create their resources: an Idempotency-Key POST whose work joins
 * the key's transaction, entities written through Hibernate, failures left to the kit's mappers.
 */
@Path("/widgets")
@Authenticated
@ApplicationScoped
public class WidgetResource {
    public record NewWidget(@NotBlank String name, @NotNull BigDecimal amount) {
    }

    public record WidgetView(long id, String name, BigDecimal amount) {
    }

    private final Idempotency idempotency;
    private final Tenancy tenancy;
    private final Widgets widgets;
    private final Holds holds;

    public WidgetResource(Idempotency idempotency, Tenancy tenancy, Widgets widgets, Holds holds) {
        this.idempotency = idempotency;
        this.tenancy = tenancy;
        this.widgets = widgets;
        this.holds = holds;
    }

    @POST
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull NewWidget body,
                           @Context UriInfo uri) {
        return idempotency.execute(key, tenancy.user(), "POST", uri.getPath(), body, () -> {
            WidgetView created = widgets.create(body);
            // a test may hold the request here: its widget and key row are written, not committed
            holds.reached(body.name());
            return Response.created(URI.create("/widgets/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("{id}")
    public WidgetView get(@PathParam("id") long id) {
        return widgets.get(id);
    }
}
