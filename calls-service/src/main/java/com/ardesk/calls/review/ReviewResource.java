package com.ardesk.calls.review;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import com.ardesk.kit.openapi.ApiSchemas;
import com.ardesk.kit.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Supervisor reviews of calls, so callers learn what to improve. */
@Path("/api/v1/calls/{callId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call reviews", description = "Supervisor scores, checklists and feedback on calls")
@SecurityRequirement(name = "jwt")
public class ReviewResource {
    private final ReviewService reviews;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public ReviewResource(ReviewService reviews, Idempotency idempotency, Tenancy tenancy) {
        this.reviews = reviews;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Review a call", description = "Score 1-5 with checklist items and feedback. Emits "
            + "CallReviewed. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Review recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Not a supervisor")
    @APIResponse(responseCode = "404", description = "No such call in the token's practices")
    public Response review(@PathParam("callId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String callId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = "Client key making the POST safe to retry, "
                                   + "1-200 printable characters", schema = @Schema(type = SchemaType.STRING, maxLength = 200,
                                   pattern = "^[\\x21-\\x7E]{1,200}$"))
                           String idempotencyKey,
                           @Context UriInfo uri, @Valid @NotNull ReviewRequest body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            ReviewView review = reviews.review(Params.uuid("callId", callId), body);
            return Response.status(201).location(URI.create("/api/v1/calls/" + callId + "/reviews"))
                    .entity(review).build();
        });
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Reviews of a call", description = "Supervisors see every review; a caller sees the reviews "
            + "of their own calls only.")
    @APIResponse(responseCode = "200", description = "The reviews, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReviewView.class, maxItems = ApiSchemas.UNBOUNDED_ITEMS)))
    @APIResponse(responseCode = "403", description = "A caller asking about another caller's call")
    @APIResponse(responseCode = "404", description = "No such call in the token's practices")
    public List<ReviewView> list(@PathParam("callId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String callId) {
        return reviews.list(Params.uuid("callId", callId));
    }
}
