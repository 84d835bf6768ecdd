package com.ardesk.claims.claim;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static ClaimInput.LineInput line(String code, String charge) {
        return new ClaimInput.LineInput(code, List.of("25"), 1, new BigDecimal(charge), List.of("E11.9"));
    }

    static ClaimInput claim(List<ClaimInput.LineInput> lines) {
        return new ClaimInput("P100", "PM-1", new ClaimInput.PatientInput("ACC-1", "Maria", "Lopez", LocalDate.of(1961, 4, 17)),
                "MEDICARE", "1234567893", TODAY.minusDays(10), TODAY.minusDays(10), TODAY.minusDays(5), lines);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void npiChecksTheLuhnDigitOverThe80840Prefix() {
        assertThat(Npi.isValid("1234567893")).isTrue();
        assertThat(Npi.isValid("1245319599")).isTrue();
        assertThat(Npi.isValid("1234567890")).isFalse();
        assertThat(Npi.isValid("123456789")).isFalse();
        assertThat(Npi.isValid("12345678a3")).isFalse();
    }

    @Test
    void aValidClaimHasNoErrors() {
        assertThat(ClaimValidator.validate(claim(List.of(line("99214", "185.00"), line("G0439", "95.5"))), TODAY)).isEmpty();
    }

    @Test
    void everyViolationIsListedWithItsField() {
        ClaimInput bad = new ClaimInput("P 100", null, new ClaimInput.PatientInput(null, "", "Lopez", TODAY.plusDays(1)),
                "MEDICARE", "1234567890", TODAY.plusDays(1), TODAY.minusDays(3), null,
                List.of(new ClaimInput.LineInput("9921", List.of("2", "25", "59", "76", "77"), 0, new BigDecimal("-1.005"),
                        List.of("11.9"))));

        List<String> fields = fields(ClaimValidator.validate(bad, TODAY));

        assertThat(fields).contains("practiceId", "externalClaimId", "patient.accountNumber", "patient.firstName",
                "patient.dateOfBirth", "providerNpi", "serviceDateFrom", "lines[0].procedureCode", "lines[0].modifiers",
                "lines[0].modifiers[0]", "lines[0].units", "lines[0].chargeAmount", "lines[0].diagnosisCodes[0]");
    }

    @Test
    void serviceDatesMustBeOrderedAndNotInTheFuture() {
        ClaimInput reversed = new ClaimInput("P100", "PM-1", claim(List.of()).patient(), "MEDICARE", "1234567893",
                TODAY.minusDays(2), TODAY.minusDays(5), null, List.of(line("99214", "1")));
        assertThat(fields(ClaimValidator.validate(reversed, TODAY))).containsExactly("serviceDateTo");
    }

    @Test
    void linesAreOneToFifty() {
        assertThat(fields(ClaimValidator.validate(claim(List.of()), TODAY))).containsExactly("lines");
        assertThat(fields(ClaimValidator.validate(claim(Collections.nCopies(51, line("99214", "1"))), TODAY)))
                .containsExactly("lines");
        assertThat(ClaimValidator.validate(claim(Collections.nCopies(50, line("99214", "1"))), TODAY)).isEmpty();
    }

    @Test
    void moneyIsCentsAndBounded() {
        assertThat(fields(ClaimValidator.validate(claim(List.of(line("99214", "10.001"))), TODAY))).containsExactly("lines[0].chargeAmount");
        assertThat(fields(ClaimValidator.validate(claim(List.of(line("99214", "1e15"))), TODAY))).containsExactly("lines[0].chargeAmount");
        assertThat(ClaimValidator.validate(claim(List.of(line("99214", "10.100"))), TODAY)).isEmpty();
    }

    @Test
    void linesWhoseTotalOverflowsTheBilledAmountAreRefusedOnLines() {
        String max = Money.MAX.toPlainString();
        assertThat(fields(ClaimValidator.validate(claim(List.of(line("99214", max), line("99213", "0.01"))), TODAY)))
                .containsExactly("lines");
        assertThat(ClaimValidator.validate(claim(List.of(line("99214", max))), TODAY)).isEmpty();
    }

    @Test
    void statusTableAllowsTheLifecycleAndRefusesTheRestNamingBothStates() {
        assertThat(ClaimStatus.SUBMITTED.canMoveTo(ClaimStatus.DENIED)).isTrue();
        assertThat(ClaimStatus.DENIED.canMoveTo(ClaimStatus.APPEALED)).isTrue();
        assertThat(ClaimStatus.PAID.canMoveTo(ClaimStatus.APPEALED)).isFalse();
        assertThat(ClaimStatus.CLOSED.canMoveTo(ClaimStatus.IN_PROCESS)).isFalse();
        assertThatThrownBy(() -> ClaimStatus.WRITTEN_OFF.requireMoveTo(ClaimStatus.PAID, "post a payment"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("WRITTEN_OFF").hasMessageContaining("PAID");
    }

    @Test
    void balanceIsExactAndAnOverpaymentStaysNegative() {
        BigDecimal balance = ClaimMoney.balance(new BigDecimal("370.00"), new BigDecimal("120.10"),
                new BigDecimal("80.00"), new BigDecimal("30.00"), new BigDecimal("0.00"));
        assertThat(balance).isEqualByComparingTo("139.90");
        assertThat(ClaimMoney.balance(new BigDecimal("100.00"), new BigDecimal("100.01"), Money.ZERO, Money.ZERO, Money.ZERO))
                .isEqualByComparingTo("-0.01");
        assertThat(ClaimMoney.statusAfterPayment(ClaimStatus.SUBMITTED, new BigDecimal("-0.01"), BigDecimal.ONE))
                .isEqualTo(ClaimStatus.PAID);
        assertThat(ClaimMoney.statusAfterPayment(ClaimStatus.SUBMITTED, new BigDecimal("5.00"), BigDecimal.ONE))
                .isEqualTo(ClaimStatus.PARTIALLY_PAID);
    }

    @Test
    void identicalContentHashesTheSameWhateverTheScale() {
        assertThat(ContentHash.of(claim(List.of(line("99214", "185")))))
                .isEqualTo(ContentHash.of(claim(List.of(line("99214", "185.00")))))
                .isNotEqualTo(ContentHash.of(claim(List.of(line("99214", "185.01")))));
    }
}
