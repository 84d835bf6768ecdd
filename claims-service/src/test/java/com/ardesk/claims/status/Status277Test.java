package com.ardesk.claims.status;

import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.x12.X12Exception;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Status277Test {
    @Test
    void thePublicSampleAsPublishedHasAWrongSegmentCountAndIsRefused() {
        assertThatThrownBy(() -> Status277.read(Sample277.stream(Sample277.resource("277/claim-level-status.277"))))
                .isInstanceOf(X12Exception.class).hasMessageContaining("count 36").hasMessageContaining("38 segments")
                .extracting(e -> ((X12Exception) e).location()).isEqualTo("segment 40 SE01");
    }

    @Test
    void readsThePublicClaimStatusSampleClaimByClaimWithoutServiceLineStatuses() {
        Status277.Read read = Status277.read(Sample277.stream(Sample277.resource("277/claim-level-status.277")
                .replace("SE*36*0001", "SE*38*0001")));

        List<Status277.ClaimStatus> claims = read.claims();
        assertThat(claims).extracting(Status277.ClaimStatus::trace).containsExactly("ABCXYZ1", "ABCXYZ2", "ABCXYC3");
        Status277.ClaimStatus pending = claims.get(0);
        assertThat(pending.payerName()).isEqualTo("ABC INSURANCE");
        assertThat(pending.payerClaimControlNumber()).isEqualTo("05347006051");
        assertThat(pending.patientAccountNumber()).isEqualTo("SM123456");
        assertThat(pending.statuses()).containsExactly(new Status277.Stc("P3:317", "P3", "317", LocalDate.of(2005, 9, 13), "",
                new BigDecimal("8513.88")));
        assertThat(claims.get(2).statuses()).extracting(Status277.Stc::composite).containsExactly("F2:88:QC");
    }

    @Test
    void readsA277caAcknowledgmentPerClaim() {
        String file = Sample277.acknowledgment("20261120", new String[]{"C-1", "A2:20", "WQ"}, new String[]{"C-2", "A3:21:85", "U"});

        List<Status277.ClaimStatus> claims = Status277.read(Sample277.stream(file)).claims();

        // the information receiver's TRN*2 carries the batch status, not a claim's: it has no claim to match, so it is listed too
        assertThat(claims).extracting(Status277.ClaimStatus::trace).containsExactly("BATCH-1", "C-1", "C-2");
        assertThat(claims.get(2).statuses().get(0).actionCode()).isEqualTo("U");
        assertThat(claims.get(2).payerClaimControlNumber()).isEqualTo("PCN-C-2");
    }

    @Test
    void rules() {
        Status277.Stc a1 = new Status277.Stc("A1:19", "A1", "19", null, "WQ", null);
        Status277.Stc a3 = new Status277.Stc("A3:21", "A3", "21", null, "U", null);
        Status277.Stc a2u = new Status277.Stc("A2:20", "A2", "20", null, "U", null);
        Status277.Stc p1 = new Status277.Stc("P1:20", "P1", "20", null, "", null);
        Status277.Stc f1 = new Status277.Stc("F1:65", "F1", "65", null, "", null);
        assertThat(StatusRules.accepted(a1)).isTrue();
        assertThat(StatusRules.rejected(a3)).isTrue();
        assertThat(StatusRules.rejected(a2u)).isTrue();
        assertThat(StatusRules.accepted(a2u)).isFalse();
        for (String category : List.of("A4", "A6", "A7", "A8")) {
            assertThat(StatusRules.rejected(new Status277.Stc(category + ":1", category, "1", null, "", null))).isTrue();
        }
        var ack = ClaimStatusService.Source.ACKNOWLEDGMENT;
        var status = ClaimStatusService.Source.STATUS;
        assertThat(ClaimStatusService.next(ClaimStatus.SUBMITTED, a1, ack)).isEqualTo(ClaimStatus.IN_PROCESS);
        assertThat(ClaimStatusService.next(ClaimStatus.IN_PROCESS, a3, ack)).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(ClaimStatusService.next(ClaimStatus.PAID, a3, ack)).isEqualTo(ClaimStatus.PAID);
        assertThat(ClaimStatusService.next(ClaimStatus.SUBMITTED, p1, status)).isEqualTo(ClaimStatus.IN_PROCESS);
        assertThat(ClaimStatusService.next(ClaimStatus.SUBMITTED, f1, status)).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void somethingElseIsRefusedNamingTheSegment() {
        String file = Sample277.acknowledgment("20261120", new String[]{"C-1", "A2:20", "WQ"});
        assertThatThrownBy(() -> Status277.read(Sample277.stream(file.replace("ST*277", "ST*835"))))
                .isInstanceOf(X12Exception.class).hasMessageContaining("not a 277");
        assertThatThrownBy(() -> Status277.read(Sample277.stream(file.replace("TRN*2*C-1", "TRN*2*C-1~\nDTP*1"))))
                .isInstanceOf(X12Exception.class).hasMessageContaining("count");
    }
}
