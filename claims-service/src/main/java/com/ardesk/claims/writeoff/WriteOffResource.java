package com.ardesk.claims.writeoff;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.ardesk.claims.claim.ClaimIds.parse;

@Path("/api/v1/claims/{claimId}/write-off")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Write-offs", description = "Balances the practice stops chasing")
@SecurityRequirement(name = "jwt")
public class WriteOffResource {
    private final WriteOffService writeOffs;
    private final ClaimActions actions;

    public WriteOffResource(WriteOffService writeOffs, ClaimActions actions) {
        this.writeOffs = writeOffs;
        this.actions = actions;
    }

    @POST
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Write off a balance", description = "Supervisor or admin only. Writing off the whole "
            + "balance makes the claim WRITTEN_OFF; a partial write-off keeps its status. Emits ClaimWrittenOff and ClaimChanged.")
    @APIResponse(responseCode = "201", description = "Written off; the body is the updated claim", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimView")))
    @APIResponse(responseCode = "400", description = "Missing reason or invalid amount")
    @APIResponse(responseCode = "403", description = "Only supervisors and admins write off")
    @APIResponse(responseCode = "404", description = "No such claim")
    @APIResponse(responseCode = "409", description = "The claim's status does not allow a write-off")
    @APIResponse(responseCode = "422", description = "The amount exceeds the balance")
    public Response writeOff(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                             @HeaderParam("If-Match")
                             @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                             @HeaderParam(Idempotency.HEADER)
                             @Parameter(description = "Makes retries safe",
                                     schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                             @Context UriInfo uri, WriteOffInput body) {
        return actions.created(idempotencyKey, uri, body, () -> writeOffs.writeOff(parse(claimId), body, ifMatch));
    }
}
