package com.ardesk.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central. As root, zonky runs initdb and
 * postgres through {@code unshare -U}, because PostgreSQL refuses to run as uid 0. It can be
 * stopped and started again on the same port and data directory, which the fault tests use.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres, Path baseDir, Path dataDir) {
        this.postgres = postgres;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.port = postgres.getPort();
    }

    /**
     * Starts a server whose binaries and data live under {@code baseDir} (binaries are unpacked once
     * and reused; /tmp may be mounted noexec, so they never go there).
     *
     * @param port 0 for any free port
     */
    public static PostgresServer start(Path baseDir, int port) {
        Path dataDir = baseDir.resolve("pg-data");
        try {
            clearStaleData(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(baseDir);
            return new PostgresServer(builder(baseDir, dataDir, port).start(), baseDir, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(explain(e), e);
        }
    }

    /**
     * zonky skips initdb when the data directory already holds a cluster, so the same builder
     * starts a fresh server and restarts a stopped one. zonky never deletes the data directory:
     * {@link #stop()} must keep it; {@link #close()} deletes it.
     */
    private static EmbeddedPostgres.Builder builder(Path baseDir, Path dataDir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(baseDir.resolve("pg-bin").toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // a LANG naming a locale that is not installed makes initdb fail
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                // data here is throw-away; durability would only slow tests and the demo
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    public synchronized boolean running() {
        return postgres != null;
    }

    /**
     * Stops the server ("fast" shutdown: open connections are cut, as in a crash of the database
     * host seen from the clients) and keeps its data, so {@link #restart()} brings it back.
     */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts a stopped server again on the same port and data. */
    public synchronized void restart() {
        if (postgres == null) {
            try {
                postgres = builder(baseDir, dataDir, port).start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(explain(e), e);
            }
        }
    }

    /**
     * The data directory is throw-away, but a run that was killed (kill -9, a closed terminal)
     * leaves it behind, and initdb refuses a non-empty directory. A server still running on it is
     * left alone, with a message saying so.
     */
    private static void clearStaleData(Path dataDir) throws IOException {
        Optional<ProcessHandle> live = postmaster(dataDir).filter(ProcessHandle::isAlive);
        if (live.isPresent()) {
            throw new IllegalStateException("a PostgreSQL server (pid " + live.get().pid() + ") still runs on " + dataDir
                    + "; stop the earlier run (or that process) first");
        }
        if (Files.exists(dataDir)) {
            Files2.deleteQuietly(dataDir);
        }
    }

    private static String explain(Exception e) {
        boolean root = "root".equals(System.getProperty("user.name"));
        String hint = root
                ? " Running as root: PostgreSQL is started through `unshare -U`; if unshare is missing or blocked"
                + " by the container's seccomp profile, run the build as a normal user or allow user namespaces."
                : "";
        return "embedded PostgreSQL did not start: " + e.getMessage() + "." + hint;
    }

    /** The server's main process (it detaches from the JVM that started it), while it runs. */
    public Optional<ProcessHandle> process() {
        return postmaster(dataDir);
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            String pid = lines.isEmpty() ? "" : lines.get(0).strip();
            return pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        } catch (IOException noServer) {
            return Optional.empty();
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + USER;
    }

    /** Creates a database unless it exists; one per service, as in production. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case identifier: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            Files2.deleteQuietly(dataDir);
        }
    }
}
