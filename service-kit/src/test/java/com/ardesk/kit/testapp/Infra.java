package com.ardesk.kit.testapp;

import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** What the kit's tests do to the infrastructure behind the application's back: SQL, raw records, waiting. */
public final class Infra {
    private Infra() {
    }

    public static String bootstrap() {
        return RealInfraResource.infra().kafkaBroker().bootstrapServers();
    }

    /** A connection of its own (not the application's pool) to a database of the test server. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(RealInfraResource.infra().postgres().jdbcUrl(database),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The first column of the first row of a query on the application's database; parameters in order. */
    public static long count(String sql, Object... parameters) {
        try (Connection c = connect("kit"); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends values as they are (valid events or not) and waits for the broker to take each. */
    public static void publishRaw(String topic, String key, String... values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
