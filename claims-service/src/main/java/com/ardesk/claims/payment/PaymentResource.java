package com.ardesk.claims.payment;

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

@Path("/api/v1/claims/{claimId}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Payments and adjustments posted to claims")
@SecurityRequirement(name = "jwt")
public class PaymentResource {
    private final PaymentService payments;
    private final ClaimActions actions;

    public PaymentResource(PaymentService payments, ClaimActions actions) {
        this.payments = payments;
        this.actions = actions;
    }

    @POST
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Post a payment", description = "Adds the amount to paid, CO/OA/PI/CR adjustments to "
            + "adjustmentAmount and PR adjustments to patientResponsibility, recomputes the balance exactly; the "
            + "claim becomes PAID at zero (or below: creditBalance) else PARTIALLY_PAID. Emits ClaimPaymentPosted, "
            + "ClaimStatusChanged and ClaimChanged. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Payment posted; the body is the updated claim", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimView")))
    @APIResponse(responseCode = "400", description = "Invalid payment")
    @APIResponse(responseCode = "404", description = "No such claim")
    @APIResponse(responseCode = "409", description = "The claim is written off or closed")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response pay(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                        @HeaderParam("If-Match")
                        @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                        @HeaderParam(Idempotency.HEADER)
                        @Parameter(description = "Makes retries safe",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                        @Context UriInfo uri, PaymentInput body) {
        return actions.created(idempotencyKey, uri, body, () -> payments.pay(parse(claimId), body, ifMatch));
    }
}
