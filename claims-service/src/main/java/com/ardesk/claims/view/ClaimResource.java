package com.ardesk.claims.view;

import com.ardesk.claims.batch.BatchResult;
import com.ardesk.claims.batch.ClaimBatch;
import com.ardesk.claims.batch.ClaimBatchService;
import com.ardesk.claims.claim.ClaimIds;
import com.ardesk.claims.claim.ClaimInput;
import com.ardesk.claims.claim.ClaimStatusMoves;
import com.ardesk.claims.claim.ClaimWrites;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.StatusChange;
import com.ardesk.claims.claim.UpsertQueue;
import com.ardesk.claims.search.ClaimSearch;
import com.ardesk.claims.search.ClaimSummary;
import com.ardesk.kit.openapi.ApiSchemas;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.Page;
import com.ardesk.kit.web.Params;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Claims as PM systems push them and front ends read them. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Insurance claims: create, upsert, batch, read and list")
@SecurityRequirement(name = "jwt")
public class ClaimResource {
    private final ClaimWrites claims;
    private final ClaimStatusMoves moves;
    private final ClaimViews views;
    private final ClaimBatchService batches;
    private final ClaimSearch search;
    private final Idempotency idempotency;
    private final Tenancy tenancy;
    private final UpsertQueue upserts;

