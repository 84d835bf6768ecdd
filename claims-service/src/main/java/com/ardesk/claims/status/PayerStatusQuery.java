package com.ardesk.claims.status;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads what payers said about a claim (claim_payer_status), scoped like every claim read. */
@ApplicationScoped
public class PayerStatusQuery {
    /** A claim gets a few statuses a month; this bounds the answer without paging. */
    static final int HISTORY = 50;

    private final EntityManager em;
    private final ClaimLookup claims;

    public PayerStatusQuery(EntityManager em, ClaimLookup claims) {
        this.em = em;
        this.claims = claims;
    }

    /** The claim's statuses, newest received first; 404 for an unknown claim or one of another practice. */
    @Transactional
    public PayerStatusView of(UUID claimId) {
        Claim claim = claims.requireVisible(claimId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select source, status_category, status_codes, action_code, effective_on, amount, trace, received_at
                from claim_payer_status where claim_id = ?1 order by received_at desc, id desc limit ?2""")
                .setParameter(1, claim.claimId).setParameter(2, HISTORY).getResultList();
        List<PayerStatusView.Entry> history = rows.stream().map(PayerStatusQuery::entry).toList();
        return new PayerStatusView(claim.claimId, history.isEmpty() ? null : history.get(0), history);
    }

    private static PayerStatusView.Entry entry(Object[] r) {
        String source = (String) r[0];
        String category = (String) r[1];
        String actionCode = (String) r[3];
        boolean rejected = ClaimStatusService.Source.ACKNOWLEDGMENT.code.equals(source)
                && StatusRules.rejected(new Status277.Stc(null, category, "", null, actionCode == null ? "" : actionCode, null));
        return new PayerStatusView.Entry(source, category, Arrays.asList(((String) r[2]).split(",")), actionCode, rejected,
                date(r[4]), (BigDecimal) r[5], (String) r[6], instant(r[7]));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
