package com.ardesk.claims.claim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprint of what the PM system sent, stored with the claim: an upsert whose fingerprint equals
 * the stored one changes nothing and emits no event.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** SHA-256 of the input's fields, amounts at cent scale, so "185" and "185.00" are the same claim. */
    public static String of(ClaimInput in) {
        StringBuilder b = new StringBuilder();
        b.append(in.payerId()).append('|').append(in.providerNpi()).append('|')
                .append(in.patient().accountNumber()).append('|').append(in.patient().firstName()).append('|')
                .append(in.patient().lastName()).append('|').append(in.patient().dateOfBirth()).append('|')
                .append(in.serviceDateFrom()).append('|').append(in.serviceDateTo()).append('|')
                .append(in.submittedOn()).append('|');
        for (ClaimInput.LineInput l : in.lines()) {
            b.append(l.procedureCode()).append(';').append(l.modifiers()).append(';').append(l.units()).append(';')
                    .append(Money.cents(l.chargeAmount()).toPlainString()).append(';').append(l.diagnosisCodes()).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
