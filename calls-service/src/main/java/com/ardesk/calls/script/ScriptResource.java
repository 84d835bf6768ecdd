package com.ardesk.calls.script;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
import com.ardesk.kit.web.Params;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Call scripts as data, and the script that fits a claim. */
@Path("/api/v1/call-scripts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call scripts", description = "What to say on a call, by situation, with objections and rebuttals")
@SecurityRequirement(name = "jwt")
public class ScriptResource {
    private final ScriptService scripts;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public ScriptResource(ScriptService scripts, Idempotency idempotency, Tenancy tenancy) {
        this.scripts = scripts;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List call scripts", description = "The billing-company defaults and the token's practices' "
            + "own scripts, by name.")
    @APIResponse(responseCode = "200", description = "A page of scripts")
    public Page<ScriptView> list(@QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return scripts.list(limit, cursor);
    }

    @GET
    @Path("/match")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Script for a claim", description = "The most specific script whose appliesTo fits the "
            + "claim (payer, denial category, last call outcome, claim status), with why it was chosen.")
    @APIResponse(responseCode = "200", description = "The best script")
    @APIResponse(responseCode = "400", description = "claimId missing or not a UUID")
    @APIResponse(responseCode = "404", description = "Unknown claim, a claim outside the token's practices, or no script fits")
    public ScriptMatchView match(@QueryParam("claimId") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId) {
        if (claimId == null || claimId.isBlank()) {
            throw ProblemException.validation("claimId", "is required");
        }
        return scripts.match(Params.uuid("claimId", claimId));
    }

    @GET
    @Path("/{scriptId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get one call script", description = "The ETag is for If-Match on PUT and DELETE.")
    @APIResponse(responseCode = "200", description = "The script")
    @APIResponse(responseCode = "404", description = "No such script, or another practice's")
    public Response get(@PathParam("scriptId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String scriptId) {
        ScriptView script = scripts.get(Params.uuid("scriptId", scriptId));
        return Response.ok(script).tag(String.valueOf(script.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Create a call script", description = "Without practiceId a billing-company default (admin "
            + "only); with it the practice's own script (its supervisor or admin), which beats a default that fits "
            + "equally well. Names are unique per owner. Idempotency-Key makes a retry safe. Emits CallScriptChanged.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @Schema(implementation = ScriptRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "practice script", value = """
                    {"practiceId":"P100","name":"Denial: coding (Aetna)","appliesTo":{"denialCategory":"CODING","payerId":"AETNA"},
                     "opening":"I'm calling about a claim denied for a coding issue.","objective":"Find the code to correct.",
                     "steps":["Ask which line and code caused the denial"],
                     "objections":[{"objection":"The code is inconsistent with the diagnosis.","rebuttal":"Which pointer do you need?"}]}""")))
    @APIResponse(responseCode = "201", description = "Script created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScriptView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "A default script written by someone who is not an admin")
    @APIResponse(responseCode = "404", description = "practiceId is outside the token's practices")
    @APIResponse(responseCode = "409", description = "A script with this name exists")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Client key making the POST safe to retry, "
                                   + "1-200 printable characters", schema = @Schema(type = SchemaType.STRING, maxLength = 200,
                                   pattern = "^[\\x21-\\x7E]{1,200}$"))
                           String idempotencyKey, @Context UriInfo uri, @Valid @NotNull ScriptRequest body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", uri.getPath(), body, () -> {
            ScriptView script = scripts.create(body);
            return Response.status(201).location(URI.create("/api/v1/call-scripts/" + script.scriptId()))
                    .tag(String.valueOf(script.version())).entity(script).build();
        });
    }

    @PUT
    @Path("/{scriptId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Replace a call script", description = "Defaults: admin only; a practice's script: its "
            + "supervisor or admin. practiceId cannot change. Emits CallScriptChanged.")
    @APIResponse(responseCode = "200", description = "Script updated")
    @APIResponse(responseCode = "400", description = "Invalid body, or a changed practiceId")
    @APIResponse(responseCode = "403", description = "A default script changed by someone who is not an admin")
    @APIResponse(responseCode = "404", description = "No such script, or another practice's")
    @APIResponse(responseCode = "409", description = "Another script has this name")
    @APIResponse(responseCode = "412", description = "If-Match does not match the script's ETag")
    public Response update(@PathParam("scriptId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String scriptId,
                           @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @Valid @NotNull ScriptRequest body) {
        ScriptView script = scripts.update(Params.uuid("scriptId", scriptId), body, ifMatch);
        return Response.ok(script).tag(String.valueOf(script.version())).build();
    }

    @DELETE
    @Path("/{scriptId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Delete a call script", description = "Same authority as PUT. Emits CallScriptChanged (deleted).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "A default script deleted by someone who is not an admin")
    @APIResponse(responseCode = "404", description = "No such script, or another practice's")
    @APIResponse(responseCode = "412", description = "If-Match does not match the script's ETag")
    public void delete(@PathParam("scriptId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String scriptId,
                       @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch) {
        scripts.delete(Params.uuid("scriptId", scriptId), ifMatch);
    }
}
