package com.ardesk.claims.status;

import com.ardesk.claims.x12.X12Exception;
import com.ardesk.claims.x12.X12Reader;
import com.ardesk.claims.x12.X12Segment;
import com.ardesk.claims.x12.X12Values;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claim-level statuses of 277 transactions: 277CA claim acknowledgments (005010X214) and
 * 277 claim status responses (005010X212). A claim-level status starts at its TRN*2 (the claim's
 * trace: CLM01 in a 277CA, the 276 inquiry's trace in a 277) and carries its STC segments and the
 * payer's claim number (REF*1K); STCs after an SVC are service-line statuses and are left out.
 */
public final class Status277 {
    /** One STC: STC01 category:status[:entity], STC02 date, STC03 action code, STC04 amount. */
    public record Stc(String composite, String category, String status, LocalDate date, String actionCode, BigDecimal amount) {
    }

    /** One claim's statuses; {@code position} is its TRN segment's position in the file. */
    public record ClaimStatus(int position, String payerName, String trace, String payerClaimControlNumber,
                              String patientAccountNumber, List<Stc> statuses) {
    }

    /** The file's claim-level statuses in order, and what was accepted although not standard. */
    public record Read(List<ClaimStatus> claims, List<String> warnings) {
    }

    private Status277() {
    }

    /** @throws X12Exception naming the segment, for input that is not a readable 277 */
    public static Read read(InputStream in) {
        List<ClaimStatus> claims = new ArrayList<>();
        State state = new State();
        List<String> warnings = X12Reader.read(in, s -> {
            switch (s.tag()) {
                case "ST" -> {
                    if (!"277".equals(s.element(1))) {
                        throw X12Exception.unreadable(s.position(), "ST01", "transaction set " + s.element(1) + " is not a 277");
                    }
                    state.close(claims);
                    state.inTransaction = true;
                }
                case "SE" -> {
                    state.close(claims);
                    state.inTransaction = false;
                }
                case "HL" -> state.close(claims);
                case "NM1" -> {
                    if ("PR".equals(s.element(1))) {
                        state.payerName = s.element(3);
                    }
                }
                case "TRN" -> {
                    state.close(claims);
                    if ("2".equals(s.element(1))) {
                        state.open(s);
                    }
                }
                case "STC" -> {
                    if (state.claim != null && !state.inService) {
                        state.statuses.add(stc(s));
                    }
                }
                case "REF" -> {
                    if (state.claim != null && !state.inService) {
                        switch (s.element(1)) {
                            case "1K" -> state.payerClaimControlNumber = s.element(2);
                            case "EJ" -> state.patientAccountNumber = s.element(2);
                            default -> {
                                // other references (BLT, D9 ...) identify nothing the claim is matched by
                            }
                        }
                    }
                }
                case "SVC" -> state.inService = true;
                default -> {
                    // BHT, DTP, QTY, AMT, PER ...: nothing the status needs
                }
            }
        });
        if (!state.sawTransaction) {
            throw X12Exception.unreadable(0, null, "the interchange holds no 277 transaction (ST*277)");
        }
        return new Read(List.copyOf(claims), warnings);
    }

    private static Stc stc(X12Segment s) {
        String composite = s.element(1);
        String[] parts = composite.split(":", -1);
        if (parts[0].isEmpty()) {
            throw X12Exception.unreadable(s.position(), "STC01", "the claim status category code is empty");
        }
        LocalDate date = X12Values.date(s.element(2));
        BigDecimal amount = s.element(4).isEmpty() ? null : X12Values.amount(s, 4);
        return new Stc(composite, parts[0], parts.length > 1 ? parts[1] : "", date, s.element(3), amount);
    }

    private static final class State {
        boolean inTransaction;
        boolean sawTransaction;
        boolean inService;
        String payerName = "";
        X12Segment claim;
        String payerClaimControlNumber;
        String patientAccountNumber;
        List<Stc> statuses;

        void open(X12Segment trn) {
            if (trn.element(2).isEmpty()) {
                throw X12Exception.unreadable(trn.position(), "TRN02", "the claim's trace number is empty");
            }
            claim = trn;
            sawTransaction = true;
            inService = false;
            payerClaimControlNumber = null;
            patientAccountNumber = null;
            statuses = new ArrayList<>();
        }

        void close(List<ClaimStatus> claims) {
            if (inTransaction) {
                sawTransaction = true;
            }
            if (claim != null && !statuses.isEmpty()) {
                claims.add(new ClaimStatus(claim.position(), payerName, claim.element(2), payerClaimControlNumber,
                        patientAccountNumber, List.copyOf(statuses)));
            }
            claim = null;
            inService = false;
        }
    }
}
