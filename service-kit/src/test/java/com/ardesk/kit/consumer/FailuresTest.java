package com.ardesk.kit.consumer;

import com.ardesk.events.EventJson;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class FailuresTest {
    @Test
    void whatIsWrongWithTheEventItselfIsPoison() {
        Throwable unparsable = catchThrowable(() -> EventJson.read("{not json"));
        assertThat(Failures.isPoison(new PoisonEventException("cannot parse", unparsable))).isTrue();
        assertThat(Failures.isPoison(new PoisonEventException("version 7"))).isTrue();
        assertThat(Failures.isPoison(new ConstraintViolationException("amount must be positive", Set.of()))).isTrue();
        // EventJson.payload wraps the Jackson error: a payload that does not map is poison, however deep
        assertThat(Failures.isPoison(new IllegalStateException("tx", unparsable))).isTrue();
    }

    @Test
    void databaseAndLockTroubleIsTransient() {
        assertThat(Failures.isPoison(new JDBCConnectionException("refused", new SQLException("refused", "08001")))).isFalse();
        assertThat(Failures.isPoison(new SQLTransientConnectionException("acquisition timeout"))).isFalse();
        assertThat(Failures.isPoison(new StaleObjectStateException("FollowupTask", 42))).isFalse();
        assertThat(Failures.isPoison(new OptimisticLockException("version"))).isFalse();
        assertThat(Failures.isPoison(new LockAcquisitionException("deadlock", new SQLException("deadlock", "40P01")))).isFalse();
        assertThat(Failures.isPoison(new IllegalStateException("could not serialize", new SQLException("x", "40001")))).isFalse();
        assertThat(Failures.isPoison(new IllegalStateException(new TimeoutException()))).isFalse();
        assertThat(Failures.isPoison(new IllegalStateException(new ConnectException("refused")))).isFalse();
        assertThat(Failures.isPoison(new NullPointerException())).isFalse();
    }

    @Test
    void theDescriptionNamesTheInnermostCause() {
        String text = Failures.describe(new IllegalStateException("tx failed", new SQLException("connection refused", "08001")));
        assertThat(text).isEqualTo("IllegalStateException: tx failed (cause SQLException: connection refused)");
    }
}
