package com.ardesk.claims.remit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.ardesk.claims.remit.RemittanceRules.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

class RemittanceRulesTest {
    private static Remittance835.Adjustment cas(String group, String reason, String amount) {
        return new Remittance835.Adjustment(group, reason, new BigDecimal(amount));
    }

    @Test
    void clp02Statuses() {
        for (String processed : List.of("1", "2", "3", "19", "20", "21")) {
            assertThat(RemittanceRules.kind(processed)).isEqualTo(PROCESSED);
        }
        assertThat(RemittanceRules.kind("4")).isEqualTo(DENIED);
        assertThat(RemittanceRules.kind("22")).isEqualTo(REVERSAL);
        assertThat(RemittanceRules.kind("23")).isEqualTo(NOT_OUR_CLAIM);
        assertThat(RemittanceRules.kind("25")).isEqualTo(PREDETERMINATION);
        assertThat(RemittanceRules.kind("7")).isEqualTo(OTHER);
    }

    @Test
    void groupAwareAdjustmentsAreNeverDenials() {
        for (Remittance835.Adjustment a : List.of(cas("OA", "23", "700"), cas("CO", "45", "10"), cas("CO", "253", "1"),
                cas("PR", "1", "5"), cas("PR", "2", "5"), cas("PR", "3", "5"), cas("CO", "045", "10"))) {
            assertThat(RemittanceRules.isAdjustment(a)).as(a.toString()).isTrue();
            assertThat(RemittanceRules.isDenialOnProcessedClaim(a)).as(a.toString()).isFalse();
        }
        // the same CARC in another group is a denial
        assertThat(RemittanceRules.isAdjustment(cas("CO", "23", "700"))).isFalse();
        assertThat(RemittanceRules.isDenialOnProcessedClaim(cas("CO", "23", "700"))).isTrue();
    }

    @Test
    void onAPaidClaimOnlyTableCarcsThePayerKeptAreDenials() {
        assertThat(RemittanceRules.isDenialOnProcessedClaim(cas("CO", "197", "10"))).isTrue();
        assertThat(RemittanceRules.isDenialOnProcessedClaim(cas("PR", "96", "10"))).isFalse();
        assertThat(RemittanceRules.isDenialOnProcessedClaim(cas("CO", "119", "10"))).isFalse();
        assertThat(RemittanceRules.isDenialOnProcessedClaim(cas("CO", "197", "-10"))).isFalse();
    }

    @Test
    void aDeniedClaimIsDeniedWhateverItsCarcs() {
        assertThat(RemittanceRules.denialsOfDeniedClaim(List.of(cas("CO", "119", "100"), cas("PR", "2", "5"))))
                .containsExactly(cas("CO", "119", "100"));
        assertThat(RemittanceRules.denialsOfDeniedClaim(List.of(cas("CO", "45", "100")))).containsExactly(cas("CO", "45", "100"));
        assertThat(RemittanceRules.denialsOfDeniedClaim(List.of())).isEmpty();
    }
}
