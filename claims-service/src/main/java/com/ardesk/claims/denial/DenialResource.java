package com.ardesk.claims.denial;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import static com.ardesk.claims.claim.ClaimIds.parse;

/** A claim's denials: record one (answered with the denial itself), list them, read one. */
@Path("/api/v1/claims/{claimId}/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denials", description = "Payer denials with CARC/RARC codes")
@SecurityRequirement(name = "jwt")
public class DenialResource {
    static final String DENIAL_EXAMPLE = """
            {"denialId":"6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b","claimId":"0b8f5e2c-1d3a-4c6b-9e8f-7a6b5c4d3e2f",
             "groupCode":"CO","reasonCode":"197","remarkCodes":["N54"],"category":"AUTHORIZATION","amount":185.00,
             "deniedOn":"2026-11-02","appealDeadline":"2027-03-02","source":"MANUAL"}""";

    private final DenialService denials;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public DenialResource(DenialService denials, Idempotency idempotency, Tenancy tenancy) {
        this.denials = denials;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Record a denial", description = "Derives the category from the CARC and the appeal "
            + "deadline from the appeal window in force on deniedOn (the practice's contract terms with the payer, "
            + "else the payer's rule); the claim becomes DENIED. Answers the denial with a Location to it. "
            + "Emits ClaimDenied, ClaimStatusChanged and ClaimChanged. CO-45 and PR-1/2/3 are not denials (422).")
    @APIResponse(responseCode = "201", description = "Denial recorded; the body is the denial",
            headers = @Header(name = "Location", description = "GET of this denial", schema = @Schema(type = SchemaType.STRING, maxLength = 2048)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DenialView.class),
                    examples = @ExampleObject(name = "denial", value = DENIAL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid denial; errors[] names each field")
    @APIResponse(responseCode = "404", description = "No such claim, or one of another practice")
    @APIResponse(responseCode = "409", description = "The claim's status does not allow a denial; the problem names both states")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "The code is an adjustment, not a denial, or an Idempotency-Key reused with another body")
    public Response deny(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                         @HeaderParam("If-Match")
                         @Parameter(description = "The claim's ETag from GET, to refuse a stale update", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                         @HeaderParam(Idempotency.HEADER)
                         @Parameter(description = "Makes retries safe",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$")) String idempotencyKey,
                         @Context UriInfo uri, DenialInput body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            DenialView denial = denials.deny(parse(claimId), body, ifMatch);
            return Response.status(201).location(URI.create(uri.getPath() + "/" + denial.denialId())).entity(denial).build();
        });
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List a claim's denials", description = "Every denial of the claim, oldest first.")
    @APIResponse(responseCode = "200", description = "The denials", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DenialView.class, maxItems = 10000),
            examples = @ExampleObject(name = "denials", value = "[" + DENIAL_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such claim, or one of another practice")
    public List<DenialView> list(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        return denials.list(parse(claimId));
    }

    @GET
    @Path("/{denialId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one denial", description = "The denial as POST answered it.")
    @APIResponse(responseCode = "200", description = "The denial", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DenialView.class), examples = @ExampleObject(name = "denial", value = DENIAL_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such claim or denial, or a claim of another practice")
    public DenialView get(@PathParam("claimId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
                          @PathParam("denialId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String denialId) {
        return denials.get(parse(claimId), denialId(denialId));
    }

    /** Like claim ids, a path id that is not a UUID names no denial: 404, not 400. */
    private static java.util.UUID denialId(String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw com.ardesk.kit.problem.ProblemException.notFound("denial", value);
        }
    }
}