    public ClaimResource(ClaimWrites claims, ClaimStatusMoves moves, ClaimViews views, ClaimBatchService batches,
                         ClaimSearch search, Idempotency idempotency, Tenancy tenancy, UpsertQueue upserts) {
        this.claims = claims;
        this.moves = moves;
        this.views = views;
        this.upserts = upserts;
        this.batches = batches;
        this.search = search;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @POST
    @Path("/claims")
    @RolesAllowed({"integration", "admin", "supervisor", "caller"})
    @Operation(summary = "Create a claim", description = "Creates one claim. Emits ClaimChanged. Send an "
            + "Idempotency-Key to make retries safe; a second claim with the same externalClaimId is a 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names the claim", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Invalid claim; errors[] lists every violation")
    @APIResponse(responseCode = "404", description = "The practice is not in the caller's token")
    @APIResponse(responseCode = "409", description = "externalClaimId already exists for the practice")
    public Response create(@HeaderParam(Idempotency.HEADER)
            @Parameter(description = "Makes retries safe", schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                           @Context UriInfo uri, ClaimInput body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            ClaimView claim = views.after(() -> claims.create(body));
            return Response.created(URI.create("/api/v1/claims/" + claim.claimId()))
                    .tag(String.valueOf(claim.version())).entity(claim).build();
        });
    }

    @PUT
    @Path("/practices/{practiceId}/claims/{externalClaimId}")
    @RolesAllowed({"integration", "admin", "supervisor"})
    @Operation(summary = "Upsert a claim by the PM system's id", description = "Idempotent: 201 when created, "
            + "200 when updated, 200 with X-Upsert-Result: unchanged when identical to what is stored (no event). "
            + "Money already posted is kept; the balance is recomputed from the new charges.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "200", description = "Updated or unchanged (see X-Upsert-Result)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Invalid claim; errors[] lists every violation")
    @APIResponse(responseCode = "404", description = "The practice is not in the caller's token")
    @APIResponse(responseCode = "412", description = "If-Match does not name the stored version (or there is no claim yet); "
            + "nothing was changed")
    public Response upsert(@HeaderParam("If-Match") @Parameter(description = "ETag from GET; the update is refused with 412 "
                                   + "when the claim changed since", example = "\"3\"",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @PathParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
                           @PathParam("externalClaimId") @Parameter(example = "PM-2026-000123",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$")) String externalClaimId,
                           ClaimInput body) {
        ClaimWrites.Upserted result = upserts.inTurn(practiceId, externalClaimId,
                () -> claims.upsert(practiceId, externalClaimId, body, ifMatch));
        ClaimView view = views.get(result.claim().claimId);
        Response.ResponseBuilder response = result.outcome() == ClaimWrites.Outcome.CREATED
                ? Response.created(URI.create("/api/v1/claims/" + view.claimId())) : Response.ok();
        return response.header("X-Upsert-Result", result.outcome().name().toLowerCase(Locale.ROOT))
                .tag(String.valueOf(view.version())).entity(view).build();
    }

    @POST
    @Path("/claims/batch")
    @RolesAllowed({"integration", "admin"})
    @Operation(summary = "Upsert up to 1,000 claims", description = "Each item is created, updated, unchanged or "
            + "rejected on its own; one bad item never rejects the others. Answers 200 with one result per item.")
    @APIResponse(responseCode = "200", description = "Per-item results", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "The batch is empty or holds more than 1,000 claims")
    public Response batch(@HeaderParam(Idempotency.HEADER)
            @Parameter(description = "Makes retries safe", schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                          @Context UriInfo uri, ClaimBatch body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body,
                () -> Response.ok(batches.upsertAll(body)).build());
    }

    @GET
    @Path("/claims/{claimId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get a claim", description = "The claim with lines, every amount, aging with its basis, "
            + "deadlines, denials, payments and appeals. ETag is its version.")
    @APIResponse(responseCode = "200", description = "The claim", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", description = "No such claim, or another practice's")
    public Response get(@PathParam("claimId") @Parameter(description = "Claim id (UUID)",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        ClaimView claim = views.get(ClaimIds.parse(claimId));
        return Response.ok(claim).tag(String.valueOf(claim.version())).build();
    }

    @POST
    @Path("/claims/{claimId}/status")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Change a claim's status", description = "IN_PROCESS, SUBMITTED (resubmission) or CLOSED; "
            + "a move the status table does not allow is a 409 naming both states. Emits ClaimStatusChanged and ClaimChanged.")
    @APIResponse(responseCode = "200", description = "The updated claim", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Missing or non-manual status")
    @APIResponse(responseCode = "404", description = "No such claim")
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response changeStatus(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                                 @HeaderParam("If-Match")
                                 @Parameter(description = "ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                                 StatusChange body) {
        ClaimView claim = views.after(() -> moves.changeStatus(ClaimIds.parse(claimId), body, ifMatch));
        return Response.ok(claim).tag(String.valueOf(claim.version())).build();
    }

    @GET
    @Path("/claims")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List claims", description = "Claims of the caller's practices, filtered, in keyset pages.")
    @APIResponse(responseCode = "200", description = "A page of claims")
    @APIResponse(responseCode = "400", description = "A filter value is invalid")
    public Page<ClaimSummary> list(
            @QueryParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
            @QueryParam("status") @Parameter(description = "One or more statuses, comma-separated", example = "DENIED,PARTIALLY_PAID",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 4096)) String status,
            @QueryParam("payerId") @Parameter(example = "MEDICARE", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String payerId,
            @QueryParam("agingBucket") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"0-30", "31-60", "61-90", "91-120", "120+"})) String agingBucket,
            @QueryParam("minBalance") @Parameter(example = "100.00") BigDecimal minBalance,
            @QueryParam("denied") @Parameter(description = "true: only claims with a denial; false: only without; anything else is 400",
                    example = "true", schema = @Schema(type = SchemaType.BOOLEAN)) String denied,
            @QueryParam("sort") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"created", "balance", "aging"}),
                    description = "created (newest first, default), balance (largest first), aging (oldest first)") String sort,
            @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500", defaultValue = "50")) Integer limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = ApiSchemas.CURSOR_PATTERN)) String cursor) {
        return search.search(new ClaimSearch.Filter(practiceId, statuses(status), payerId, agingBucket, minBalance,
                Params.bool("denied", denied), sortBy(sort)), limit, cursor);
    }

    private static List<ClaimStatus> statuses(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        List<ClaimStatus> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            try {
                out.add(ClaimStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("status", "must be one of " + List.of(ClaimStatus.values()));
            }
        }
        return out;
    }

    private static ClaimSearch.SortBy sortBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return ClaimSearch.SortBy.CREATED;
        }
        try {
            return ClaimSearch.SortBy.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("sort", "must be created, balance or aging");
        }
    }
}
