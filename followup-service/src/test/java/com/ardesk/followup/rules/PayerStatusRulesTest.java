package com.ardesk.followup.rules;

import com.ardesk.events.claims.ClaimStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/domain.md "Payer status (277CA, 277)": what a status the payer sent electronically asks for. */
class PayerStatusRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final LocalDate STC_DATE = LocalDate.of(2026, 11, 18);
    final FollowUpRules rules = new FollowUpRules(RuleSettings.defaults());

    static ClaimStatusChanged status(String source, String category, boolean rejected, String... codes) {
        return new ClaimStatusChanged(UUID.randomUUID(), "IN_PROCESS", rejected ? "SUBMITTED" : "IN_PROCESS", "from the payer",
                source, category, List.of(codes), STC_DATE, rejected);
    }

    @Test
    void a277caRejectionOpensResubmitDueTodayWithItsCodesAndEndsTheStatusCheck() {
        assertThat(rules.payerStatus(status("277CA", "A3", true, "A3:21:85", "A3:562:85"), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.STATUS_CHECK),
                        "payer status A3:21:85 A3:562:85 on 2026-11-18 via 277CA: the payer rejected the claim"),
                new TaskAction.Open(TaskType.RESUBMIT, TODAY, "payer rejected the claim: payer status A3:21:85 A3:562:85 "
                        + "on 2026-11-18 via 277CA: fix what the codes name and resubmit",
                        "rejected:277CA:2026-11-18:A3:21:85 A3:562:85"));
    }

    @Test
    void theSameRejectionAlwaysNamesTheSameRuleKeySoItOpensOneTask() {
        TaskAction first = rules.payerStatus(status("277CA", "A7", true, "A7:562:85"), TODAY).get(1);
        TaskAction again = rules.payerStatus(status("277CA", "A7", true, "A7:562:85"), TODAY.plusDays(1)).get(1);
        assertThat(((TaskAction.Open) first).ruleKey()).isEqualTo(((TaskAction.Open) again).ruleKey());
    }

    @Test
    void anAcceptedAcknowledgmentClosesResubmitAndMovesTheStatusCheckOut() {
        assertThat(rules.payerStatus(status("277CA", "A2", false, "A2:20"), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.RESUBMIT), "payer status A2:20 on 2026-11-18 via 277CA: the payer accepted the claim"),
                new TaskAction.Reschedule(TaskType.STATUS_CHECK, TODAY.plusDays(14),
                        "payer status A2:20 on 2026-11-18 via 277CA: accepted for adjudication; check again on 2026-12-04"));
        // forwarded (A0) says nothing about the claim's fate yet
        assertThat(rules.payerStatus(status("277CA", "A0", false, "A0:16"), TODAY)).isEmpty();
    }

    @Test
    void aFinalized277ClosesTheStatusCheckNobodyHasToCall() {
        assertThat(rules.payerStatus(status("277", "F1", false, "F1:65"), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.STATUS_CHECK, TaskType.RESUBMIT), "payer status F1:65 on 2026-11-18 via 277"));
    }

    @Test
    void aPending277MovesTheStatusCheckInProcessDaysFromTodayAndEndsAResubmission() {
        assertThat(rules.payerStatus(status("277", "P3", false, "P3:317"), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.RESUBMIT), "payer status P3:317 on 2026-11-18 via 277: the payer has the claim"),
                new TaskAction.Reschedule(TaskType.STATUS_CHECK, TODAY.plusDays(14),
                        "payer status P3:317 on 2026-11-18 via 277: pending; check again on 2026-12-04"));
        FollowUpRules slower = new FollowUpRules(new RuleSettings(14, 30, 21, 7, 30, 30, 1));
        assertThat(slower.payerStatus(status("277", "P1", false, "P1:1"), TODAY).get(1))
                .isEqualTo(new TaskAction.Reschedule(TaskType.STATUS_CHECK, TODAY.plusDays(21),
                        "payer status P1:1 on 2026-11-18 via 277: pending; check again on 2026-12-11"));
    }

    @Test
    void aRequestForInformationIsDueTodayWithTheCodesAndOpensACheckIfNoneIsOpen() {
        String reason = "payer status R4:254 on 2026-11-18 via 277: the payer asks for information; send what the codes name";
        assertThat(rules.payerStatus(status("277", "R4", false, "R4:254"), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.RESUBMIT), "payer status R4:254 on 2026-11-18 via 277: the payer has the claim"),
                new TaskAction.Reschedule(TaskType.STATUS_CHECK, TODAY, reason),
                new TaskAction.Open(TaskType.STATUS_CHECK, TODAY, reason, "payer-status:277:2026-11-18:R4:254"));
    }

    @Test
    void anErrorOrAFailedSearchLeavesTheCallToAPersonToday() {
        for (String[] stc : new String[][]{{"E1", "E1:0"}, {"D0", "D0:35"}}) {
            assertThat(rules.payerStatus(status("277", stc[0], false, stc[1]), TODAY)).containsExactly(
                    new TaskAction.Reschedule(TaskType.STATUS_CHECK, TODAY,
                            "payer status " + stc[1] + " on 2026-11-18 via 277: the payer gave no status electronically; call"));
        }
    }

    @Test
    void aMoveMadeInArDeskIsNoPayerStatus() {
        assertThat(rules.payerStatus(new ClaimStatusChanged(UUID.randomUUID(), "SUBMITTED", "IN_PROCESS", "worked"), TODAY))
                .isEmpty();
    }

    @Test
    void aVeryLongCodeListStillMakesARuleKeyThatFitsItsColumn() {
        String[] codes = new String[30];
        java.util.Arrays.fill(codes, "A3:562:85");
        TaskAction.Open open = (TaskAction.Open) rules.payerStatus(status("277CA", "A3", true, codes), TODAY).get(1);
        assertThat(open.ruleKey()).hasSizeLessThanOrEqualTo(100).startsWith("rejected:277CA:2026-11-18:A3:562:85");
    }
}
