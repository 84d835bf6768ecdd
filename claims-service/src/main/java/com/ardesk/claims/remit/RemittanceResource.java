package com.ardesk.claims.remit;

import com.ardesk.claims.x12.X12Exception;
import com.ardesk.kit.openapi.ApiSchemas;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/remittances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remittances", description = "X12 835 payment/advice files posted to claims")
@SecurityRequirement(name = "jwt")
public class RemittanceResource {
    private final RemittanceService remittances;
    private final RemittanceJobs jobs;
    private final RemittanceRunner runner;
    private final RemittanceConfig config;

    public RemittanceResource(RemittanceService remittances, RemittanceJobs jobs, RemittanceRunner runner, RemittanceConfig config) {
        this.remittances = remittances;
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
    }

    @POST
    @Consumes({"application/edi-x12", "application/x12", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({"integration", "admin", "supervisor"})
    @Operation(summary = "Post an 835 file", description = "Posts each claim payment (CLP) with its CAS adjustments, "
            + "records denials (CLP02=4, or denial CARCs on a paid claim), applies reversals (CLP02=22), keeps PLB "
            + "provider adjustments apart. Claims are matched by CLP01 within the caller's practices (or ?practiceId=). "
            + "A replay of the same file changes nothing and answers 200 with replayed=true. The whole file is read and "
            + "checked before anything is stored, so an invalid file is a 400 whatever its size. A file of more CLPs than "
            + "the threshold (1,000 by default) is answered 202 with a Location and posted in the background, chunk by chunk; "
            + "GET the Location until its status is POSTED (processed/total say how far it is).")
    @RequestBody(content = @Content(mediaType = "application/edi-x12", schema = @Schema(type = SchemaType.STRING, maxLength = 536870912,
            description = "The 835 interchange, streamed to disk; up to 512 MiB by default (ARDESK_REMITTANCES_MAX_FILE_SIZE)", example = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261120*1200*^*00501*000000001*0*P*:~GS*HP*...~ST*835*0001~...")))
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RemittancePosting.class)))
    @APIResponse(responseCode = "202", description = "A file over the threshold, accepted: its remittances are RECEIVED and "
            + "posted in the background; their claims are listed on GET once POSTED",
            headers = @Header(name = "Location", description = "GET of the file's first remittance (status, processed, total)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048, example = "/api/v1/remittances/0b7f9a52-3c1e-4a8e-9d8a-2f0c6d1e5b47")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RemittancePosting.class)))
    @APIResponse(responseCode = "200", description = "Already posted or accepted: nothing changed. For a file over the threshold "
            + "the remittances are listed without their claims, and Location names the first",
            headers = @Header(name = "Location", description = "For a file over the threshold: GET of its first remittance",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RemittancePosting.class)))
    @APIResponse(responseCode = "400", description = "Not a readable 835 (bad SE count, control number mismatch, truncated "
            + "file ...) or several practices could be meant; the problem names segment position, element and reason")
    @APIResponse(responseCode = "422", description = "An amount numeric(14,2) cannot hold exactly; the problem names the segment")
    @APIResponse(responseCode = "404", description = "practiceId is not in the caller's token")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit (512 MiB by default)")
    public Response post(@QueryParam("practiceId") @Parameter(description = "Match claims in this practice only", example = "P100",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = ApiSchemas.ID_PATTERN))
                         String practiceId, InputStream body) {
        remittances.scope(practiceId);
        java.nio.file.Path file = spool(body);
        try {
            Remittance835.Read read;
            try (InputStream in = Files.newInputStream(file)) {
                // the first read checks the whole file and counts its CLPs, keeping none of them
                read = Remittance835.stream(in, (transaction, claim) -> { });
            } catch (X12Exception e) {
                throw e.toProblem("X12 835");
            }
            int claims = read.transactions().stream().mapToInt(Remittance835.Transaction::claimCount).sum();
            if (claims <= config.asyncThreshold()) {
                try (InputStream in = Files.newInputStream(file)) {
                    RemittancePosting posting = remittances.post(in, practiceId);
                    return Response.status(posting.replayed() ? 200 : 201).entity(posting).build();
                }
            }
            RemittancePosting posting = jobs.accept(file, read, practiceId);
            if (!posting.replayed()) {
                runner.wake();
            }
            return Response.status(posting.replayed() ? 200 : 202)
                    .location(URI.create("/api/v1/remittances/" + posting.remittances().get(0).remittanceId())).entity(posting).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /**
     * The body on disk, never in the heap, counted as it arrives: over the limit it is a 413
     * problem, whatever Content-Length said (a chunked body declares none).
     */
    private java.nio.file.Path spool(InputStream body) {
        long limit = config.maxFileSize().asLongValue();
        java.nio.file.Path file;
        try {
            file = config.spoolDirectory().isPresent()
                    ? Files.createTempFile(config.spoolDirectory().get(), "remittance-", ".835")
                    : Files.createTempFile("remittance-", ".835");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new ProblemException(413, "payload-too-large", "Content Too Large",
                            "the request body is larger than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                delete(file);
            }
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a spool file left behind is only disk; the next restart of the pod empties its temp directory
            file.toFile().deleteOnExit();
        }
    }

    @GET
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "List remittances", description = "Remittances of the caller's practices, newest first.")
    @APIResponse(responseCode = "200", description = "A page of remittances")
    @APIResponse(responseCode = "400", description = "limit is outside 1-500 or cursor is not one this API issued")
    public Page<RemittanceView> list(@QueryParam("limit") @Parameter(description = "Page size, 1-500", example = "50",
                                             schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500", defaultValue = "50")) Integer limit,
                                     @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page",
                                             schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = ApiSchemas.CURSOR_PATTERN)) String cursor) {
        return remittances.list(limit, cursor);
    }

    @GET
    @Path("/{remittanceId}")
    @RolesAllowed({"caller", "supervisor", "integration", "admin"})
    @Operation(summary = "Get a remittance", description = "The payment, its status and progress (processed/total CLPs), and "
            + "once POSTED (or FAILED) each claim's posting result, PLB adjustments and flags. Poll it after a 202 until "
            + "status is POSTED or FAILED.")
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
