package com.ardesk.claims.claim;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.claims.view.ClaimResourceTest;
import com.ardesk.devstack.KafkaBroker;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the broker down a change still commits; its event waits in the outbox and is published once
 * later. Published events are kept for their retention, then deleted.
 */
@QuarkusTest
@ClaimsInfra
class OutboxWhenKafkaIsDownTest {
    @Inject
    AgroalDataSource dataSource;

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

    @Test
    void publishedEventsAreDeletedAfterTheirRetentionAndUnpublishedOnesNever() throws Exception {
        String url = RealInfraResource.infra().postgres().jdbcUrl("claims");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("""
                    insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload, published_at) values
                    (gen_random_uuid(), 'claim', 'PURGE-OLD', 'ClaimChanged', 't', now() - interval '9 days', '{}', now() - interval '8 days'),
                    (gen_random_uuid(), 'claim', 'PURGE-NEW', 'ClaimChanged', 't', now() - interval '1 day', '{}', now() - interval '1 day'),
                    (gen_random_uuid(), 'claim', 'PURGE-WAITING', 'ClaimChanged', 't', now() - interval '9 days', '{}', null)""");
            // a relay whose producer is never needed: purging only touches the database
            OutboxRelay relay = new OutboxRelay(dataSource, () -> {
                throw new AssertionError("purging must not publish");
            }, 1L, 10, Duration.ofSeconds(1));
            assertThat(relay.purgePublished(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
            try (ResultSet rs = s.executeQuery("select aggregateid from outbox_event where aggregateid like 'PURGE-%' order by 1")) {
                List<String> left = new java.util.ArrayList<>();
                while (rs.next()) {
                    left.add(rs.getString(1));
                }
                assertThat(left).containsExactly("PURGE-NEW", "PURGE-WAITING");
            }
        }
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
