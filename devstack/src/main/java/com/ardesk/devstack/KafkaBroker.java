package com.ardesk.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node KRaft Kafka broker inside this JVM, from the Apache Kafka artifacts. The
 * broker classes are Kafka internals, so this is the only class that touches them. It can be
 * stopped and started again on the same ports and log directory, which the "Kafka down" tests use.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The one account of the SASL_PLAINTEXT listener (mechanism PLAIN). */
    public static final String SASL_USER = "ardesk";
    public static final String SASL_PASSWORD = "ardesk-secret";

    private final Path logDir;
    private final Path configFile;
    private final Properties config;
    private final int port;
    private final int saslPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, Path configFile, Properties config, int port, int saslPort) {
        this.logDir = logDir;
        this.configFile = configFile;
        this.config = config;
        this.port = port;
        this.saslPort = saslPort;
    }

    /** Formats a fresh log directory under {@code baseDir} and starts the broker. */
    public static KafkaBroker start(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir);
            Path logDir = baseDir.resolve("kafka-logs").toAbsolutePath();
            Files2.deleteQuietly(logDir);
            int brokerPort = port > 0 ? port : Files2.freePort();
            int controllerPort = Files2.freePort();
            int saslPort = Files2.freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            // a second, authenticated listener: proof that the services pass security settings to every client
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                    + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map",
                    "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\""
                            + SASL_PASSWORD + "\";");
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "3");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
            Path configFile = baseDir.resolve("kafka-server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                p.store(out, "AR Desk devstack broker");
            }
            format(configFile);
            KafkaBroker broker = new KafkaBroker(logDir, configFile, p, brokerPort, saslPort);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c",
                configFile.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: " + out);
        }
    }

    private void startServer() {
        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_PLAINTEXT listener; a client needs {@link #saslClientConfig()} to get in. */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    /** Client settings (without the {@code kafka.} prefix) for the SASL_PLAINTEXT listener. */
    public static Map<String, String> saslClientConfig() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + SASL_USER + "\" password=\"" + SASL_PASSWORD + "\";");
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops the broker but keeps its log directory, so {@link #restart()} brings the same data back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    Path configFile() {
        return configFile;
    }

    @Override
    public void close() {
        stop();
        Files2.deleteQuietly(logDir);
    }
}
