package com.ardesk.calls.plan;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Payment plans for patient balances, negotiated on a call. */
@Path("/api/v1/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payment plans", description = "Patient payment plans; each installment is tracked as a promise")
@SecurityRequirement(name = "jwt")
public class PlanResource {
    private final PlanService plans;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public PlanResource(PlanService plans, Idempotency idempotency, Tenancy tenancy) {
        this.plans = plans;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Create a payment plan", description = "Installments must sum to total and fall on "
            + "increasing dates from today. Each installment becomes a promise (payerId PATIENT) that a payment "
            + "posted to any of the plan's claims can keep; each emits PromiseToPay. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Plan created")
    @APIResponse(responseCode = "400", description = "Invalid body, or installments that do not add up")
    @APIResponse(responseCode = "404", description = "practiceId is outside the token's practices")
    @APIResponse(responseCode = "422", description = "claimIds[i] is unknown or of a practice outside the token (the same "
            + "answer for both), or an unknown callId, or a reused Idempotency-Key")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Client key making the POST safe to retry, "
                                   + "1-200 printable characters", schema = @Schema(type = SchemaType.STRING, maxLength = 200,
                                   pattern = "^[\\x21-\\x7E]{1,200}$"))
                           String idempotencyKey, @Context UriInfo uri, @Valid @NotNull PlanRequest body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            PlanView plan = plans.create(body);
            return Response.status(201).location(URI.create("/api/v1/payment-plans/" + plan.planId())).entity(plan).build();
        });
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one payment plan")
    @APIResponse(responseCode = "200", description = "The plan with its installments")
    @APIResponse(responseCode = "404", description = "No such plan in the token's practices")
    public PlanView get(@PathParam("planId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String planId) {
        return plans.get(Params.uuid("planId", planId));
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List payment plans", description = "Plans of the token's practices, newest first.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public Page<PlanView> list(@QueryParam("practiceId") @Parameter(example = "P100",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String practiceId,
                               @QueryParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                               @QueryParam("patientAccount") @Parameter(example = "A-100234",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String patientAccount,
                               @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                               @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return plans.list(Params.text(practiceId), Params.uuid("claimId", claimId), Params.text(patientAccount),
                limit, cursor);
    }
}
