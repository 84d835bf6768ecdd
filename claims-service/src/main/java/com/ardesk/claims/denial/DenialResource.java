package com.ardesk.claims.denial;

import com.ardesk.claims.claim.ClaimActions;
import com.ardesk.claims.claim.ClaimView;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.ardesk.claims.claim.ClaimIds.parse;

@Path("/api/v1/claims/{claimId}/denials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Denials", description = "Payer denials with CARC/RARC codes")
@SecurityRequirement(name = "jwt")
public class DenialResource {
    private final DenialService denials;
    private final ClaimActions actions;

    public DenialResource(DenialService denials, ClaimActions actions) {
        this.denials = denials;
        this.actions = actions;
    }

    @POST
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Record a denial", description = "Derives the category from the CARC and the appeal "
            + "deadline from the payer's appeal window in force on deniedOn; the claim becomes DENIED. "
            + "Emits ClaimDenied, ClaimStatusChanged and ClaimChanged. CO-45 and PR-1/2/3 are not denials (422).")
    @APIResponse(responseCode = "201", description = "Denial recorded; the body is the updated claim", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Invalid denial")
    @APIResponse(responseCode = "404", description = "No such claim")
    @APIResponse(responseCode = "409", description = "The claim's status does not allow a denial")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "The code is an adjustment, not a denial")
    public Response deny(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                         @HeaderParam("If-Match")
                         @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                         @HeaderParam(Idempotency.HEADER)
                         @Parameter(description = "Makes retries safe",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                         @Context UriInfo uri, DenialInput body) {
        return actions.created(idempotencyKey, uri, body, () -> denials.deny(parse(claimId), body, ifMatch));
    }
}
