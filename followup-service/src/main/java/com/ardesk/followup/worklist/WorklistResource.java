package com.ardesk.followup.worklist;

import com.ardesk.followup.rules.TaskType;
import com.ardesk.kit.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prioritized worklists and the power dialer's "next call". */
@Path("/api/v1/worklists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worklists", description = "Open follow-up tasks in priority order, each with the reasons for its rank")
@SecurityRequirement(name = "jwt")
public class WorklistResource {
    private final WorklistService worklists;

    public WorklistResource(WorklistService worklists) {
        this.worklists = worklists;
    }

    @GET
    @Path("/me")
    @RolesAllowed({"caller", "supervisor"})
    @Operation(summary = "My worklist", description = "The token user's open tasks due today or earlier, plus unassigned "
            + "ones of their practices, highest priority first. Tasks leased to another caller are left out.")
    @APIResponse(responseCode = "200", description = "A page of worklist items")
    @APIResponse(responseCode = "400", description = "limit out of range or a foreign cursor")
    public Page<WorklistItem> mine(@QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return worklists.mine(limit, cursor);
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Search worklists", description = "Supervisors: open tasks due on or before dueBefore (default "
            + "today) in priority order, by assignee, practice, payer and type.")
    @APIResponse(responseCode = "200", description = "A page of worklist items")
    @APIResponse(responseCode = "400", description = "A filter is malformed; errors[] names it")
    @APIResponse(responseCode = "403", description = "Not a supervisor")
    @APIResponse(responseCode = "404", description = "practiceId is not one of the token's practices")
    public Page<WorklistItem> search(@QueryParam("assignee") @Parameter(example = "caller-7",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 128)) String assignee,
                                     @QueryParam("practiceId") @Parameter(example = "P100",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String practiceId,
                                     @QueryParam("payerId") @Parameter(example = "AETNA",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String payerId,
                                     @QueryParam("type") @Parameter(example = "DENIAL", schema = @Schema(implementation = TaskType.class))
                                     String type,
                                     @QueryParam("dueBefore") @Parameter(example = "2026-11-30",
                                         schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String dueBefore,
                                     @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
                                     @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return worklists.search(assignee, practiceId, payerId, type, dueBefore, limit, cursor);
    }

    @POST
    @Path("/me/next")
    @RolesAllowed({"caller", "supervisor"})
    @Operation(summary = "Lease the next call", description = "Reserves the highest-priority free task for the caller "
            + "for the configured minutes (ardesk.worklist.lease-minutes) and returns it with its call-preparation packet. "
            + "The caller's previous lease is released. The lease ends by itself, or when a call on the claim is logged "
            + "or the task is completed.")
    @APIResponse(responseCode = "200", description = "The leased task and its prep packet")
    @APIResponse(responseCode = "204", description = "Nothing to call now")
    public Response next() {
        return worklists.next().map(n -> Response.ok(n).build()).orElseGet(() -> Response.noContent().build());
    }
}
