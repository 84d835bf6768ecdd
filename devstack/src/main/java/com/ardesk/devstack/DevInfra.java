package com.ardesk.devstack;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One PostgreSQL server and one Kafka broker, started in parallel (each takes a few seconds) and
 * stopped together. Used by the test resource and by the local run.
 */
public final class DevInfra implements AutoCloseable {
    private final PostgresServer postgres;
    private final KafkaBroker kafkaBroker;

    private DevInfra(PostgresServer postgres, KafkaBroker kafkaBroker) {
        this.postgres = postgres;
        this.kafkaBroker = kafkaBroker;
    }

    /**
     * @param baseDir   where binaries, data and logs go (under target/ in builds)
     * @param pgPort    0 for any free port
     * @param kafkaPort 0 for any free port
     */
    public static DevInfra start(Path baseDir, int pgPort, int kafkaPort) {
        var pg = CompletableFuture.supplyAsync(() -> PostgresServer.start(baseDir, pgPort));
        var broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(baseDir, kafkaPort));
        try {
            return new DevInfra(pg.join(), broker.join());
        } catch (CompletionException e) {
            // whichever did start must not be left running
            pg.thenAccept(PostgresServer::close);
            broker.thenAccept(KafkaBroker::close);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafkaBroker() {
        return kafkaBroker;
    }

    @Override
    public void close() {
        try {
            kafkaBroker.close();
        } finally {
            postgres.close();
        }
    }
}
