package com.ardesk.calls.report;

import com.ardesk.kit.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Call analytics for supervisors. */
@Path("/api/v1/reports/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Call analytics: productivity, outcomes, promises, review scores")
@SecurityRequirement(name = "jwt")
public class ReportResource {
    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Call analytics", description = "Calls, talk time, calls per talk hour, outcome mix, promises "
            + "made/kept/broken, promise-kept rate and average review score, by caller, payer, outcome or day, for "
            + "calls started between from and to (inclusive dates, UTC; default: the last 30 days). Without "
            + "practiceId: every practice in the token.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Bad dates, a period over 366 days, or an unknown groupBy")
    @APIResponse(responseCode = "404", description = "practiceId is not in the token")
    public CallReport calls(@QueryParam("practiceId") @Parameter(example = "P100",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String practiceId,
                            @QueryParam("from") @Parameter(example = "2026-03-01",
                                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String from,
                            @QueryParam("to") @Parameter(example = "2026-03-31",
                                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String to,
                            @QueryParam("groupBy") @Parameter(description = "caller, payer, outcome or day (any case)",
                                    example = "caller", schema = @Schema(type = SchemaType.STRING,
                                    enumeration = {"caller", "payer", "outcome", "day"})) String groupBy) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : Params.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : Params.date("from", from);
        GroupBy group = groupBy == null || groupBy.isBlank() ? GroupBy.CALLER
                : Params.enumValue("groupBy", groupBy.toUpperCase(Locale.ROOT), GroupBy.class);
        return reports.calls(Params.text(practiceId), start, end, group);
    }
}
