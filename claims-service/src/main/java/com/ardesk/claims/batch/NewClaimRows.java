package com.ardesk.claims.batch;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimLine;
import com.ardesk.kit.jdbc.TextArrayColumns;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the new claims of a bulk push in two statements, claims then lines, each column sent as
 * one array ({@link TextArrayColumns}) and unnested by PostgreSQL: hundreds of claims cost about
 * what a raw multi-row insert costs. {@code on conflict do nothing} probes the natural-key index itself, so no lookup comes
 * first and a claim that exists (or was pushed meanwhile by someone else) is reported as not
 * inserted; the caller then treats it as an update. Runs in the caller's transaction, on the
 * connection Hibernate uses.
 */
@ApplicationScoped
public class NewClaimRows {
    private static final String CLAIMS = """
            insert into claim (claim_id, practice_id, external_claim_id, payer_id, provider_npi, patient_account_number,
              patient_first_name, patient_last_name, patient_date_of_birth, service_date_from, service_date_to,
              submitted_on, status, billed_amount, paid_amount, adjustment_amount, patient_responsibility,
              written_off_amount, balance, payer_claim_control_number, content_hash, created_at, updated_at, version)
            select c.*, 0 from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as date[]),
              cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as text[]), cast(? as numeric[]),
              cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]),
              cast(? as numeric[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]),
              cast(? as timestamptz[])) as c
            on conflict (practice_id, external_claim_id) do nothing
            returning claim_id""";
    private static final String LINES = """
            insert into claim_line (line_id, claim_id, line_number, procedure_code, modifiers, units, charge_amount,
              diagnosis_codes)
            select * from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as int[]), cast(? as text[]),
              cast(? as text[]), cast(? as int[]), cast(? as numeric[]), cast(? as text[]))""";

    private final AgroalDataSource dataSource;

    public NewClaimRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the claims that do not exist yet, with their lines; answers, per claim, whether it was inserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertAbsent(List<Claim> claims) {
        boolean[] inserted = new boolean[claims.size()];
        if (claims.isEmpty()) {
            return inserted;
        }
        try (Connection c = dataSource.getConnection()) {
            Set<UUID> stored = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(CLAIMS)) {
                TextArrayColumns<Claim> columns = new TextArrayColumns<>(c, s, claims);
                columns.add(claim -> claim.claimId);
                columns.add(claim -> claim.practiceId);
                columns.add(claim -> claim.externalClaimId);
                columns.add(claim -> claim.payerId);
                columns.add(claim -> claim.providerNpi);
                columns.add(claim -> claim.patientAccountNumber);
                columns.add(claim -> claim.patientFirstName);
                columns.add(claim -> claim.patientLastName);
                columns.add(claim -> claim.patientDateOfBirth);
                columns.add(claim -> claim.serviceDateFrom);
                columns.add(claim -> claim.serviceDateTo);
                columns.add(claim -> claim.submittedOn);
                columns.add(claim -> claim.status.name());
                columns.add(claim -> claim.billedAmount);
                columns.add(claim -> claim.paidAmount);
                columns.add(claim -> claim.adjustmentAmount);
                columns.add(claim -> claim.patientResponsibility);
                columns.add(claim -> claim.writtenOffAmount);
                columns.add(claim -> claim.balance);
                columns.add(claim -> claim.payerClaimControlNumber);
                columns.add(claim -> claim.contentHash);
                columns.add(claim -> claim.createdAt);
                columns.add(claim -> claim.updatedAt);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<ClaimLine> lines = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                inserted[i] = stored.contains(claims.get(i).claimId);
                if (inserted[i]) {
                    lines.addAll(claims.get(i).lines);
                }
            }
            if (!lines.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(LINES)) {
                    TextArrayColumns<ClaimLine> columns = new TextArrayColumns<>(c, s, lines);
                    columns.add(line -> line.lineId);
                    columns.add(line -> line.claim.claimId);
                    columns.add(line -> line.lineNumber);
                    columns.add(line -> line.procedureCode);
                    columns.add(line -> line.modifiers);
                    columns.add(line -> line.units);
                    columns.add(line -> line.chargeAmount);
                    columns.add(line -> line.diagnosisCodes);
                    s.executeUpdate();
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + claims.size() + " new claims", e);
        }
    }
}
