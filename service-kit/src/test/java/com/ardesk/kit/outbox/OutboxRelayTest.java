package com.ardesk.kit.outbox;

import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.kit.testapp.KitInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.ardesk.kit.testapp.Infra.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OutboxRelay} on a database of its own (the kit's outbox migrations, no application relay
 * polling it), so each test decides exactly which relay runs when: two relays on one database
 * never publish the same rows, and rows the broker refused stay unmarked until it takes them.
 */
@QuarkusTest
@KitInfra
class OutboxRelayTest {
    private static final String DATABASE = "kit_relay";
    private static final long LOCK_KEY = "ardesk-outbox-kit-relay-test".hashCode();
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() {
        RealInfraResource.infra().postgres().createDatabase(DATABASE);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(RealInfraResource.infra().postgres().jdbcUrl(DATABASE));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/outbox").load().migrate();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from outbox_event");
        }
    }

    @Test
    void whileOneRelayPublishesASecondOnTheSameDatabasePublishesNothing() throws Exception {
        String topic = "kit.relay.lock." + UUID.randomUUID();
        List<UUID> ids = insert(topic, "claim-1", 10, i -> "{\"n\":" + i + "}");
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        // the first relay holds the lock from its select until its commit; it is stopped in between,
        // when it asks for its producer, which it does only after taking the lock and reading the rows
        OutboxRelay first = relay(() -> {
            publishing.countDown();
            await(goOn);
            return producer();
        }, 50);
        OutboxRelay second = relay(OutboxRelayTest::producer, 50);
        try {
            CompletableFuture<Integer> firstRound = CompletableFuture.supplyAsync(() -> relayOnce(first));
            assertThat(publishing.await(60, TimeUnit.SECONDS)).as("first relay took the lock").isTrue();

            assertThat(second.relayOnce()).isZero();
            assertThat(unpublished()).isEqualTo(ids.size());

            goOn.countDown();
            assertThat(firstRound.get(60, TimeUnit.SECONDS)).isEqualTo(ids.size());
            assertThat(unpublished()).isZero();
            assertThat(second.relayOnce()).isZero();
            assertThat(eventIdsOn(topic, ids.size())).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        } finally {
            goOn.countDown();
            first.close();
            second.close();
        }
    }

    @Test
    void twoRelaysDrainingOneOutboxTogetherPublishEveryEventOnce() throws Exception {
        String topic = "kit.relay.race." + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int key = 0; key < 5; key++) {
            ids.addAll(insert(topic, "claim-" + key, 60, i -> "{\"n\":" + i + "}"));
        }
        OutboxRelay first = relay(OutboxRelayTest::producer, 25);
        OutboxRelay second = relay(OutboxRelayTest::producer, 25);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(first));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(second));
            assertThat(a.get(120, TimeUnit.SECONDS) + b.get(120, TimeUnit.SECONDS)).isEqualTo(ids.size());
            assertThat(unpublished()).isZero();
            List<String> onTopic = eventIdsOn(topic, ids.size());
            assertThat(onTopic).hasSize(ids.size())
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void rowsTheBrokerRefusedStayUnmarkedAndArePublishedOnceItTakesThem() throws Exception {
        String topic = "kit.relay.refused." + UUID.randomUUID();
        try (Admin admin = admin()) {
            // the broker refuses any record over 2,000 bytes on this topic
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "2000")))).all().get(30, TimeUnit.SECONDS);
        }
        String big = "x".repeat(5_000);
        List<UUID> ids = new ArrayList<>(insert(topic, "claim-r", 1, i -> "{\"n\":1}"));
        ids.addAll(insert(topic, "claim-r", 1, i -> "{\"n\":2,\"note\":\"" + big + "\"}"));
        ids.addAll(insert(topic, "claim-r", 1, i -> "{\"n\":3}"));
        OutboxRelay relay = relay(OutboxRelayTest::producer, 50);
        try {
            // the small records around the big one may be acknowledged; none is marked, the batch failed
            assertThatThrownBy(relay::relayOnce).hasMessageContaining("did not acknowledge");
            assertThat(unpublished()).isEqualTo(3);

            try (Admin admin = admin()) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"),
                                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            }
            // the broker applies a topic setting asynchronously: the relay simply tries again, as it does in service
            int published = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); published == 0; ) {
                try {
                    published = relay.relayOnce();
                } catch (IllegalStateException refusedAgain) {
                    assertThat(System.nanoTime() - deadline).as("broker took the records in time").isNegative();
                }
            }
            assertThat(published).isEqualTo(3);
            assertThat(unpublished()).isZero();
            // at least once: what was acknowledged before may come again, in order, and consumers drop it by id
            List<String> onTopic = eventIdsOn(topic, 3);
            assertThat(onTopic).containsAll(ids.stream().map(UUID::toString).toList());
            assertThat(onTopic.subList(onTopic.size() - 3, onTopic.size()))
                    .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        } finally {
            relay.close();
        }
    }

    private static OutboxRelay relay(Supplier<Producer<String, String>> producers, int batchSize) {
        return new OutboxRelay(dataSource, producers, LOCK_KEY, batchSize, Duration.ofSeconds(20));
    }

    /** The settings {@link OutboxRelayRunner} gives its producer where ordering depends on them. */
    private static Producer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, "2",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "12000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static int relayOnce(OutboxRelay relay) {
        try {
            return relay.relayOnce();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int drain(OutboxRelay relay) {
        int total = 0;
        try {
            while (unpublished() > 0) {
                total += relay.relayOnce();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return total;
    }

    private static List<UUID> insert(String topic, String key, int count, Function<Integer, String> payload)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload)
                values (?, 'claim', ?, 'Tick', ?, now(), cast(? as json))""")) {
            for (int i = 1; i <= count; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setString(2, key);
                s.setString(3, topic);
                s.setString(4, payload.apply(i));
                s.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }

    private static long unpublished() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The {@code id} headers on the topic, in partition order (each test's rows go to one partition per key). */
    private static List<String> eventIdsOn(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = TopicProbe.records(Map.of("bootstrap.servers", bootstrap()),
                topic, r -> true, expected, Duration.ofSeconds(60), Duration.ofSeconds(2));
        Collection<List<String>> byPartition = records.stream().collect(Collectors.groupingBy(ConsumerRecord::partition,
                Collectors.mapping(r -> new String(r.headers().lastHeader("id").value()), Collectors.toList()))).values();
        return byPartition.stream().flatMap(List::stream).toList();
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the relay go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
