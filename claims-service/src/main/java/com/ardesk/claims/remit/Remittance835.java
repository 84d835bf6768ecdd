package com.ardesk.claims.remit;

import com.ardesk.claims.remit.X12Segments.Segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads 835 health care claim payment/advice transactions (005010X221A1) into plain records: the
 * payment (BPR), its trace (TRN), the payer (N1*PR), each claim paid (CLP) with its adjustments
 * (CAS at claim and at service level) and provider-level adjustments (PLB). Segments the posting
 * does not need are skipped, so payer-specific extras do not break the read.
 */
public final class Remittance835 {
    /** One CAS adjustment triplet. */
    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    /** One CLP loop. */
    public record ClaimPayment(String patientControlNumber, String statusCode, BigDecimal charge, BigDecimal paid,
                               BigDecimal patientResponsibility, String payerClaimControlNumber,
                               List<Adjustment> adjustments) {
    }

    /** One PLB adjustment: not tied to a claim, kept as it is. */
    public record ProviderAdjustment(String providerId, LocalDate fiscalPeriod, String reasonCode, String reference,
                                     BigDecimal amount) {
    }

    /** One ST/SE transaction: one payment to one payee. */
    public record Transaction(String payerName, String payerIdentifier, String traceNumber, String paymentMethod,
                              BigDecimal paymentAmount, LocalDate paymentDate, List<ClaimPayment> claims,
                              List<ProviderAdjustment> providerAdjustments) {
    }

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private Remittance835() {
    }

    /** @throws IllegalArgumentException naming the segment, for input that is not a readable 835 */
    public static List<Transaction> read(String text) {
        List<Segment> segments = X12Segments.parse(text);
        List<Transaction> transactions = new ArrayList<>();
        Builder current = null;
        ClaimBuilder claim = null;
        for (Segment s : segments) {
            try {
                switch (s.id()) {
                    case "ST" -> {
                        if (!"835".equals(s.element(1))) {
                            throw new IllegalArgumentException("transaction set " + s.element(1) + " is not an 835");
                        }
                        current = new Builder();
                        claim = null;
                    }
                    case "BPR" -> need(current, s).bpr(s);
                    case "TRN" -> need(current, s).traceNumber = s.element(2);
                    case "N1" -> {
                        Builder b = need(current, s);
                        if ("PR".equals(s.element(1))) {
                            b.payerName = s.element(2);
                            if (!s.element(4).isEmpty()) {
                                b.payerIdentifier = s.element(4);
                            }
                        }
                    }
                    case "REF" -> {
                        // REF*2U in the payer loop: the payer's identification number
                        if (current != null && claim == null && "2U".equals(s.element(1))) {
                            current.payerIdentifier = s.element(2);
                        }
                    }
                    case "CLP" -> {
                        Builder b = need(current, s);
                        claim = new ClaimBuilder(s);
                        b.claims.add(claim);
                    }
                    case "CAS" -> {
                        if (claim != null) {
                            claim.cas(s);
                        }
                    }
                    case "PLB" -> need(current, s).plb(s);
                    case "SE" -> {
                        transactions.add(need(current, s).build());
                        current = null;
                        claim = null;
                    }
                    default -> {
                        // SVC, DTM, NM1, AMT, QTY, LQ ... carry nothing the posting needs
                    }
                }
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("segment " + s.position() + " (" + s.id() + ") has an unreadable value: "
                        + e.getMessage());
            }
        }
        if (current != null) {
            throw new IllegalArgumentException("the last 835 transaction has no SE segment");
        }
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("the interchange holds no 835 transaction (ST*835)");
        }
        return transactions;
    }

    private static Builder need(Builder b, Segment s) {
        if (b == null) {
            throw new IllegalArgumentException("segment " + s.position() + " (" + s.id() + ") is outside an ST*835 transaction");
        }
        return b;
    }

    static BigDecimal amount(String value) {
        return value == null || value.isBlank() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.trim()).setScale(2,
                java.math.RoundingMode.HALF_UP);
    }

    private static final class Builder {
        String payerName = "";
        String payerIdentifier = "";
        String traceNumber = "";
        String paymentMethod = "";
        BigDecimal paymentAmount = BigDecimal.ZERO.setScale(2);
        LocalDate paymentDate;
        final List<ClaimBuilder> claims = new ArrayList<>();
        final List<ProviderAdjustment> plb = new ArrayList<>();

        void bpr(Segment s) {
            paymentAmount = amount(s.element(2));
            paymentMethod = s.element(4);
            if (!s.element(16).isEmpty()) {
                paymentDate = LocalDate.parse(s.element(16), CCYYMMDD);
            }
        }

        void plb(Segment s) {
            String provider = s.element(1);
            LocalDate period = s.element(2).isEmpty() ? null : LocalDate.parse(s.element(2), CCYYMMDD);
            // PLB03..PLB14: up to six (reason:reference, amount) pairs
            for (int i = 3; i + 1 < s.elements().size(); i += 2) {
                String composite = s.element(i);
                if (composite.isEmpty()) {
                    continue;
                }
                String[] parts = composite.split("[:^>]", 2);
                plb.add(new ProviderAdjustment(provider, period, parts[0], parts.length > 1 ? parts[1] : null,
                        amount(s.element(i + 1))));
            }
        }

        Transaction build() {
            if (traceNumber.isEmpty()) {
                throw new IllegalArgumentException("an 835 transaction has no TRN trace number");
            }
            return new Transaction(payerName, payerIdentifier.isEmpty() ? payerName : payerIdentifier, traceNumber,
                    paymentMethod, paymentAmount, paymentDate, claims.stream().map(ClaimBuilder::build).toList(),
                    List.copyOf(plb));
        }
    }

    private static final class ClaimBuilder {
        final Segment clp;
        final List<Adjustment> adjustments = new ArrayList<>();

        ClaimBuilder(Segment clp) {
            this.clp = clp;
        }

        void cas(Segment s) {
            String group = s.element(1);
            // CAS02..CAS19: up to six (reason, amount, quantity) triplets
            for (int i = 2; i + 1 < s.elements().size(); i += 3) {
                if (!s.element(i).isEmpty()) {
                    adjustments.add(new Adjustment(group, s.element(i), amount(s.element(i + 1))));
                }
            }
        }

        ClaimPayment build() {
            if (clp.element(1).isEmpty()) {
                throw new IllegalArgumentException("segment " + clp.position() + " (CLP) has no patient control number");
            }
            return new ClaimPayment(clp.element(1), clp.element(2), amount(clp.element(3)), amount(clp.element(4)),
                    amount(clp.element(5)), clp.element(7).isEmpty() ? null : clp.element(7), List.copyOf(adjustments));
        }
    }
}
