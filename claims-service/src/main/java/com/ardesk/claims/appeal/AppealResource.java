package com.ardesk.claims.appeal;

import com.ardesk.claims.claim.ClaimActions;
import com.ardesk.kit.web.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.ardesk.claims.claim.ClaimIds.parse;

@Path("/api/v1/claims/{claimId}/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals of denials")
@SecurityRequirement(name = "jwt")
public class AppealResource {
    private final AppealService appeals;
    private final ClaimActions actions;

    public AppealResource(AppealService appeals, ClaimActions actions) {
        this.appeals = appeals;
        this.actions = actions;
    }

    @POST
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "File an appeal", description = "Only for a denied claim, on or before the latest "
            + "denial's appeal deadline. The claim becomes APPEALED. Emits AppealFiled, ClaimStatusChanged, ClaimChanged.")
    @APIResponse(responseCode = "201", description = "Appeal filed; the body is the updated claim", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimView")))
    @APIResponse(responseCode = "400", description = "Invalid appeal")
    @APIResponse(responseCode = "404", description = "No such claim")
    @APIResponse(responseCode = "409", description = "The claim has no denial or its status does not allow an appeal")
    @APIResponse(responseCode = "422", description = "The appeal deadline has passed")
    public Response file(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                         @HeaderParam("If-Match")
                         @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                         @HeaderParam(Idempotency.HEADER)
                         @Parameter(description = "Makes retries safe",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                         @Context UriInfo uri,
                         @RequestBody(required = false, description = "Optional: every field has a default, so no body (or {}) "
                                 + "files a level-1 appeal dated today") AppealInput body) {
        return actions.created(idempotencyKey, uri, body, () -> appeals.file(parse(claimId), body, ifMatch));
    }
}
