package com.ardesk.claims.payer;

import com.ardesk.kit.openapi.ApiSchemas;
import com.ardesk.kit.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payers: who AR callers phone, and the deadlines each payer imposes. */
@Path("/api/v1/payers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payers", description = "Insurance payers, their phone numbers and versioned filing/appeal rules")
@SecurityRequirement(name = "jwt")
public class PayerResource {
    static final String PAYER_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private final PayerService payers;

    public PayerResource(PayerService payers) {
        this.payers = payers;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List payers", description = "Payers ordered by id, with the rule in force today.")
    @APIResponse(responseCode = "200", description = "A page of payers")
    @APIResponse(responseCode = "400", description = "limit is outside 1-500 or cursor is not one this API issued")
    public Page<PayerView> list(@QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500", defaultValue = "50")) Integer limit,
                                @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                        schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = ApiSchemas.CURSOR_PATTERN)) String cursor) {
        return payers.list(limit, cursor);
    }

    @GET
    @Path("/{payerId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one payer", description = "The payer with its current rule and all rule versions; "
            + "the ETag is the payer's version for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The payer")
    @APIResponse(responseCode = "404", description = "No such payer")
    public Response get(@PathParam("payerId") @Parameter(example = "MEDICARE", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String payerId) {
        PayerView payer = payers.find(payerId);
        return Response.ok(payer).tag(String.valueOf(payer.version())).build();
    }

    @PUT
    @Path("/{payerId}")
    @RolesAllowed("admin")
    @Operation(summary = "Create or update a payer", description = "Payers are billing-company-wide, so only an admin "
            + "writes them; a practice's own contract terms go to PUT /api/v1/practices/{practiceId}/payer-terms/{payerId}. "
            + "Idempotent: 201 when created, 200 when updated "
            + "or unchanged. The rule version effective on effectiveFrom is added or replaced; older versions "
            + "keep governing claims whose clock date falls before it. Emits PayerChanged.")
    @APIResponse(responseCode = "201", description = "Payer created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayerView.class)))
    @APIResponse(responseCode = "200", description = "Payer updated or unchanged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    public Response put(@PathParam("payerId") @Pattern(regexp = PAYER_ID, message = "must be 1-64 letters, digits, '.', '_' or '-'")
                        @Parameter(example = "MEDICARE", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String payerId,
                        @HeaderParam("If-Match") @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64))
                        String ifMatch,
                        @Valid @NotNull PayerUpdate body) {
        PayerService.Upserted result = payers.upsert(payerId, body, ifMatch);
        Response.ResponseBuilder response = result.created() ? Response.status(201)
                .location(java.net.URI.create("/api/v1/payers/" + payerId)) : Response.ok();
        return response.entity(result.payer()).tag(String.valueOf(result.payer().version())).build();
    }
}
