package com.ardesk.claims.payer;

import com.ardesk.events.Topics;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.ETags;
import com.ardesk.kit.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Payers and their versioned rules. Every change is announced as {@code PayerChanged}. */
@ApplicationScoped
public class PayerService {
    static final int DEFAULT_GRACE_DAYS = 5;

    static final java.time.Duration RULES_TTL = java.time.Duration.ofSeconds(10);

    /** By payer id, which is unique. */
    private static final Keyset PAGES = Keyset.of("payers", 1);

    private final Outbox outbox;
    private final Clock clock;
    private final java.util.Map<String, CachedRules> rulesCache = new java.util.concurrent.ConcurrentHashMap<>();
    /** A practice's own versions by "practiceId|payerId"; the | cannot occur in either id. */
    private final java.util.Map<String, CachedRules> practiceTermsCache = new java.util.concurrent.ConcurrentHashMap<>();

    public PayerService(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /** The outcome of a PUT: the payer now, and whether the call created it or changed anything. */
    public record Upserted(PayerView payer, boolean created, boolean changed) {
    }

    @Transactional
    public Upserted upsert(String payerId, PayerUpdate update, String ifMatch) {
        Instant now = Instant.now(clock);
        Payer payer = Payer.findById(payerId);
        boolean created = payer == null;
        if (created) {
            payer = new Payer();
            payer.payerId = payerId;
            payer.createdAt = now;
        } else {
            ETags.requireMatch(ifMatch, payer.version);
        }
        boolean changed = created || !Objects.equals(payer.name, update.name())
                || !Objects.equals(payer.phone, update.phone());
        payer.name = update.name();
        payer.phone = update.phone();

        LocalDate effectiveFrom = update.effectiveFrom() != null ? update.effectiveFrom() : LocalDate.now(clock);
        PayerRule rule = PayerRule.find("payerId = ?1 and effectiveFrom = ?2", payerId, effectiveFrom).firstResult();
        RuleTerms wanted = new RuleTerms(effectiveFrom, update.timelyFilingDays(),
                update.timelyFilingBasis() != null ? update.timelyFilingBasis() : ClockBasis.SERVICE_DATE,
                update.appealWindowDays(),
                update.promiseGraceDays() != null ? update.promiseGraceDays() : DEFAULT_GRACE_DAYS);
        if (rule == null) {
            rule = new PayerRule();
            rule.payerId = payerId;
            rule.effectiveFrom = effectiveFrom;
            rule.createdAt = now;
            changed = true;
        } else if (!rule.terms().equals(wanted)) {
            changed = true;
        }
        rule.timelyFilingDays = wanted.timelyFilingDays();
        rule.timelyFilingBasis = wanted.timelyFilingBasis();
        rule.appealWindowDays = wanted.appealWindowDays();
        rule.promiseGraceDays = wanted.promiseGraceDays();

        if (changed) {
            rulesCache.remove(payerId);
            payer.updatedAt = now;
            payer.persist();
            rule.persist();
            Payer.flush();
            PayerView view = view(payer);
            RuleTerms current = view.currentRule();
            outbox.append(Topics.CLAIMS, "payer", payerId, null, new PayerChanged(payerId, payer.name, payer.phone,
                    current.timelyFilingDays(), current.timelyFilingBasis().name(), current.appealWindowDays(),
                    current.promiseGraceDays(), current.effectiveFrom()));
            return new Upserted(view, created, true);
        }
        return new Upserted(view(payer), false, false);
    }

    @Transactional
    public PayerView find(String payerId) {
        Payer payer = Payer.findById(payerId);
        if (payer == null) {
            throw ProblemException.notFound("payer", payerId);
        }
        return view(payer);
    }

    /**
     * Rule versions of a payer, for deadline calculations; empty if the payer is unknown. Cached for
     * a few seconds because every claim change needs them: a batch of 1,000 claims would otherwise
     * ask 1,000 times. A PUT on this instance clears the entry at once; other replicas catch up
     * within {@link #RULES_TTL}.
     */
    @Transactional
    public List<RuleTerms> rules(String payerId) {
        CachedRules cached = rulesCache.get(payerId);
        if (cached != null && cached.loadedAt().plus(RULES_TTL).isAfter(Instant.now(clock))) {
            return cached.rules();
        }
        List<RuleTerms> rules = PayerRule.<PayerRule>list("payerId", Sort.by("effectiveFrom"), payerId).stream()
                .map(PayerRule::terms).toList();
        if (!rules.isEmpty()) {
            rulesCache.put(payerId, new CachedRules(rules, Instant.now(clock)));
        }
        return rules;
    }

    private record CachedRules(List<RuleTerms> rules, Instant loadedAt) {
    }

    /**
     * What governs a practice's claims with a payer: the practice's own contract terms, else the
     * payer's rules (see {@link ContractTerms}). Cached like {@link #rules}, for the same reason.
     */
    @Transactional
    public ContractTerms contractTerms(String practiceId, String payerId) {
        String key = practiceId + "|" + payerId;
        CachedRules cached = practiceTermsCache.get(key);
        List<RuleTerms> own;
        if (cached != null && cached.loadedAt().plus(RULES_TTL).isAfter(Instant.now(clock))) {
            own = cached.rules();
        } else {
            own = practiceVersions(practiceId, payerId);
            practiceTermsCache.put(key, new CachedRules(own, Instant.now(clock)));
        }
        return new ContractTerms(own, rules(payerId));
    }

    /** Called after a practice's terms changed on this instance, so its next claim sees them at once. */
    void forgetPracticeTerms(String practiceId, String payerId) {
        practiceTermsCache.remove(practiceId + "|" + payerId);
    }

    static List<RuleTerms> practiceVersions(String practiceId, String payerId) {
        return PracticePayerTerms.<PracticePayerTerms>list("practiceId = ?1 and payerId = ?2", Sort.by("effectiveFrom"),
                practiceId, payerId).stream().map(PracticePayerTerms::terms).toList();
    }

    @Transactional
    public Page<PayerView> list(Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor);
        List<Payer> payers = page.after() == null
                ? Payer.<Payer>findAll(Sort.by("payerId")).page(0, page.fetch()).list()
                : Payer.<Payer>find("payerId > ?1", Sort.by("payerId"), page.after().text(0)).page(0, page.fetch()).list();
        return page.page(payers, p -> List.of(p.payerId), this::view);
    }

    private PayerView view(Payer payer) {
        List<RuleTerms> rules = rules(payer.payerId);
        Optional<RuleTerms> current = PayerRules.inForce(rules, LocalDate.now(clock));
        return new PayerView(payer.payerId, payer.name, payer.phone,
                current.map(RuleTerms::timelyFilingDays).orElse(null), current.map(RuleTerms::appealWindowDays).orElse(null),
                current.orElse(null), rules, payer.version);
    }
}
