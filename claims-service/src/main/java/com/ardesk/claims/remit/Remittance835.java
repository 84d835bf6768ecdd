package com.ardesk.claims.remit;

import com.ardesk.claims.x12.X12Exception;
import com.ardesk.claims.x12.X12Reader;
import com.ardesk.claims.x12.X12Segment;
import com.ardesk.claims.x12.X12Values;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads 835 health care claim payment/advice transactions (005010X221A1) into plain records: the
 * payment (BPR), its trace (TRN), the payer (N1*PR), each claim paid (CLP) with its adjustments
 * (CAS at claim and at service level), its patient (NM1*QC) and provider-level adjustments (PLB).
 * Segments the posting does not need are skipped, so payer-specific extras do not break the read.
 * <p>
 * Each transaction carries a hash of its CLP/CAS/PLB segments (elements trimmed, delimiters and
 * line breaks normalized): the same payment re-sent in a new envelope or with other line breaks
 * hashes the same.
 */
public final class Remittance835 {
    /** One CAS adjustment triplet. */
    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    /** One CLP loop; {@code position} is the CLP segment's position in the file. */
    public record ClaimPayment(int position, String patientControlNumber, String statusCode, BigDecimal charge,
                               BigDecimal paid, BigDecimal patientResponsibility, String payerClaimControlNumber,
                               String patientName, List<Adjustment> adjustments) {
    }

    /** One PLB adjustment: not tied to a claim, kept as it is. Positive reduces the payment. */
    public record ProviderAdjustment(String providerId, LocalDate fiscalPeriod, String reasonCode, String reference,
                                     BigDecimal amount) {
    }

    /**
     * One ST/SE transaction: one payment to one payee. {@code claims} is empty when the file was
     * {@link #stream streamed}; {@code claimCount} and {@code claimsPaid} (Σ CLP04) hold either way.
     */
    public record Transaction(int position, String payerName, String payerIdentifier, String traceNumber,
                              String paymentMethod, BigDecimal paymentAmount, LocalDate paymentDate,
                              List<ClaimPayment> claims, List<ProviderAdjustment> providerAdjustments,
                              String contentHash, List<String> warnings, int claimCount, BigDecimal claimsPaid) {
    }

    /** Receives each CLP of a streamed file as soon as its loop ends, with the index of its transaction. */
    @FunctionalInterface
    public interface ClaimSink {
        void claim(int transaction, ClaimPayment claim);
    }

    /** The file: its transactions in order and what was accepted although not standard. */
    public record Read(List<Transaction> transactions, List<String> warnings) {
    }

    private Remittance835() {
    }

    /** @throws X12Exception naming the segment, for input that is not a readable 835 */
    public static Read read(InputStream in) {
        return read(in, null);
    }

    /**
     * Reads the whole file, handing each CLP to {@code sink} instead of keeping it: memory stays
     * bounded by one transaction's header and PLBs, whatever the number of claims.
     *
     * @throws X12Exception naming the segment, for input that is not a readable 835
     */
    public static Read stream(InputStream in, ClaimSink sink) {
        return read(in, sink);
    }

    private static Read read(InputStream in, ClaimSink sink) {
        List<Transaction> transactions = new ArrayList<>();
        Builder[] current = {null};
        List<String> warnings = X12Reader.read(in, s -> {
            switch (s.tag()) {
                case "ISA", "GS", "GE", "IEA" -> {
                    // envelopes: X12Reader has checked them
                }
                case "ST" -> {
                    if (!"835".equals(s.element(1))) {
                        throw X12Exception.unreadable(s.position(), "ST01", "transaction set " + s.element(1) + " is not an 835");
                    }
                    int index = transactions.size();
                    current[0] = new Builder(s.position(), sink == null ? null : cp -> sink.claim(index, cp));
                }
                case "SE" -> {
                    transactions.add(need(current[0], s).build(s));
                    current[0] = null;
                }
                default -> need(current[0], s).segment(s);
            }
        });
        if (transactions.isEmpty()) {
            throw X12Exception.unreadable(0, null, "the interchange holds no 835 transaction (ST*835)");
        }
        return new Read(List.copyOf(transactions), warnings);
    }

    private static Builder need(Builder b, X12Segment s) {
        if (b == null) {
            throw X12Exception.unreadable(s.position(), s.tag(), "is outside an ST*835 transaction");
        }
        return b;
    }

    private static final class Builder {
        final int position;
        final MessageDigest content = sha256();
        final List<String> warnings = new ArrayList<>();
        final List<ClaimPayment> claims = new ArrayList<>();
        final Consumer<ClaimPayment> handOut;
        final List<ProviderAdjustment> plb = new ArrayList<>();
        int claimCount;
        BigDecimal claimsPaid = BigDecimal.ZERO;
        String payerName = "";
        String payerIdentifier = "";
        String traceNumber = "";
        String paymentMethod = "";
        BigDecimal paymentAmount = BigDecimal.ZERO.setScale(2);
        LocalDate paymentDate;
        X12Segment clp;
        String patientName;
        List<Adjustment> adjustments;

