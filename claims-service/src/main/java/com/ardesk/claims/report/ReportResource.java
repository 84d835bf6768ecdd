package com.ardesk.claims.report;

import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.openapi.ApiSchemas;
import com.ardesk.kit.problem.ProblemException;
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

import java.util.Locale;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "AR reports", description = "AR aging and revenue-cycle KPIs, computed in the database")
@SecurityRequirement(name = "jwt")
public class ReportResource {
    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/ar-aging")
    @RolesAllowed({"caller", "supervisor", "admin"})
    @Operation(summary = "AR aging", description = "Open AR (balance > 0, not written off or closed): totals and counts "
            + "by bucket, and by payer x bucket. basis: FIRST_BILLED (default) or SERVICE_DATE.")
    @APIResponse(responseCode = "200", description = "The aging report")
    @APIResponse(responseCode = "400", description = "Missing practiceId or invalid basis/asOf")
    @APIResponse(responseCode = "404", description = "The practice is not in the caller's token")
    public ReportViews.ArAging arAging(@QueryParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
                                       @QueryParam("basis") @Parameter(description = "FIRST_BILLED or SERVICE_DATE, any case",
                                               example = "FIRST_BILLED", schema = @Schema(type = SchemaType.STRING, maxLength = 12)) String basis,
                                       @QueryParam("asOf") @Parameter(example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String asOf) {
        AgingBasis b;
        try {
            b = basis == null ? AgingBasis.FIRST_BILLED : AgingBasis.valueOf(basis.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("basis", "must be FIRST_BILLED or SERVICE_DATE");
        }
        return reports.arAging(practiceId, b, Params.date("asOf", asOf));
    }

    @GET
    @Path("/kpis")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Revenue-cycle KPIs", description = "Days in AR (last 90 days' charges), % AR over 90 days, "
            + "denial rate by count and dollars, by category and by payer, net collection rate. Period defaults "
            + "to the last 90 days.")
    @APIResponse(responseCode = "200", description = "The KPIs")
    @APIResponse(responseCode = "400", description = "Missing practiceId or invalid dates")
    @APIResponse(responseCode = "404", description = "The practice is not in the caller's token")
    public ReportViews.Kpis kpis(@QueryParam("practiceId") @Parameter(example = "P100", schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN)) String practiceId,
                                 @QueryParam("from") @Parameter(example = "2026-08-26", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String from,
                                 @QueryParam("to") @Parameter(example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String to) {
        return reports.kpis(practiceId, Params.date("from", from), Params.date("to", to));
    }
}
