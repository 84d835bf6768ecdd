package com.ardesk.followup.rules;

import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.ClaimWrittenOff;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20); // a Friday
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    final FollowUpRules rules = new FollowUpRules(RuleSettings.defaults());

    static CallLogged call(String outcome, Instant callbackAt) {
        return new CallLogged(UUID.randomUUID(), "AETNA", List.of(UUID.randomUUID()), "caller-1",
                Instant.parse("2026-11-20T15:00:00Z"), 300, outcome, "REF-77", "Dana", callbackAt);
    }

    static TaskAction.Open opened(List<TaskAction> actions) {
        return actions.stream().filter(TaskAction.Open.class::isInstance).map(TaskAction.Open.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void denialOpensADenialTaskTodayAndAnAppealTaskLeadDaysBeforeTheDeadline() {
        UUID denialId = UUID.randomUUID();
        List<TaskAction> actions = rules.claimDenied(new ClaimDenied(UUID.randomUUID(), "EXT-1", "AETNA", denialId, "CO",
                "197", List.of("N54"), "AUTHORIZATION", new BigDecimal("1200.00"), TODAY.minusDays(2),
                TODAY.plusDays(60)), TODAY);

        assertThat(actions).containsExactly(
                new TaskAction.Open(TaskType.DENIAL, TODAY, "denied CO-197 (AUTHORIZATION) for $1,200.00 on 2026-11-18",
                        "denial:" + denialId),
                new TaskAction.Open(TaskType.APPEAL_DEADLINE, TODAY.plusDays(46), "appeal deadline on 2027-01-19",
                        "appeal:2027-01-19"),
                new TaskAction.Close(Set.of(TaskType.RESUBMIT), "payer adjudicated the claim: denied CO-197 on 2026-11-18"));
    }

    @Test
    void appealDeadlineCloserThanTheLeadIsDueTodayAndAPassedOneMakesNoTask() {
        assertThat(rules.appealDeadline(TODAY.plusDays(3), TODAY)).get()
                .extracting(a -> ((TaskAction.Open) a).dueOn()).isEqualTo(TODAY);
        assertThat(rules.appealDeadline(TODAY.minusDays(1), TODAY)).isEmpty();
    }

    @Test
    void finishedClaimCancelsEveryOpenTaskWithTheStatusAsReason() {
        for (String status : List.of("PAID", "WRITTEN_OFF", "CLOSED")) {
            assertThat(rules.claimSnapshot(status, BigDecimal.ZERO, null, null, TODAY))
                    .containsExactly(new TaskAction.CancelAll("claim " + status));
            assertThat(rules.claimStatusChanged(status)).containsExactly(new TaskAction.CancelAll("claim " + status));
        }
        assertThat(rules.claimStatusChanged("IN_PROCESS")).isEmpty();
    }

    @Test
    void unansweredClaimNearingTimelyFilingGetsAStatusCheck() {
        LocalDate deadline = TODAY.plusDays(20);
        assertThat(rules.claimSnapshot("SUBMITTED", new BigDecimal("10.00"), null, deadline, TODAY))
                .containsExactly(new TaskAction.Open(TaskType.STATUS_CHECK, TODAY,
                        "timely filing deadline on 2026-12-10 and no payer response", "timely-filing:2026-12-10"));
        assertThat(rules.claimSnapshot("SUBMITTED", new BigDecimal("10.00"), null, TODAY.plusDays(45), TODAY)).isEmpty();
        assertThat(rules.claimSnapshot("PARTIALLY_PAID", new BigDecimal("10.00"), null, deadline, TODAY)).isEmpty();
        assertThat(rules.claimSnapshot("IN_PROCESS", BigDecimal.ZERO, null, deadline, TODAY)).isEmpty();
    }

    @Test
    void deniedSnapshotWithADeadlineAheadAsksForTheAppealTask() {
        assertThat(rules.claimSnapshot("DENIED", new BigDecimal("10.00"), TODAY.plusDays(30), null, TODAY))
                .containsExactly(new TaskAction.Open(TaskType.APPEAL_DEADLINE, TODAY.plusDays(16),
                        "appeal deadline on 2026-12-20", "appeal:2026-12-20"));
    }

    @Test
    void paymentThatClearsTheClaimCancelsItsTasksAndAPartialOneOnlyEndsAResubmission() {
        UUID claim = UUID.randomUUID();
        assertThat(rules.paymentPosted(new ClaimPaymentPosted(claim, "AETNA", UUID.randomUUID(), new BigDecimal("500.00"),
                BigDecimal.ZERO, TODAY, "EFT", "TRN1", BigDecimal.ZERO, "PAID")))
                .containsExactly(new TaskAction.CancelAll("claim paid: $500.00 posted on 2026-11-20"));
        assertThat(rules.paymentPosted(new ClaimPaymentPosted(claim, "AETNA", UUID.randomUUID(), new BigDecimal("100.00"),
                BigDecimal.ZERO, TODAY, "EFT", "TRN2", new BigDecimal("400.00"), "PARTIALLY_PAID")))
                .containsExactly(new TaskAction.Close(Set.of(TaskType.RESUBMIT),
                        "payer adjudicated the claim: $100.00 posted on 2026-11-20"));
    }

    @Test
    void writeOffCancelsWithItsReason() {
        assertThat(rules.writtenOff(new ClaimWrittenOff(UUID.randomUUID(), new BigDecimal("80.00"), "small balance", "sup-1")))
                .containsExactly(new TaskAction.CancelAll("claim WRITTEN_OFF: $80.00 (small balance)"));
    }

    @Test
    void appealFiledClosesDenialWorkAndSchedulesAStatusCheck() {
        UUID appeal = UUID.randomUUID();
        assertThat(rules.appealFiled(new AppealFiled(UUID.randomUUID(), appeal, 1, TODAY, TODAY.plusDays(60))))
                .containsExactly(
                        new TaskAction.Close(Set.of(TaskType.DENIAL, TaskType.APPEAL_DEADLINE), "appeal level 1 filed on 2026-11-20"),
                        new TaskAction.Open(TaskType.STATUS_CHECK, TODAY.plusDays(30),
                                "appeal filed on 2026-11-20: check its status", "appeal-filed:" + appeal));
    }

    @Test
    void callClosesTheOpenCheckAndSchedulesTheNextByOutcome() {
        List<TaskAction> inProcess = rules.callLogged(call("IN_PROCESS", null), TODAY, ZONE, null);
        assertThat(inProcess.get(0)).isEqualTo(new TaskAction.Close(Set.of(TaskType.STATUS_CHECK, TaskType.CALLBACK),
                "call logged: IN_PROCESS"));
        assertThat(opened(inProcess).type()).isEqualTo(TaskType.STATUS_CHECK);
        assertThat(opened(inProcess).dueOn()).isEqualTo(TODAY.plusDays(14));
        assertThat(opened(inProcess).reason()).isEqualTo("payer said in process on 2026-11-20 (ref REF-77)");

        assertThat(opened(rules.callLogged(call("INFO_REQUESTED", null), TODAY, ZONE, null)).dueOn())
                .isEqualTo(TODAY.plusDays(7));
        assertThat(opened(rules.callLogged(call("RESUBMIT", null), TODAY, ZONE, null)).dueOn())
                .isEqualTo(TODAY.plusDays(30));
    }

    @Test
    void noAnswerCallsBackOnTheNextBusinessDay() {
        TaskAction.Open next = opened(rules.callLogged(call("NO_ANSWER", null), TODAY, ZONE, null));
        assertThat(next.type()).isEqualTo(TaskType.CALLBACK);
        assertThat(next.dueOn()).isEqualTo(LocalDate.of(2026, 11, 23)); // Friday → Monday
    }

    @Test
    void callbackRequestedIsDueOnTheRequestedDayInThePracticeZone() {
        // 02:00 UTC on the 25th is still the 24th in New York
        TaskAction.Open next = opened(rules.callLogged(call("CALLBACK_REQUESTED", Instant.parse("2026-11-25T02:00:00Z")),
                TODAY, ZONE, null));
        assertThat(next.type()).isEqualTo(TaskType.CALLBACK);
        assertThat(next.dueOn()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void deniedOnTheCallMeansAnAppealTaskWhenTheDeadlineIsKnownElseADenialReview() {
        assertThat(opened(rules.callLogged(call("DENIED", null), TODAY, ZONE, TODAY.plusDays(40))).type())
                .isEqualTo(TaskType.APPEAL_DEADLINE);
        assertThat(opened(rules.callLogged(call("APPEAL_REQUIRED", null), TODAY, ZONE, null)).type())
                .isEqualTo(TaskType.DENIAL);
    }

    @Test
    void paidOrPromisedOnTheCallOnlyClosesTheCheck() {
        assertThat(rules.callLogged(call("PAID", null), TODAY, ZONE, null)).hasSize(1);
        assertThat(rules.callLogged(call("PROMISE_TO_PAY", null), TODAY, ZONE, null)).hasSize(1);
    }

    @Test
    void promiseToPayIsCheckedTheDayAfterTheExpectedDate() {
        UUID promise = UUID.randomUUID();
        assertThat(rules.promiseToPay(new PromiseToPay(promise, UUID.randomUUID(), UUID.randomUUID(), "AETNA",
                new BigDecimal("4210.00"), TODAY.plusDays(10), "CHECK", "CHK-881")))
                .containsExactly(new TaskAction.Open(TaskType.PROMISE_CHECK, TODAY.plusDays(11),
                        "payer promised $4,210.00 by 2026-11-30 (CHECK CHK-881)", "promise:" + promise));
    }

    @Test
    void keptPromiseClosesItsCheckAndBrokenOneOpensACallbackToday() {
        UUID claim = UUID.randomUUID();
        assertThat(rules.promiseKept(new PromiseKept(UUID.randomUUID(), claim, UUID.randomUUID(), new BigDecimal("10.00"), TODAY)))
                .containsExactly(new TaskAction.Close(Set.of(TaskType.PROMISE_CHECK), "promise kept on 2026-11-20: $10.00"));

        UUID promise = UUID.randomUUID();
        assertThat(rules.promiseBroken(new PromiseBroken(promise, claim, new BigDecimal("10.00"), TODAY.minusDays(8),
                TODAY.minusDays(1)), TODAY)).containsExactly(
                new TaskAction.Close(Set.of(TaskType.PROMISE_CHECK), "promise broken on 2026-11-19"),
                new TaskAction.Open(TaskType.CALLBACK, TODAY,
                        "promise of $10.00 due 2026-11-12 broken on 2026-11-19: call the payer", "promise-broken:" + promise));
    }
}
