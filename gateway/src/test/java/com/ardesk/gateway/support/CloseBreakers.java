package com.ardesk.gateway.support;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Every gateway test starts with every upstream breaker closed: the test classes share one boot,
 * and a breaker an earlier test opened (on purpose, or on a slow machine) must not turn a later
 * test's answer into a 503.
 */
public class CloseBreakers implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Arc.container().instance(CircuitBreakerMaintenance.class).get().resetAll();
    }
}
