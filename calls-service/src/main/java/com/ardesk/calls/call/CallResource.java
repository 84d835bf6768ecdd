package com.ardesk.calls.call;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Calls to payers: logged once, corrected only by amendment. */
@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Append-only call records, their amendments and promises")
@SecurityRequirement(name = "jwt")
public class CallResource {
    private final CallService calls;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public CallResource(CallService calls, Idempotency idempotency, Tenancy tenancy) {
        this.calls = calls;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @POST
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Log a call", description = "The caller is the token's subject. Every claimId must be a claim "
            + "calls-service knows (from ClaimChanged) of practiceId. Emits CallLogged, and PromiseToPay when a "
            + "promise is given. A replay with the same Idempotency-Key and body answers the first result.")
    @APIResponse(responseCode = "201", description = "Call logged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "404", description = "practiceId is outside the token's practices")
    @APIResponse(responseCode = "422", description = "A claimIds[i] is unknown or of a practice outside the token (the "
            + "same answer for both, so it never tells another practice's claim exists), or the Idempotency-Key was used "
            + "with another body")
    public Response log(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Client key making the POST safe to "
                                + "retry, 1-200 printable characters", example = "6c1f8a52-call-0001",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$"))
                        String idempotencyKey,
                        @Context UriInfo uri, @Valid @NotNull NewCall body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            CallView call = calls.log(body);
            return Response.status(201).location(URI.create("/api/v1/calls/" + call.callId()))
                    .tag(String.valueOf(call.version())).entity(call).build();
        });
    }

    @GET
    @Path("/{callId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one call", description = "The call's current view, its promise, and its amendment "
            + "history; the ETag is for If-Match on amendments.")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "404", description = "No such call in the token's practices")
    public Response get(@PathParam("callId") @Parameter(example = "5a3e0f7c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String callId) {
        CallView call = calls.get(Params.uuid("callId", callId));
        return Response.ok(call).tag(String.valueOf(call.version())).build();
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List calls", description = "Calls of the token's practices, newest first. from is "
            + "inclusive, to exclusive; a bare date means its start (UTC), and as to the whole day.")
    @APIResponse(responseCode = "200", description = "A page of calls")
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public Page<CallView> list(@QueryParam("practiceId") @Parameter(example = "P100",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String practiceId,
                               @QueryParam("claimId") @Parameter(description = "Calls about this claim",
                                       schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                               @QueryParam("callerId") @Parameter(example = "caller-17",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 128)) String callerId,
                               @QueryParam("payerId") @Parameter(example = "AETNA",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String payerId,
                               @QueryParam("outcome") @Parameter(example = "PROMISE_TO_PAY", schema = @Schema(implementation = Outcome.class))
                               String outcome,
                               @QueryParam("from") @Parameter(description = "A date (YYYY-MM-DD) or an ISO-8601 timestamp", example = "2026-03-01",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 35)) String from,
                               @QueryParam("to") @Parameter(description = "A date (YYYY-MM-DD) or an ISO-8601 timestamp", example = "2026-03-31",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 35)) String to,
                               @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                               @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        CallFilter filter = new CallFilter(Params.text(practiceId), Params.uuid("claimId", claimId),
                Params.text(callerId), Params.text(payerId), Params.enumValue("outcome", outcome, Outcome.class),
                CallService.instantParam("from", from, false), CallService.instantParam("to", to, true));
        return calls.list(filter, limit, cursor);
    }

    @POST
    @Path("/{callId}/amendments")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Amend a call", description = "Calls are append-only: a correction records who changed "
            + "which fields, from what to what, and why. The caller who logged the call or a supervisor may amend. "
            + "Answers the call's new current view with its history.")
    @APIResponse(responseCode = "201", description = "Amendment recorded; body is the amended call",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "403", description = "Not the call's caller nor a supervisor")
    @APIResponse(responseCode = "404", description = "No such call in the token's practices")
    @APIResponse(responseCode = "412", description = "If-Match does not match the call's ETag")
    @APIResponse(responseCode = "422", description = "Nothing changes, or an outcome change to/from PROMISE_TO_PAY")
    public Response amend(@PathParam("callId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String callId,
                          @HeaderParam("If-Match") @Parameter(description = "The call's ETag, to refuse a stale "
                                  + "correction", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                          @HeaderParam(Idempotency.HEADER) @Parameter(description = "Client key making the POST safe "
                                  + "to retry, 1-200 printable characters",
                                  schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$"))
                          String idempotencyKey,
                          @Context UriInfo uri, @Valid @NotNull AmendmentRequest body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            CallView amended = calls.amend(Params.uuid("callId", callId), body, ifMatch);
            return Response.status(201).location(URI.create("/api/v1/calls/" + callId))
                    .tag(String.valueOf(amended.version())).entity(amended).build();
        });
    }}
