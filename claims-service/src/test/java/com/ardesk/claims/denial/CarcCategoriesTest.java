package com.ardesk.claims.denial;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CarcCategoriesTest {
    @ParameterizedTest
    @CsvSource({"27,ELIGIBILITY", "109,ELIGIBILITY", "197,AUTHORIZATION", "15,AUTHORIZATION", "4,CODING",
            "182,CODING", "16,MISSING_INFO", "252,MISSING_INFO", "29,TIMELY_FILING", "18,DUPLICATE",
            "50,MEDICAL_NECESSITY", "22,COORDINATION_OF_BENEFITS", "96,NON_COVERED", "204,NON_COVERED",
            "B7,OTHER", "999,OTHER", "016,MISSING_INFO"})
    void categoryComesFromTheCarc(String carc, DenialCategory expected) {
        assertThat(CarcCategories.categoryOf(carc)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CO,45", "PR,1", "PR,2", "PR,3"})
    void contractualAndPatientShareAdjustmentsAreNotDenials(String group, String carc) {
        assertThat(CarcCategories.notADenial(group, carc)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"CO,16", "PR,96", "OA,45", "CO,1"})
    void otherPairsAreDenials(String group, String carc) {
        assertThat(CarcCategories.notADenial(group, carc)).isEmpty();
    }
}
