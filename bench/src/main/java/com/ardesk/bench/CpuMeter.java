package com.ardesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time spent by each part of the system while a measurement runs: the service JVMs, PostgreSQL
 * (its server and every backend) and the benchmark's own JVM (the load generator and the embedded
 * Kafka broker), with the kernel's share where Linux tells it. On a machine where all of them share
 * the cores, this says where the time per request goes, which a throughput ratio alone does not.
 */
final class CpuMeter {
    /** Linux's /proc clock tick (USER_HZ), the same on every mainstream kernel. */
    private static final long TICK_NANOS = 10_000_000L;

    private record Cpu(long totalNanos, long kernelNanos) {
        Cpu plus(Cpu other) {
            return new Cpu(totalNanos + other.totalNanos, kernelNanos + other.kernelNanos);
        }

        Cpu minus(Cpu other) {
            return new Cpu(totalNanos - other.totalNanos, kernelNanos - other.kernelNanos);
        }
    }

    private final Map<String, Long> services;
    private final ProcessHandle postgres;
    private final Map<String, Cpu> spent = new LinkedHashMap<>();
    private Map<String, Cpu> atStart;

    CpuMeter(Map<String, Long> servicePids, ProcessHandle postgres) {
        this.services = servicePids;
        this.postgres = postgres;
    }

    void start() {
        atStart = sample();
    }

    void stop() {
        sample().forEach((part, cpu) -> spent.merge(part, cpu.minus(atStart.get(part)), Cpu::plus));
    }

    /** "gateway 140 µs (kernel 50), claims-service 420 µs (kernel 90), … = 1,100 µs" over all measured rounds. */
    String perRequest(long requests) {
        long total = spent.values().stream().mapToLong(Cpu::totalNanos).sum();
        return spent.entrySet().stream()
                .map(e -> String.format("%s %d µs (kernel %d)", e.getKey(), e.getValue().totalNanos() / 1000 / requests,
                        e.getValue().kernelNanos() / 1000 / requests))
                .collect(Collectors.joining(", ")) + String.format(" = %,d µs", total / 1000 / requests);
    }

    private Map<String, Cpu> sample() {
        Map<String, Cpu> now = new LinkedHashMap<>();
        services.forEach((name, pid) -> now.put(name, cpu(ProcessHandle.of(pid).orElse(null))));
        now.put("postgresql", postgres.descendants().map(CpuMeter::cpu).reduce(cpu(postgres), Cpu::plus));
        now.put("bench JVM", cpu(ProcessHandle.current()));
        return now;
    }

    /**
     * From /proc (utime, stime): it also covers PostgreSQL, which runs in its own user namespace
     * ({@code unshare -U}) where the JDK reports no CPU time. Elsewhere, the JDK's total alone.
     */
    private static Cpu cpu(ProcessHandle process) {
        if (process == null) {
            return new Cpu(0, 0);
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long user = Long.parseLong(fields[11]) * TICK_NANOS;
            long kernel = Long.parseLong(fields[12]) * TICK_NANOS;
            return new Cpu(user + kernel, kernel);
        } catch (IOException | RuntimeException noProc) {
            return new Cpu(process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L), 0);
        }
    }
}
