package com.ardesk.followup.rules;

import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.events.claims.ClaimWrittenOff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns claim and call events into task actions. Plain Java: the caller supplies "today" (in the
 * practice's zone) and whatever it knows about the claim, so every rule is a pure function.
 */
public final class FollowUpRules {
    /** Statuses in which a claim needs no more work. */
    public static final Set<String> FINISHED = Set.of("PAID", "WRITTEN_OFF", "CLOSED");
    /** Statuses in which the payer has not answered yet, so timely filing is still at stake. */
    public static final Set<String> AWAITING_PAYER = Set.of("SUBMITTED", "IN_PROCESS");
    /** 277CA categories of a payer that took the claim into adjudication. */
    private static final Set<String> ACCEPTED = Set.of("A1", "A2");
    /** followup_task.rule_key is varchar(100). */
    private static final int RULE_KEY_MAX = 100;

    private final RuleSettings settings;

    public FollowUpRules(RuleSettings settings) {
        this.settings = settings;
    }

    public List<TaskAction> claimDenied(ClaimDenied denied, LocalDate today) {
        List<TaskAction> actions = new ArrayList<>();
        String code = (denied.groupCode() != null ? denied.groupCode() + "-" : "") + denied.reasonCode();
        actions.add(new TaskAction.Open(TaskType.DENIAL, today,
                "denied " + code + " (" + denied.category() + ") for " + Money.format(denied.amount())
                        + " on " + denied.deniedOn(), "denial:" + denied.denialId()));
        if (denied.appealDeadline() != null) {
            appealDeadline(denied.appealDeadline(), today).ifPresent(actions::add);
        }
        actions.add(adjudicated("denied " + code + " on " + denied.deniedOn()));
        return actions;
    }

    /** An APPEAL_DEADLINE task due {@code appealLeadDays} before the deadline; none once it has passed. */
    public Optional<TaskAction> appealDeadline(LocalDate deadline, LocalDate today) {
        if (deadline == null || deadline.isBefore(today)) {
            return Optional.empty();
        }
        LocalDate due = deadline.minusDays(settings.appealLeadDays());
        return Optional.of(new TaskAction.Open(TaskType.APPEAL_DEADLINE, due.isBefore(today) ? today : due,
                "appeal deadline on " + deadline, "appeal:" + deadline));
    }

    /**
     * What a fresh claim snapshot asks for: nothing more once the claim is finished; an appeal task
     * while it is denied with a deadline ahead; a status check as timely filing nears unanswered.
     */
    public List<TaskAction> claimSnapshot(String status, BigDecimal balance, LocalDate appealDeadline,
                                          LocalDate timelyFilingDeadline, LocalDate today) {
        if (FINISHED.contains(status)) {
            return List.of(new TaskAction.CancelAll("claim " + status));
        }
        List<TaskAction> actions = new ArrayList<>();
        if ("DENIED".equals(status)) {
            appealDeadline(appealDeadline, today).ifPresent(actions::add);
        }
        nearingTimelyFiling(status, balance, timelyFilingDeadline, today).ifPresent(actions::add);
        return actions;
    }

    /** A STATUS_CHECK due today when an unpaid, unanswered claim is within the lead days of timely filing. */
    public Optional<TaskAction> nearingTimelyFiling(String status, BigDecimal balance, LocalDate deadline,
                                                               LocalDate today) {
        if (deadline == null || !AWAITING_PAYER.contains(status) || balance == null || balance.signum() <= 0
                || deadline.isBefore(today) || deadline.minusDays(settings.timelyFilingLeadDays()).isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new TaskAction.Open(TaskType.STATUS_CHECK, today,
                "timely filing deadline on " + deadline + " and no payer response", "timely-filing:" + deadline));
    }

    public List<TaskAction> claimStatusChanged(String toStatus) {
        return FINISHED.contains(toStatus) ? List.of(new TaskAction.CancelAll("claim " + toStatus)) : List.of();
    }

    /**
     * What a status the payer sent electronically asks for (docs/domain.md "Payer status (277CA,
     * 277)"): a 277CA rejection opens RESUBMIT due today and ends the status check, since the payer
     * has answered; an acceptance closes RESUBMIT and moves the status check out like an "in
     * process" call would. A 277 finalized (F) status closes the status check; pending (P) moves it
     * {@code inProcessDays} out; a request for information (R) makes it due today with the codes, opening
     * one if none is open; an error (E) or a failed search (D) makes an open one due today, because the
     * payer's system did not answer and a person has to. Any 277 but E/D closes RESUBMIT: the payer
     * has the claim. A move made in AR Desk ({@code source} null) asks for nothing here.
     */
    public List<TaskAction> payerStatus(ClaimStatusChanged status, LocalDate today) {
        if (status.source() == null || status.statusCategory() == null || status.statusCategory().isEmpty()) {
            return List.of();
        }
        String category = status.statusCategory().toUpperCase(Locale.ROOT);
        String codes = status.statusCodes() == null || status.statusCodes().isEmpty()
                ? category : String.join(" ", status.statusCodes());
        String said = "payer status " + codes + (status.effectiveOn() != null ? " on " + status.effectiveOn() : "")
                + " via " + status.source();
        String key = ruleKey(status.source() + ":" + status.effectiveOn() + ":" + codes);
        LocalDate recheck = today.plusDays(settings.inProcessDays());
        if ("277CA".equals(status.source())) {
            if (Boolean.TRUE.equals(status.rejected())) {
                return List.of(
                        new TaskAction.Close(Set.of(TaskType.STATUS_CHECK), said + ": the payer rejected the claim"),
                        new TaskAction.Open(TaskType.RESUBMIT, today, "payer rejected the claim: " + said
                                + ": fix what the codes name and resubmit", "rejected:" + key));
            }
            if (ACCEPTED.contains(category)) {
                return List.of(
                        new TaskAction.Close(Set.of(TaskType.RESUBMIT), said + ": the payer accepted the claim"),
                        new TaskAction.Reschedule(TaskType.STATUS_CHECK, recheck,
                                said + ": accepted for adjudication; check again on " + recheck));
            }
            return List.of();
        }
        TaskAction.Close received = new TaskAction.Close(Set.of(TaskType.RESUBMIT), said + ": the payer has the claim");
        return switch (category.charAt(0)) {
            case 'F' -> List.of(new TaskAction.Close(Set.of(TaskType.STATUS_CHECK, TaskType.RESUBMIT), said));
            case 'P' -> List.of(received, new TaskAction.Reschedule(TaskType.STATUS_CHECK, recheck,
                    said + ": pending; check again on " + recheck));
            case 'R' -> {
                String reason = said + ": the payer asks for information; send what the codes name";
                yield List.of(received, new TaskAction.Reschedule(TaskType.STATUS_CHECK, today, reason),
                        new TaskAction.Open(TaskType.STATUS_CHECK, today, reason, "payer-status:" + key));
            }
            case 'E', 'D' -> List.of(new TaskAction.Reschedule(TaskType.STATUS_CHECK, today,
                    said + ": the payer gave no status electronically; call"));
            default -> List.of();
        };
    }

    private static String ruleKey(String key) {
        return key.length() <= RULE_KEY_MAX - "payer-status:".length() ? key
                : key.substring(0, RULE_KEY_MAX - "payer-status:".length());
    }

    public List<TaskAction> paymentPosted(ClaimPaymentPosted payment) {
        boolean cleared = "PAID".equals(payment.statusAfter())
                || (payment.balanceAfter() != null && payment.balanceAfter().signum() <= 0);
        return cleared ? List.of(new TaskAction.CancelAll("claim paid: " + Money.format(payment.amount())
                + " posted on " + payment.paidOn()))
                : List.of(adjudicated(Money.format(payment.amount()) + " posted on " + payment.paidOn()));
    }

    /** A payer that paid or denied the claim has taken it: a rejection's fix-and-resubmit is over. */
    private static TaskAction adjudicated(String what) {
        return new TaskAction.Close(Set.of(TaskType.RESUBMIT), "payer adjudicated the claim: " + what);
    }

    public List<TaskAction> writtenOff(ClaimWrittenOff writeOff) {
        return List.of(new TaskAction.CancelAll("claim WRITTEN_OFF: " + Money.format(writeOff.amount())
                + (writeOff.reason() != null ? " (" + writeOff.reason() + ")" : "")));
    }

    public List<TaskAction> appealFiled(AppealFiled appeal) {
        return List.of(
                new TaskAction.Close(Set.of(TaskType.DENIAL, TaskType.APPEAL_DEADLINE),
                        "appeal level " + appeal.level() + " filed on " + appeal.filedOn()),
                new TaskAction.Open(TaskType.STATUS_CHECK, appeal.filedOn().plusDays(settings.appealStatusCheckDays()),
                        "appeal filed on " + appeal.filedOn() + ": check its status", "appeal-filed:" + appeal.appealId()));
    }

    /**
     * A logged call is the follow-up the open STATUS_CHECK/CALLBACK asked for, so those close; the
     * outcome decides the next one (docs/domain.md "Follow-up tasks").
     *
     * @param appealDeadline the claim's appeal deadline if the read model knows one
     */
    public List<TaskAction> callLogged(CallLogged call, LocalDate today, ZoneId zone, LocalDate appealDeadline) {
        List<TaskAction> actions = new ArrayList<>();
        actions.add(new TaskAction.Close(Set.of(TaskType.STATUS_CHECK, TaskType.CALLBACK), "call logged: " + call.outcome()));
        String key = "call:" + call.callId();
        String ref = call.referenceNumber() != null ? " (ref " + call.referenceNumber() + ")" : "";
        switch (call.outcome()) {
            case "IN_PROCESS" -> actions.add(new TaskAction.Open(TaskType.STATUS_CHECK,
                    today.plusDays(settings.inProcessDays()), "payer said in process on " + today + ref, key));
            case "INFO_REQUESTED" -> actions.add(new TaskAction.Open(TaskType.STATUS_CHECK,
                    today.plusDays(settings.infoRequestedDays()), "payer requested information on " + today + ref, key));
            case "RESUBMIT", "NO_CLAIM_ON_FILE" -> actions.add(new TaskAction.Open(TaskType.STATUS_CHECK,
                    today.plusDays(settings.resubmitDays()), "payer said " + call.outcome() + " on " + today
                    + ": resubmit, then check status" + ref, key));
            case "NO_ANSWER" -> actions.add(new TaskAction.Open(TaskType.CALLBACK, BusinessDays.next(today),
                    "no answer on " + today + ": call again", key));
            case "CALLBACK_REQUESTED" -> {
                LocalDate when = call.callbackAt() != null ? call.callbackAt().atZone(zone).toLocalDate() : BusinessDays.next(today);
                actions.add(new TaskAction.Open(TaskType.CALLBACK, when.isBefore(today) ? today : when,
                        "payer asked for a callback on " + when + ref, key));
            }
            case "DENIED", "APPEAL_REQUIRED" -> appealDeadline(appealDeadline, today).ifPresentOrElse(actions::add,
                    () -> actions.add(new TaskAction.Open(TaskType.DENIAL, today,
                            "payer said " + call.outcome() + " on " + today + ": review for appeal" + ref, key)));
            default -> {
                // PAID and PROMISE_TO_PAY: the payment or the PromiseToPay event drives what follows
            }
        }
        return actions;
    }

    public List<TaskAction> promiseToPay(PromiseToPay promise) {
        return List.of(new TaskAction.Open(TaskType.PROMISE_CHECK,
                promise.expectedOn().plusDays(settings.promiseCheckOffsetDays()),
                "payer promised " + Money.format(promise.amount()) + " by " + promise.expectedOn()
                        + (promise.reference() != null ? " (" + promise.method() + " " + promise.reference() + ")" : ""),
                "promise:" + promise.promiseId()));
    }

    public List<TaskAction> promiseKept(PromiseKept kept) {
        return List.of(new TaskAction.Close(Set.of(TaskType.PROMISE_CHECK),
                "promise kept on " + kept.keptOn() + ": " + Money.format(kept.amount())));
    }

    /** The check is moot once the promise is known broken; a CALLBACK today replaces it, ranked higher. */
    public List<TaskAction> promiseBroken(PromiseBroken broken, LocalDate today) {
        return List.of(
                new TaskAction.Close(Set.of(TaskType.PROMISE_CHECK), "promise broken on " + broken.brokenOn()),
                new TaskAction.Open(TaskType.CALLBACK, today, "promise of " + Money.format(broken.amount()) + " due "
                        + broken.expectedOn() + " broken on " + broken.brokenOn() + ": call the payer",
                        "promise-broken:" + broken.promiseId()));
    }
}
