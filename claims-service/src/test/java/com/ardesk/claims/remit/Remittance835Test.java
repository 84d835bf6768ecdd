package com.ardesk.claims.remit;

import com.ardesk.claims.x12.X12Exception;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Remittance835Test {
    private static Remittance835.Read read(String file) {
        return Remittance835.read(Sample835.stream(file));
    }

    @Test
    void readsPaymentTraceClaimsAdjustmentsAndProviderAdjustments() {
        Remittance835.Read read = read(Sample835.file("X", "EFT-1"));

        assertThat(read.warnings()).isEmpty();
        assertThat(read.transactions()).hasSize(1);
        Remittance835.Transaction t = read.transactions().get(0);
        assertThat(t.traceNumber()).isEqualTo("EFT-1");
        assertThat(t.paymentMethod()).isEqualTo("ACH");
        assertThat(t.paymentAmount()).isEqualByComparingTo("450.00");
        assertThat(t.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(t.payerName()).isEqualTo("MEDICARE PART B");
        assertThat(t.payerIdentifier()).isEqualTo("MCR-R");
        assertThat(t.claims()).hasSize(3);
        Remittance835.ClaimPayment paid = t.claims().get(0);
        assertThat(paid.patientControlNumber()).isEqualTo("X-PAID");
        assertThat(paid.paid()).isEqualByComparingTo("200.00");
        assertThat(paid.payerClaimControlNumber()).isEqualTo("PCN0001");
        assertThat(paid.patientName()).isEqualTo("LEE,ANN");
        assertThat(paid.position()).isEqualTo(13);
        assertThat(paid.adjustments()).containsExactly(
                new Remittance835.Adjustment("CO", "45", new BigDecimal("50.00")),
                new Remittance835.Adjustment("PR", "2", new BigDecimal("30.50")));
        assertThat(t.providerAdjustments()).singleElement().satisfies(p -> {
            assertThat(p.reasonCode()).isEqualTo("WO");
            assertThat(p.reference()).isEqualTo("INV123");
            assertThat(p.amount()).isEqualByComparingTo("-150.00");
        });
        assertThat(RemittanceRules.expectedPayment(t)).isEqualByComparingTo(t.paymentAmount());
    }

    @Test
    void delimitersComeFromTheIsaHeader() {
        String file = Sample835.file("X", "T-2").substring(107).replace('*', '|').replace("~\n", "\n").replace(':', '>');
        String pipes = Sample835.isa('|', '>', '\n') + file;

        Remittance835.Transaction t = read(pipes).transactions().get(0);

        assertThat(t.traceNumber()).isEqualTo("T-2");
        assertThat(t.claims()).hasSize(3);
        assertThat(t.claims().get(1).adjustments()).containsExactly(new Remittance835.Adjustment("CO", "197", new BigDecimal("280.50")));
        assertThat(t.providerAdjustments().get(0).reference()).isEqualTo("INV123");
    }

    @Test
    void casWithSeveralTripletsReadsEachOne() {
        String file = Sample835.file("X", "T-3").replace("CAS*CO*45*50.00", "CAS*CO*45*40.00*1*253*10.00");
        assertThat(read(file).transactions().get(0).claims().get(0).adjustments()).contains(
                new Remittance835.Adjustment("CO", "45", new BigDecimal("40.00")),
                new Remittance835.Adjustment("CO", "253", new BigDecimal("10.00")));
    }

    @Test
    void theContentHashFollowsThePaymentNotTheEnvelopeOrLineBreaks() {
        String file = Sample835.file("X", "T-4");
        String hash = read(file).transactions().get(0).contentHash();

        String crlf = file.replace("\n", "\r\n");
        String newControlNumbers = file.replace("000000101", "000000777").replace("*101*X*", "*777*X*")
                .replace("GE*1*101", "GE*1*777").replace("ST*835*0001", "ST*835*0099").replace("SE*21*0001", "SE*21*0099");
        assertThat(read(crlf).transactions().get(0).contentHash()).isEqualTo(hash);
        assertThat(read(newControlNumbers).transactions().get(0).contentHash()).isEqualTo(hash);
        assertThat(read(file.replace("CAS*CO*45*50.00", "CAS*CO*45*50.01")).transactions().get(0).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void publicSecondaryPaymentSampleReadsOa23AndServiceLevelAdjustments() {
        Remittance835.Transaction t = read(Sample835.resource("835/secondary-payment.835")).transactions().get(0);

        assertThat(t.paymentMethod()).isEqualTo("CHK");
        assertThat(t.traceNumber()).isEqualTo("0012524965");
        assertThat(t.payerIdentifier()).isEqualTo("YOUR TAX DOLLARS AT WORK");
        assertThat(t.claims()).extracting(Remittance835.ClaimPayment::patientControlNumber).containsExactly("L0004828311", "0001000053");
        assertThat(t.claims().get(0).adjustments()).containsExactly(new Remittance835.Adjustment("OA", "23", new BigDecimal("9411.64")));
        assertThat(t.claims().get(1).adjustments()).containsExactly(
                new Remittance835.Adjustment("OA", "23", new BigDecimal("136.50")),
                new Remittance835.Adjustment("PR", "1", new BigDecimal("150.00")),
                new Remittance835.Adjustment("PR", "2", new BigDecimal("70.00")),
                new Remittance835.Adjustment("CO", "42", new BigDecimal("85.00")));
        assertThat(RemittanceRules.expectedPayment(t)).isEqualByComparingTo("1222.00");
    }

    @Test
    void anUnreadableBpr16IsAWarningAndThePaymentHasNoDate() {
        Remittance835.Read read = read(Sample835.resource("835/managed-care.835"));

        Remittance835.Transaction t = read.transactions().get(0);
        assertThat(t.paymentDate()).isNull();
        assertThat(t.warnings()).singleElement().asString().contains("BPR16", "20002316");
        assertThat(t.claims()).hasSize(2);
        assertThat(RemittanceRules.expectedPayment(t)).isEqualByComparingTo("945.00");
    }

    @Test
    void twoTransactionsSharingATraceNumberAreTwoPayments() {
        String file = Sample835.file("X", "SAME");
        int st = file.indexOf("ST*835");
        int ge = file.indexOf("GE*1*101");
        String second = file.substring(st, ge).replace("ST*835*0001", "ST*835*0002").replace("SE*21*0001", "SE*21*0002")
                .replace("X-PAID", "X-OTHER");
        String two = file.substring(0, ge) + second + "GE*2*101" + file.substring(ge + "GE*1*101".length());

        List<Remittance835.Transaction> read = read(two).transactions();

        assertThat(read).extracting(Remittance835.Transaction::traceNumber).containsExactly("SAME", "SAME");
        assertThat(read.get(0).contentHash()).isNotEqualTo(read.get(1).contentHash());
    }

    @Test
    void somethingElseIsRefusedNamingTheSegment() {
        assertThatThrownBy(() -> read("hello")).isInstanceOf(X12Exception.class).hasMessageContaining("ISA");
        assertThatThrownBy(() -> read(Sample835.file("X", "T").replace("ST*835", "ST*837")))
                .isInstanceOf(X12Exception.class).hasMessageContaining("not an 835")
                .extracting(e -> ((X12Exception) e).location()).isEqualTo("segment 3 ST01");
        assertThatThrownBy(() -> read(Sample835.file("X", "T").replace("BPR*I*450.00", "BPR*I*45O.00")))
                .isInstanceOf(X12Exception.class).hasMessageContaining("not a decimal amount")
                .extracting(e -> ((X12Exception) e).location()).isEqualTo("segment 4 BPR02");
        assertThatThrownBy(() -> read(Sample835.file("X", "T").replace("TRN*1*T*1512345678~\n", "")
                .replace("SE*21", "SE*20"))).isInstanceOf(X12Exception.class).hasMessageContaining("TRN");
    }

    @Test
    void amountsStayExactOrAreRefusedNamingTheSegment() {
        assertThat(read(Sample835.file("X", "T").replace("CAS*CO*45*50.00", "CAS*CO*45*50.000")).transactions().get(0)
                .claims().get(0).adjustments().get(0).amount()).isEqualTo(new BigDecimal("50.00"));
        assertThatThrownBy(() -> read(Sample835.file("X", "T").replace("CAS*CO*45*50.00", "CAS*CO*45*50.005")))
                .isInstanceOf(X12Exception.class).hasMessageContaining("more than two decimal places")
                .extracting(e -> ((X12Exception) e).location()).isEqualTo("segment 14 CAS03");
        assertThatThrownBy(() -> read(Sample835.file("X", "T").replace("CLP*X-PAID*1*280.50*200.00", "CLP*X-PAID*1*1000000000000.00*200.00")))
                .isInstanceOf(X12Exception.class).hasMessageContaining("999999999999.99")
                .extracting(e -> ((X12Exception) e).location()).isEqualTo("segment 13 CLP03");
    }
}
