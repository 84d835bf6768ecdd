package com.ardesk.claims.claim;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.KafkaBroker;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** With the broker down a change still commits; its event waits in the outbox and is published once later. */
@QuarkusTest
@ClaimsInfra
class OutboxWhenKafkaIsDownTest {
    @Test
    void eventWaitsForKafkaAndIsPublishedExactlyOnce() throws Exception {
        payer("MCR-K");
        KafkaBroker broker = RealInfraResource.infra().kafkaBroker();
        broker.stop();
        String id;
        try {
            id = create("K-DOWN", "MCR-K", 10);
            Thread.sleep(2000);
            assertThat(unpublished(id)).isEqualTo(1);
        } finally {
            broker.restart();
        }
        List<String> events = TopicProbe.read(ClaimResourceTest.bootstrap(), Topics.CLAIMS,
                v -> EventJson.read(v).type().equals("ClaimChanged") && EventJson.read(v).payload().path("claimId").asText().equals(id),
                1, Duration.ofSeconds(60), Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        assertThat(unpublished(id)).isZero();
    }

    private static int unpublished(String claimId) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfraResource.infra().postgres().jdbcUrl("claims"), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from outbox_event where published_at is null and aggregateid = '" + claimId + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
