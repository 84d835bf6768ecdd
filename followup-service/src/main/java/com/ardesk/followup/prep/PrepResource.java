package com.ardesk.followup.prep;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Call preparation and claim history. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call preparation", description = "What a caller needs before and after phoning a payer")
@SecurityRequirement(name = "jwt")
public class PrepResource {
    private final PrepService prep;

    public PrepResource(PrepService prep) {
        this.prep = prep;
    }

    @GET
    @Path("/prep/{claimId}")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Call-preparation packet", description = "Claim snapshot with balance, aging, payer and phone; "
            + "deadlines; denials with categories; the last calls; promises; open tasks; a script hint.")
    @APIResponse(responseCode = "200", description = "The packet")
    @APIResponse(responseCode = "404", description = "Unknown claim, or one of another practice")
    public PrepPacket prep(@PathParam("claimId") @Parameter(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        return prep.prep(claimId);
    }

    @GET
    @Path("/timeline/{claimId}")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Claim timeline", description = "Claim events, calls, promises and task changes, oldest first.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "404", description = "Unknown claim, or one of another practice")
    public TimelineView timeline(@PathParam("claimId") @Parameter(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        return prep.timeline(claimId);
    }
}