        Builder(int position, Consumer<ClaimPayment> handOut) {
            this.position = position;
            this.handOut = handOut;
        }

        void segment(X12Segment s) {
            switch (s.tag()) {
                case "BPR" -> bpr(s);
                case "TRN" -> traceNumber = s.element(2);
                case "N1" -> {
                    if ("PR".equals(s.element(1))) {
                        payerName = s.element(2);
                        if (!s.element(4).isEmpty()) {
                            payerIdentifier = s.element(4);
                        }
                    }
                }
                // REF*2U in the payer loop: the payer's identification number
                case "REF" -> {
                    if (clp == null && "2U".equals(s.element(1))) {
                        payerIdentifier = s.element(2);
                    }
                }
                case "CLP" -> {
                    hash(s);
                    endClaim();
                    if (s.element(1).isEmpty()) {
                        throw X12Exception.unreadable(s.position(), "CLP01", "the patient control number is empty");
                    }
                    clp = s;
                    patientName = null;
                    adjustments = new ArrayList<>();
                }
                case "NM1" -> {
                    if (clp != null && "QC".equals(s.element(1))) {
                        patientName = (s.element(3) + "," + s.element(4)).toUpperCase();
                    }
                }
                case "CAS" -> {
                    hash(s);
                    if (clp != null) {
                        cas(s);
                    }
                }
                case "PLB" -> {
                    hash(s);
                    endClaim();
                    plb(s);
                }
                default -> {
                    // SVC, DTM, AMT, QTY, LQ ... carry nothing the posting needs
                }
            }
        }

        void bpr(X12Segment s) {
            paymentAmount = X12Values.amount(s, 2);
            paymentMethod = s.element(4);
            paymentDate = X12Values.date(s.element(16));
            if (paymentDate == null && !s.element(16).isEmpty()) {
                warnings.add("segment " + s.position() + " BPR16: '" + s.element(16)
                        + "' is not a CCYYMMDD date; the payment is dated the day it is posted");
            }
        }

        void cas(X12Segment s) {
            String group = s.element(1);
            // CAS02..CAS19: up to six (reason, amount, quantity) triplets
            for (int i = 2; i <= 17; i += 3) {
                if (!s.element(i).isEmpty()) {
                    adjustments.add(new Adjustment(group, s.element(i), X12Values.amount(s, i + 1)));
                }
            }
        }

        void plb(X12Segment s) {
            String provider = s.element(1);
            LocalDate period = X12Values.date(s.element(2));
            // PLB03..PLB14: up to six (reason:reference, amount) pairs
            for (int i = 3; i <= 13; i += 2) {
                String composite = s.element(i);
                if (composite.isEmpty()) {
                    continue;
                }
                String[] parts = composite.split(":", 2);
                plb.add(new ProviderAdjustment(provider, period, parts[0], parts.length > 1 ? parts[1] : null,
                        X12Values.amount(s, i + 1)));
            }
        }

        void endClaim() {
            if (clp == null) {
                return;
            }
            ClaimPayment claim = new ClaimPayment(clp.position(), clp.element(1), clp.element(2), X12Values.amount(clp, 3),
                    X12Values.amount(clp, 4), X12Values.amount(clp, 5), clp.element(7).isEmpty() ? null : clp.element(7),
                    patientName, List.copyOf(adjustments));
            claimCount++;
            claimsPaid = claimsPaid.add(claim.paid());
            if (handOut == null) {
                claims.add(claim);
            } else {
                handOut.accept(claim);
            }
            clp = null;
        }

        void hash(X12Segment s) {
            StringBuilder canonical = new StringBuilder(s.tag());
            List<String> elements = s.elements();
            int last = elements.size();
            while (last > 0 && elements.get(last - 1).isBlank()) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                canonical.append('|').append(elements.get(i).trim());
            }
            content.update(canonical.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        Transaction build(X12Segment se) {
            endClaim();
            if (traceNumber.isEmpty()) {
                throw X12Exception.unreadable(se.position(), "TRN02", "the transaction that ends here has no TRN trace number");
            }
            if (payerName.isEmpty() && payerIdentifier.isEmpty()) {
                throw X12Exception.unreadable(se.position(), "N1", "the transaction that ends here names no payer (N1*PR)");
            }
            return new Transaction(position, payerName, payerIdentifier.isEmpty() ? payerName : payerIdentifier, traceNumber,
                    paymentMethod, paymentAmount, paymentDate, List.copyOf(claims), List.copyOf(plb),
                    HexFormat.of().formatHex(content.digest()), List.copyOf(warnings), claimCount, claimsPaid);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
