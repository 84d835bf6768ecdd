package com.ardesk.followup.worklist;

import com.ardesk.followup.prep.PrepPacket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The task leased to the caller, until when, and everything needed to make the call. */
@Schema(description = "The next task, leased to the caller until leaseUntil, with its call-preparation packet.")
public record NextCall(WorklistItem task,
                       @Schema(example = "2026-11-23T15:30:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant leaseUntil,
                       PrepPacket prep) {
}
