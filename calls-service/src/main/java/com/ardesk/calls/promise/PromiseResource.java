package com.ardesk.calls.promise;

import com.ardesk.kit.web.Params;
import com.ardesk.kit.web.Page;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Promises to pay made on calls: kept by payments, broken by the grace-period sweep, or cancelled. */
@Path("/api/v1/promises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promises", description = "Promises to pay and their lifecycle OPEN → KEPT | BROKEN | CANCELLED")
@SecurityRequirement(name = "jwt")
public class PromiseResource {
    private final PromiseService promises;

    public PromiseResource(PromiseService promises) {
        this.promises = promises;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List promises", description = "Promises of the token's practices, earliest expectedOn first. "
            + "dueBefore is exclusive: promises expected strictly before that date.")
    @APIResponse(responseCode = "200", description = "A page of promises")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public Page<PromiseView> list(@QueryParam("status") @Parameter(example = "OPEN", schema = @Schema(implementation = PromiseStatus.class))
                                  String status,
                                  @QueryParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                                  @QueryParam("dueBefore") @Parameter(example = "2026-03-31",
                                          schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String dueBefore,
                                  @QueryParam("practiceId") @Parameter(example = "P100",
                                          schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String practiceId,
                                  @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                          schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                                  @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                          schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return promises.list(Params.enumValue("status", status, PromiseStatus.class), Params.uuid("claimId", claimId),
                Params.date("dueBefore", dueBefore), Params.text(practiceId), limit, cursor);
    }

    @GET
    @Path("/{promiseId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one promise", description = "The ETag is for If-Match on cancel.")
    @APIResponse(responseCode = "200", description = "The promise")
    @APIResponse(responseCode = "404", description = "No such promise in the token's practices")
    public Response get(@PathParam("promiseId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String promiseId) {
        PromiseView promise = promises.get(Params.uuid("promiseId", promiseId));
        return Response.ok(promise).tag(String.valueOf(promise.version())).build();
    }

    @POST
    @Path("/{promiseId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Cancel a promise", description = "The caller who took it or a supervisor withdraws an OPEN "
            + "promise with a reason; it will then neither be kept nor broken.")
    @APIResponse(responseCode = "200", description = "The cancelled promise")
    @APIResponse(responseCode = "400", description = "reason is missing")
    @APIResponse(responseCode = "403", description = "Another caller's promise")
    @APIResponse(responseCode = "404", description = "No such promise in the token's practices")
    @APIResponse(responseCode = "409", description = "The promise is no longer OPEN")
    @APIResponse(responseCode = "412", description = "If-Match does not match the promise's ETag")
    public Response cancel(@PathParam("promiseId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String promiseId,
                           @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @Valid @NotNull CancelRequest body) {
        PromiseView promise = promises.cancel(Params.uuid("promiseId", promiseId), body.reason(), ifMatch);
        return Response.ok(promise).tag(String.valueOf(promise.version())).build();
    }
}
