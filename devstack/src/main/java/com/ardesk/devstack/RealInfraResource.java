package com.ardesk.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Quarkus test resource: a real PostgreSQL server and a real Kafka broker for the test JVM, and a
 * fresh database for the service under test. Use it as
 * {@code @WithTestResource(value = RealInfraResource.class, initArgs = @ResourceArg(name = "database", value = "claims"))};
 * test classes with the same arguments share one boot.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {
    private static volatile DevInfra current;
    private String database = "app";
    private boolean withDatabase = true;
    private boolean sasl;
    private DevInfra infra;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withDatabase = !"false".equals(initArgs.get("postgres"));
        sasl = "sasl".equals(initArgs.get("kafkaListener"));
    }

    @Override
    public Map<String, String> start() {
        infra = DevInfra.start(Path.of("target", "devstack-" + UUID.randomUUID().toString().substring(0, 8)), 0, 0);
        current = infra;
        Map<String, String> config = new HashMap<>();
        if (sasl) {
            // initArg kafkaListener=sasl: the service reaches Kafka only through the authenticated listener
            config.put("kafka.bootstrap.servers", infra.kafkaBroker().saslBootstrapServers());
            KafkaBroker.saslClientConfig().forEach((key, value) -> config.put("kafka." + key, value));
        } else {
            config.put("kafka.bootstrap.servers", infra.kafkaBroker().bootstrapServers());
        }
        if (withDatabase) {
            infra.postgres().createDatabase(database);
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        if (infra != null) {
            infra.close();
            current = null;
        }
    }

    /** The running infrastructure, for tests that stop and restart Kafka. */
    public static DevInfra infra() {
        if (current == null) {
            throw new IllegalStateException("RealInfraResource is not started in this JVM");
        }
        return current;
    }
}
