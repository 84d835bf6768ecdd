package com.ardesk.claims.remit;

import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

@Path("/api/v1/remittances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remittances", description = "X12 835 payment/advice files posted to claims")
@SecurityRequirement(name = "jwt")
public class RemittanceResource {
    private final RemittanceService remittances;

    public RemittanceResource(RemittanceService remittances) {
        this.remittances = remittances;
    }

    @POST
    @Consumes({"application/edi-x12", "application/x12", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({"integration", "admin", "supervisor"})
    @Operation(summary = "Post an 835 file", description = "Posts each claim payment (CLP) with its CAS adjustments, "
            + "records denials (CLP02=4, or denial CARCs on a paid claim), applies reversals (CLP02=22), keeps PLB "
            + "provider adjustments apart. Claims are matched by CLP01 within the caller's practices (or ?practiceId=). "
            + "A replay of the same file changes nothing and answers 200 with replayed=true.")
    @RequestBody(content = @Content(mediaType = "application/edi-x12", schema = @Schema(type = SchemaType.STRING, maxLength = 10485760,
            description = "The 835 interchange; the 10 MiB body limit bounds it", example = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261120*1200*^*00501*000000001*0*P*:~GS*HP*...~ST*835*0001~...")))
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RemittancePosting.class)))
    @APIResponse(responseCode = "200", description = "Already posted: nothing changed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RemittancePosting.class)))
    @APIResponse(responseCode = "400", description = "Not a readable 835 (bad SE count, control number mismatch, truncated "
            + "file ...) or several practices could be meant; the problem names segment position, element and reason")
    @APIResponse(responseCode = "422", description = "An amount numeric(14,2) cannot hold exactly; the problem names the segment")
    @APIResponse(responseCode = "404", description = "practiceId is not in the caller's token")
    public Response post(@QueryParam("practiceId") @Parameter(description = "Match claims in this practice only", example = "P100",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
                         String practiceId, InputStream body) {
        RemittancePosting posting = remittances.post(body, practiceId);
        return Response.status(posting.replayed() ? 200 : 201).entity(posting).build();
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List remittances", description = "Remittances of the caller's practices, newest first.")
    @APIResponse(responseCode = "200", description = "A page of remittances")
    @APIResponse(responseCode = "400", description = "limit is outside 1-500 or cursor is not one this API issued")
    public Page<RemittanceView> list(@QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                             schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500", defaultValue = "50")) Integer limit,
                                     @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                             schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "^[A-Za-z0-9_-]*$")) String cursor) {
        return remittances.list(limit, cursor);
    }

    @GET
    @Path("/{remittanceId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get a remittance", description = "The payment, each claim's posting result and PLB adjustments.")
    @APIResponse(responseCode = "200", description = "The remittance")
    @APIResponse(responseCode = "404", description = "No such remittance, or another practice's")
    public RemittanceView get(@PathParam("remittanceId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String remittanceId) {
        try {
            return remittances.get(UUID.fromString(remittanceId));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("remittance", remittanceId);
        }
    }
}
