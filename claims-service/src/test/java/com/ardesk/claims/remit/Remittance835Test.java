package com.ardesk.claims.remit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Remittance835Test {
    @Test
    void readsPaymentTraceClaimsAdjustmentsAndProviderAdjustments() {
        List<Remittance835.Transaction> read = Remittance835.read(Sample835.file("X", "EFT-1"));

        assertThat(read).hasSize(1);
        Remittance835.Transaction t = read.get(0);
        assertThat(t.traceNumber()).isEqualTo("EFT-1");
        assertThat(t.paymentMethod()).isEqualTo("ACH");
        assertThat(t.paymentAmount()).isEqualByComparingTo("200.00");
        assertThat(t.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(t.payerName()).isEqualTo("MEDICARE PART B");
        assertThat(t.payerIdentifier()).isEqualTo("MCR-R");
        assertThat(t.claims()).hasSize(3);
        Remittance835.ClaimPayment paid = t.claims().get(0);
        assertThat(paid.patientControlNumber()).isEqualTo("X-PAID");
        assertThat(paid.paid()).isEqualByComparingTo("200.00");
        assertThat(paid.payerClaimControlNumber()).isEqualTo("PCN0001");
        assertThat(paid.adjustments()).containsExactly(
                new Remittance835.Adjustment("CO", "45", new BigDecimal("50.00")),
                new Remittance835.Adjustment("PR", "2", new BigDecimal("30.50")));
        assertThat(t.providerAdjustments()).singleElement().satisfies(p -> {
            assertThat(p.reasonCode()).isEqualTo("WO");
            assertThat(p.reference()).isEqualTo("INV123");
            assertThat(p.amount()).isEqualByComparingTo("-150.00");
        });
    }

    @Test
    void delimitersComeFromTheIsaHeader() {
        String file = Sample835.file("X", "T-2").substring(106).replace('*', '|').replace("~\n", "\n").replace(':', '>');
        String pipes = Sample835.isa('|', '>', '\n') + file;

        Remittance835.Transaction t = Remittance835.read(pipes).get(0);

        assertThat(t.traceNumber()).isEqualTo("T-2");
        assertThat(t.claims()).hasSize(3);
        assertThat(t.claims().get(1).adjustments()).containsExactly(new Remittance835.Adjustment("CO", "197", new BigDecimal("280.50")));
    }

    @Test
    void casWithSeveralTripletsReadsEachOne() {
        String file = Sample835.file("X", "T-3").replace("CAS*CO*45*50.00", "CAS*CO*45*40.00*1*253*10.00");
        assertThat(Remittance835.read(file).get(0).claims().get(0).adjustments()).contains(
                new Remittance835.Adjustment("CO", "45", new BigDecimal("40.00")),
                new Remittance835.Adjustment("CO", "253", new BigDecimal("10.00")));
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> Remittance835.read("hello")).hasMessageContaining("ISA");
        assertThatThrownBy(() -> Remittance835.read(Sample835.file("X", "T").replace("ST*835", "ST*837")))
                .hasMessageContaining("not an 835");
        assertThatThrownBy(() -> Remittance835.read(Sample835.file("X", "T").replace("BPR*I*200.00", "BPR*I*2OO.00")))
                .hasMessageContaining("BPR");
        assertThatThrownBy(() -> Remittance835.read(Sample835.file("X", "T").replace("SE*20*0001~\n", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void denialCarcsAreTellApartFromAdjustments() {
        assertThat(RemittanceService.isDenial(new Remittance835.Adjustment("CO", "197", BigDecimal.TEN))).isTrue();
        assertThat(RemittanceService.isDenial(new Remittance835.Adjustment("CO", "45", BigDecimal.TEN))).isFalse();
        assertThat(RemittanceService.isDenial(new Remittance835.Adjustment("PR", "96", BigDecimal.TEN))).isFalse();
        assertThat(RemittanceService.isDenial(new Remittance835.Adjustment("CO", "253", BigDecimal.TEN))).isFalse();
    }
}
