package com.ardesk.claims.payer;

import com.ardesk.kit.openapi.ApiSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** A practice's own contract terms with a payer: set by the practice's supervisor or admin, for that practice only. */
@Path("/api/v1/practices/{practiceId}/payer-terms/{payerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payers", description = "Insurance payers, their phone numbers and versioned filing/appeal rules")
@SecurityRequirement(name = "jwt")
public class PayerTermsResource {
    static final String EXAMPLE = """
            {"practiceId":"P100","payerId":"AETNA","source":"PRACTICE",
             "inForce":{"effectiveFrom":"2026-01-01","timelyFilingDays":180,"timelyFilingBasis":"FIRST_BILLED_DATE",
                        "appealWindowDays":90,"promiseGraceDays":3},
             "versions":[{"effectiveFrom":"2026-01-01","timelyFilingDays":180,"timelyFilingBasis":"FIRST_BILLED_DATE",
                          "appealWindowDays":90,"promiseGraceDays":3}]}""";

    private static final String ETAG = "The terms' current tag, for If-Match on PUT";

    private final PayerTermsService terms;

    public PayerTermsResource(PayerTermsService terms) {
        this.terms = terms;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "A practice's terms with a payer", description = "The terms in force today for the practice's "
            + "claims with this payer (its own version, else the payer's rule) and the practice's versions; the ETag "
            + "is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The terms", headers = @Header(name = "ETag", description = ETAG,
            schema = @Schema(type = SchemaType.STRING, maxLength = 64)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PayerTermsView.class), examples = @ExampleObject(name = "terms", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such payer, or a practice outside the token's practices")
    public Response get(@PathParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
                              @PathParam("payerId") @Parameter(example = "AETNA", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String payerId) {
        PayerTermsView view = terms.get(practiceId, payerId);
        return Response.ok(view).tag(PayerTermsService.etag(view)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Set a practice's terms with a payer", description = "Adds or replaces the version of the "
            + "practice's contract terms starting on effectiveFrom. They govern this practice's deadlines only "
            + "(timely filing, appeal window) and its promises' grace days; other practices keep the payer's rule. "
            + "201 when the version is new, 200 when replaced or unchanged. Send If-Match with the ETag from GET "
            + "to refuse the change (412) when the terms changed since. Emits PayerTermsChanged.")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayerTermsUpdate.class),
            examples = @ExampleObject(name = "terms", value = """
                    {"timelyFilingDays":180,"timelyFilingBasis":"FIRST_BILLED_DATE","appealWindowDays":90,
                     "promiseGraceDays":3,"effectiveFrom":"2026-01-01"}""")))
    @APIResponse(responseCode = "201", description = "A new version", headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING, maxLength = 64)),
            @Header(name = "Location", description = "The terms' URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048))},
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PayerTermsView.class), examples = @ExampleObject(name = "terms", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The version was replaced or is unchanged", headers = @Header(name = "ETag",
            description = ETAG, schema = @Schema(type = SchemaType.STRING, maxLength = 64)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PayerTermsView.class), examples = @ExampleObject(name = "terms", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such payer, or a practice outside the token's practices")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag; nothing was changed")
    public Response put(@PathParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
                        @PathParam("payerId") @Parameter(example = "AETNA", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String payerId,
                        @HeaderParam("If-Match") @Parameter(description = "ETag from GET; the change is refused with 412 "
                                + "when the terms changed since", example = "\"5d41402abc4b2a76b9719d911017c592\"",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                        @Valid @NotNull PayerTermsUpdate body) {
        PayerTermsService.Saved saved = terms.put(practiceId, payerId, body, ifMatch);
        Response.ResponseBuilder response = saved.created()
                ? Response.status(201).location(URI.create("/api/v1/practices/" + practiceId + "/payer-terms/" + payerId))
                : Response.ok();
        return response.entity(saved.terms()).tag(PayerTermsService.etag(saved.terms())).build();
    }
}
