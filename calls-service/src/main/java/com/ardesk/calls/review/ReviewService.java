package com.ardesk.calls.review;

import com.ardesk.calls.call.CallRecord;
import com.ardesk.calls.call.CallService;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallReviewed;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Supervisors score calls; callers read the reviews of their own calls. */
@ApplicationScoped
public class ReviewService {
    private static final TypeReference<List<ChecklistItem>> ITEMS = new TypeReference<>() {
    };

    private final CallService calls;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final ObjectMapper json;

    public ReviewService(CallService calls, Outbox outbox, Tenancy tenancy, ObjectMapper json) {
        this.calls = calls;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.json = json;
    }

    /** Records a review and emits CallReviewed (key: the call's first claim). */
    @Transactional
    public ReviewView review(UUID callId, ReviewRequest body) {
        CallRecord call = calls.find(callId);
        CallReview review = new CallReview();
        review.reviewId = UUID.randomUUID();
        review.callId = callId;
        review.reviewerId = tenancy.user();
        review.score = body.score();
        review.checklist = write(body.checklist() == null ? List.of() : body.checklist());
        review.feedback = body.feedback();
        review.reviewedAt = Instant.now();
        review.persist();
        outbox.append(Topics.CALLS, "call", call.claimIds.get(0).toString(), call.practiceId,
                new CallReviewed(callId, review.reviewId, review.reviewerId, call.callerId, review.score));
        return view(review, call);
    }

    /** Reviews of a call, oldest first: supervisors see all, a caller only those of their own calls. */
    @Transactional
    public List<ReviewView> list(UUID callId) {
        CallRecord call = calls.find(callId);
        boolean reviewer = tenancy.hasRole("supervisor") || tenancy.hasRole("admin");
        if (!reviewer && !call.callerId.equals(tenancy.user())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "a caller sees only the reviews of their own calls");
        }
        return CallReview.<CallReview>list("callId", Sort.by("reviewedAt").and("reviewId"), callId).stream()
                .map(r -> view(r, call)).toList();
    }

    private ReviewView view(CallReview r, CallRecord call) {
        try {
            return new ReviewView(r.reviewId, r.callId, r.reviewerId, call.callerId, r.score,
                    json.readValue(r.checklist, ITEMS), r.feedback, r.reviewedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored review checklist is unreadable", e);
        }
    }

    private String write(List<ChecklistItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write review checklist", e);
        }
    }
}
