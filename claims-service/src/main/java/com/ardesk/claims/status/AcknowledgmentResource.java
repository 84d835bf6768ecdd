package com.ardesk.claims.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/v1/acknowledgments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claim status", description = "X12 277CA acknowledgments and 277 claim status responses")
@SecurityRequirement(name = "jwt")
public class AcknowledgmentResource {
    private final ClaimStatusService statuses;

    public AcknowledgmentResource(ClaimStatusService statuses) {
        this.statuses = statuses;
    }

    @POST
    @Consumes({"application/edi-x12", "application/x12", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({"integration", "admin", "supervisor"})
    @Operation(summary = "Post a 277CA claim acknowledgment", description = "Each claim-level status (TRN*2 = CLM01, STC) is "
            + "matched to a claim of the caller's practices by CLP01/CLM01, else by the payer's claim number (REF*1K). Accepted "
            + "(A1/A2) moves a SUBMITTED claim to IN_PROCESS; rejected (A3/A4/A6/A7/A8 or action code U) moves an IN_PROCESS "
            + "claim back to SUBMITTED. Emits ClaimStatusChanged with the STC codes (a rejection has rejected=true: "
            + "followup-service opens a fix-and-resubmit task) and ClaimChanged. A status already received changes nothing.")
    @RequestBody(content = @Content(mediaType = "application/edi-x12", schema = @Schema(type = SchemaType.STRING, maxLength = 10485760,
            description = "The 277CA interchange (005010X214)",
            example = "ISA*00*...~GS*HN*...~ST*277*0001*005010X214~...~TRN*2*PM-2026-000123~STC*A3:21*20261120*U~...~SE*..~GE*..~IEA*..~")))
    @APIResponse(responseCode = "200", description = "Applied; each claim's result", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StatusPosting.class)))
    @APIResponse(responseCode = "400", description = "Not a readable 277; the problem names segment position, element and reason")
    @APIResponse(responseCode = "409", description = "A claim's status does not allow the move")
    public StatusPosting post(InputStream body) {
        return statuses.post(body, ClaimStatusService.Source.ACKNOWLEDGMENT);
    }
}
