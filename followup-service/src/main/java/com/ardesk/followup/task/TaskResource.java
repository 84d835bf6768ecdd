package com.ardesk.followup.task;

import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Idempotency;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Follow-up tasks: list, create by hand, and work them (complete, snooze, assign, cancel). */
@Path("/api/v1/followups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Follow-up tasks on claims, created by rules from events or by hand")
@SecurityRequirement(name = "jwt")
public class TaskResource {
    private final TaskService tasks;
    private final Idempotency idempotency;
    private final Tenancy tenancy;

    public TaskResource(TaskService tasks, Idempotency idempotency, Tenancy tenancy) {
        this.tasks = tasks;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "admin", "integration"})
    @Operation(summary = "List tasks", description = "Tasks of the token's practices ordered by dueOn; every filter is "
            + "optional. status absent = any status. A claimId of another practice answers like an unknown one: "
            + "an empty page.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    @APIResponse(responseCode = "400", description = "A filter is malformed; errors[] names it")
    public Page<TaskView> list(
            @QueryParam("claimId") @Parameter(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String claimId,
            @QueryParam("status") @Parameter(description = "OPEN, SNOOZED, DONE or CANCELLED", example = "OPEN",
                    schema = @Schema(implementation = TaskStatus.class)) String status,
            @QueryParam("assignee") @Parameter(example = "caller-7",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 128)) String assignee,
            @QueryParam("dueBefore") @Parameter(description = "Due on or before this day", example = "2026-11-30",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String dueBefore,
            @QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500")) Integer limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) String cursor) {
        return tasks.list(claimId, status, assignee, dueBefore, limit, cursor);
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({"caller", "supervisor", "admin", "integration"})
    @Operation(summary = "Get one task", description = "The ETag is the task's version, for If-Match on its actions.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", description = "No such task in the token's practices")
    public Response get(@PathParam("taskId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String taskId) {
        return withTag(Response.ok(), tasks.get(taskId));
    }

    @POST
    @RolesAllowed({"caller", "supervisor", "admin", "integration"})
    @Operation(summary = "Create a task", description = "Creates a task on a claim the read model knows. A claim has at "
            + "most one open task per type. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created (or the replay of an earlier request with the same key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "A caller assigning the task to someone else")
    @APIResponse(responseCode = "404", description = "Unknown claim, or one of another practice")
    @APIResponse(responseCode = "409", description = "The claim already has an open task of that type")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response create(@HeaderParam("Idempotency-Key") @Parameter(description = "Client-chosen key, 1-200 printable characters",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]{1,200}$"))
                           String idempotencyKey,
                           @Valid @NotNull TaskRequests.NewTask body) {
        return idempotency.execute(idempotencyKey, tenancy.user(), "POST", "/api/v1/followups", body, () -> {
            TaskView task = tasks.create(body);
            return withTag(Response.status(201).location(URI.create("/api/v1/followups/" + task.taskId())), task);
        });
    }

    @POST
    @Path("/{taskId}/complete")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Complete a task", description = "OPEN or SNOOZED → DONE; frees its lease.")
    @APIResponse(responseCode = "200", description = "The completed task")
    @APIResponse(responseCode = "403", description = "A caller completing a task assigned to someone else")
    @APIResponse(responseCode = "404", description = "No such task in the token's practices")
    @APIResponse(responseCode = "409", description = "The task is already DONE or CANCELLED")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    public Response complete(@PathParam("taskId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String taskId,
                             @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                             @Valid TaskRequests.Complete body) {
        return withTag(Response.ok(), tasks.complete(taskId, body, ifMatch));
    }

    @POST
    @Path("/{taskId}/snooze")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "Snooze a task", description = "SNOOZED until a later day, with a reason; the scheduler makes it "
            + "OPEN again that day.")
    @APIResponse(responseCode = "200", description = "The snoozed task")
    @APIResponse(responseCode = "400", description = "until missing or not after today, or reason missing")
    @APIResponse(responseCode = "404", description = "No such task in the token's practices")
    @APIResponse(responseCode = "409", description = "The task is already DONE or CANCELLED")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    public Response snooze(@PathParam("taskId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String taskId,
                           @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @Valid @NotNull TaskRequests.Snooze body) {
        return withTag(Response.ok(), tasks.snooze(taskId, body, ifMatch));
    }

    @POST
    @Path("/{taskId}/assign")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Assign or reassign a task", description = "Supervisors only. A null assignee returns the task "
            + "to the practice's shared worklist.")
    @APIResponse(responseCode = "200", description = "The task with its new assignee")
    @APIResponse(responseCode = "403", description = "Not a supervisor")
    @APIResponse(responseCode = "404", description = "No such task in the token's practices")
    @APIResponse(responseCode = "409", description = "The task is already DONE or CANCELLED")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    public Response assign(@PathParam("taskId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String taskId,
                           @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @Valid @NotNull TaskRequests.Assign body) {
        return withTag(Response.ok(), tasks.assign(taskId, body, ifMatch));
    }

    @POST
    @Path("/{taskId}/cancel")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Cancel a task", description = "Supervisors only; the reason is kept on the task.")
    @APIResponse(responseCode = "200", description = "The cancelled task")
    @APIResponse(responseCode = "400", description = "reason missing")
    @APIResponse(responseCode = "403", description = "Not a supervisor")
    @APIResponse(responseCode = "404", description = "No such task in the token's practices")
    @APIResponse(responseCode = "409", description = "The task is already DONE or CANCELLED")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    public Response cancel(@PathParam("taskId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) String taskId,
                           @HeaderParam("If-Match") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String ifMatch,
                           @Valid @NotNull TaskRequests.Cancel body) {
        return withTag(Response.ok(), tasks.cancel(taskId, body, ifMatch));
    }

    private static Response withTag(Response.ResponseBuilder response, TaskView task) {
        return response.entity(task).tag(String.valueOf(task.version())).build();
    }
}
