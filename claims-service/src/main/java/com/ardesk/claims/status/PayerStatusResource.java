package com.ardesk.claims.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.ardesk.claims.claim.ClaimIds.parse;

/**
 * The payer's own word on a claim, apart from the claim view: the claim screen shows it as a panel
 * next to denials and payments, and it has a history of its own (docs/api.md "Claim status").
 */
@Path("/api/v1/claims/{claimId}/payer-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claim status", description = "X12 277CA acknowledgments and 277 claim status responses")
@SecurityRequirement(name = "jwt")
public class PayerStatusResource {
    static final String EXAMPLE = """
            {"claimId":"0b8f5e2c-1d3a-4c6b-9e8f-7a6b5c4d3e2f",
             "latest":{"source":"277CA","statusCategory":"A3","statusCodes":["A3:21:85"],"actionCode":"U","rejected":true,
                       "effectiveOn":"2026-11-20","amount":280.50,"trace":"PM-2026-000123","receivedAt":"2026-11-20T14:02:11Z"},
             "history":[{"source":"277CA","statusCategory":"A3","statusCodes":["A3:21:85"],"actionCode":"U","rejected":true,
                       "effectiveOn":"2026-11-20","amount":280.50,"trace":"PM-2026-000123","receivedAt":"2026-11-20T14:02:11Z"},
                      {"source":"277CA","statusCategory":"A1","statusCodes":["A1:19:PR"],"actionCode":"WQ","rejected":false,
                       "effectiveOn":"2026-11-18","amount":280.50,"trace":"PM-2026-000123","receivedAt":"2026-11-18T09:30:00Z"}]}""";

    private final PayerStatusQuery statuses;

    public PayerStatusResource(PayerStatusQuery statuses) {
        this.statuses = statuses;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "What the payer said about a claim", description = "The claim-level statuses received in 277CA "
            + "acknowledgments (POST /acknowledgments) and 277 status responses (POST /claim-status), newest first, with "
            + "the latest on top: category, every STC code, action code, whether it is a rejection to fix and resubmit, "
            + "effective date, amount, trace and when it was received. A claim without any is 200 with latest null.")
    @APIResponse(responseCode = "200", description = "The payer status", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PayerStatusView.class), examples = @ExampleObject(name = "rejected", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such claim, or one of another practice")
    public PayerStatusView get(@PathParam("claimId") @Parameter(description = "Claim id (UUID)",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        return statuses.of(parse(claimId));
    }
}
