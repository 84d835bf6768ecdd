package com.ardesk.claims.payer;

import com.ardesk.events.Topics;
import com.ardesk.events.claims.PayerTermsChanged;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Practice-scoped contract terms with payers. A practice's supervisor or admin sets them for that
 * practice only; deadlines of the practice's claims then follow them (see {@link ContractTerms}).
 * Every change is announced as {@code PayerTermsChanged} with the practice in the envelope.
 */
@ApplicationScoped
public class PayerTermsService {
    private final PayerService payers;
    private final Tenancy tenancy;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public PayerTermsService(PayerService payers, Tenancy tenancy, Outbox outbox) {
        this.payers = payers;
        this.tenancy = tenancy;
        this.outbox = outbox;
    }

    /** The outcome of a PUT: the terms now, and whether the version was new. */
    public record Saved(PayerTermsView terms, boolean created) {
    }

    /**
     * The ETag of a practice's terms with a payer (unquoted): a hash of its versions, since the
     * resource is several rows with no one version column.
     */
    public static String etag(PayerTermsView terms) {
        return etag(terms.versions());
    }

    private static String etag(List<RuleTerms> versions) {
        return ETags.ofContent(versions.toString());
    }

    /**
     * Adds or replaces a version. An If-Match must name the current tag (412 otherwise, nothing
     * changed); concurrent PUTs of one practice's terms with a payer queue on a lock, so a stale
     * tag cannot pass the check while another write is on its way.
     */
    @Transactional
    public Saved put(String practiceId, String payerId, PayerTermsUpdate update, String ifMatch) {
        tenancy.requireVisible(practiceId, "practice", practiceId);
        payers.find(payerId);
        PracticePayerTerms.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "payer-terms" + '\u001f' + practiceId + '\u001f' + payerId).getSingleResult();
        ETags.requireMatch(ifMatch, '"' + etag(versions(practiceId, payerId)) + '"');
        LocalDate effectiveFrom = update.effectiveFrom() != null ? update.effectiveFrom() : LocalDate.now(clock);
        PracticePayerTerms row = PracticePayerTerms.find("practiceId = ?1 and payerId = ?2 and effectiveFrom = ?3",
                practiceId, payerId, effectiveFrom).firstResult();
        RuleTerms wanted = new RuleTerms(effectiveFrom, update.timelyFilingDays(),
                update.timelyFilingBasis() != null ? update.timelyFilingBasis() : ClockBasis.SERVICE_DATE,
                update.appealWindowDays(),
                update.promiseGraceDays() != null ? update.promiseGraceDays() : PayerService.DEFAULT_GRACE_DAYS);
        boolean created = row == null;
        if (!created && row.terms().equals(wanted)) {
            return new Saved(view(practiceId, payerId), false);
        }
        if (created) {
            row = new PracticePayerTerms();
            row.practiceId = practiceId;
            row.payerId = payerId;
            row.effectiveFrom = effectiveFrom;
            row.createdAt = Instant.now(clock);
        }
        row.timelyFilingDays = wanted.timelyFilingDays();
        row.timelyFilingBasis = wanted.timelyFilingBasis();
        row.appealWindowDays = wanted.appealWindowDays();
        row.promiseGraceDays = wanted.promiseGraceDays();
        row.persist();
        PracticePayerTerms.flush();
        payers.forgetPracticeTerms(practiceId, payerId);
        List<RuleTerms> versions = versions(practiceId, payerId);
        outbox.append(Topics.CLAIMS, "payer", payerId, practiceId, new PayerTermsChanged(payerId, versions.stream()
                .map(t -> new PayerTermsChanged.Version(t.effectiveFrom(), t.timelyFilingDays(),
                        t.timelyFilingBasis().name(), t.appealWindowDays(), t.promiseGraceDays()))
                .toList()));
        return new Saved(view(practiceId, payerId), created);
    }

    @Transactional
    public PayerTermsView get(String practiceId, String payerId) {
        tenancy.requireVisible(practiceId, "practice", practiceId);
        payers.find(payerId);
        return view(practiceId, payerId);
    }

    private PayerTermsView view(String practiceId, String payerId) {
        List<RuleTerms> versions = versions(practiceId, payerId);
        var inForce = new ContractTerms(versions, payers.rules(payerId)).inForce(LocalDate.now(clock));
        return new PayerTermsView(practiceId, payerId, inForce.map(ContractTerms.InForce::source).orElse(null),
                inForce.map(ContractTerms.InForce::terms).orElse(null), versions);
    }

    private static List<RuleTerms> versions(String practiceId, String payerId) {
        return PayerService.practiceVersions(practiceId, payerId);
    }
}
