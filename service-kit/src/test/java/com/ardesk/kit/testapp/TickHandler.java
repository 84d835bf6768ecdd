package com.ardesk.kit.testapp;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Set;

/**
 * Records every tick it is given in {@code applied_tick}, in order, inside the runner's transaction.
 * A payload that does not map to {@link Tick} or breaks its constraints is refused the way a
 * service's handler refuses one (the runner decides what that means).
 */
@ApplicationScoped
public class TickHandler implements EventHandler {
    public static final String CONSUMER = "kit-test-ticks";

    private final EntityManager em;
    private final Validator validator;

    public TickHandler(EntityManager em, Validator validator) {
        this.em = em;
        this.validator = validator;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public List<String> topics() {
        return List.of(Tick.TOPIC);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!EventJson.typeOf(Tick.class).equals(event.type())) {
            return;
        }
        Tick tick = EventJson.payload(event, Tick.class);
        Set<ConstraintViolation<Tick>> violations = validator.validate(tick);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        em.createNativeQuery("insert into applied_tick (event_id, aggregate, n) values (?1, ?2, ?3)")
                .setParameter(1, event.eventId()).setParameter(2, tick.aggregate()).setParameter(3, tick.n())
                .executeUpdate();
    }
}
