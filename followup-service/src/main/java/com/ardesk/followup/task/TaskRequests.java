package com.ardesk.followup.task;

import com.ardesk.followup.rules.TaskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the task endpoints. */
public final class TaskRequests {
    private TaskRequests() {
    }

    @Schema(description = "A task a person creates by hand. type defaults to MANUAL, dueOn to today.")
    public record NewTask(
            @NotNull @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10", implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
            @Schema(example = "MANUAL", defaultValue = "MANUAL") TaskType type,
            @Schema(example = "2026-11-25", implementation = String.class, format = "date", maxLength = 10) LocalDate dueOn,
            @Size(max = 128) @Schema(example = "caller-7") String assignee,
            @NotBlank @Size(max = 500) @Schema(example = "patient called: check the secondary payer") String reason) {
    }

    @Schema(description = "Completes a task; the note is kept as its close reason.")
    public record Complete(@Size(max = 500) @Schema(example = "status confirmed, payment issued") String note) {
    }

    @Schema(description = "Puts a task aside until a later day; it comes back OPEN, due that day.")
    public record Snooze(
            @NotNull @Schema(example = "2026-12-01", implementation = String.class, format = "date", maxLength = 10) LocalDate until,
            @NotBlank @Size(max = 500) @Schema(example = "payer system down until next week") String reason) {
    }

    @Schema(description = "Assigns the task to a caller; null assignee returns it to the practice's shared list.")
    public record Assign(@Size(max = 128) @Schema(example = "caller-7") String assignee) {
    }

    @Schema(description = "Cancels a task that needs no more work.")
    public record Cancel(@NotBlank @Size(max = 500) @Schema(example = "duplicate of a manual task") String reason) {
    }
}
