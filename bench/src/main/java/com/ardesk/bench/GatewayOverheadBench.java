package com.ardesk.bench;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 8: the same GET (one claim) through the gateway and directly to claims-service, in one run:
 * p50/p99 latency (one client) and throughput (several clients, eight alternating rounds), after a
 * warm-up of {@code -Dbench.warmup=5000} requests each way. {@code -Dbench.requests=40000}.
 */
final class GatewayOverheadBench {
    private final ArDeskSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // an integration token: its rate limit is the highest, and the benchmark is not about limits
    private final String token = DevTokens.token("bench-gw", List.of("integration", "admin"), List.of("BENCH-GW"));

    GatewayOverheadBench(ArDeskSystem system) {
        this.system = system;
    }

    void run() throws Exception {
        int requests = Integer.getInteger("bench.requests", 40000);
        int clients = Integer.getInteger("bench.clients", 8);
        String direct = system.service("claims-service").url();
        String gateway = system.gatewayUrl();
        call("PUT", direct + "/api/v1/payers/BENCH-GW-PAYER", """
                {"name":"Bench payer","timelyFilingDays":365,"appealWindowDays":120,"effectiveFrom":"2000-01-01"}""");
        String created = call("POST", direct + "/api/v1/claims", """
                {"practiceId":"BENCH-GW","externalClaimId":"GW-1","patient":{"accountNumber":"A","firstName":"A","lastName":"B",\
                "dateOfBirth":"1970-01-01"},"payerId":"BENCH-GW-PAYER","providerNpi":"1234567893","serviceDateFrom":"2026-01-05",\
                "serviceDateTo":"2026-01-05","lines":[{"procedureCode":"99214","units":1,"chargeAmount":100.00,"diagnosisCodes":["E11.9"]}]}""");
        String claimId = created.replaceAll(".*\"claimId\":\"([0-9a-f-]{36})\".*", "$1");
        String path = "/api/v1/claims/" + claimId;

        // warm-up, not counted: both JVMs measured with the C2 JIT done, as a service runs most of its life
        int warmUp = Integer.getInteger("bench.warmup", 5000);
        latencies(direct + path, warmUp);
        latencies(gateway + path, warmUp);
        throughput(direct + path, warmUp, clients);
        throughput(gateway + path, warmUp, clients);
        List<Long> d = latencies(direct + path, requests);
        List<Long> g = latencies(gateway + path, requests);
        // many short alternating rounds, so drift on a shared machine (JIT, GC, neighbours) hits both sides alike
        int rounds = 8;
        double dSeconds = 0;
        double gSeconds = 0;
        ProcessHandle postgres = system.infra().postgres().process().orElseThrow();
        CpuMeter dCpu = new CpuMeter(system.pids(), postgres);
        CpuMeter gCpu = new CpuMeter(system.pids(), postgres);
        for (int r = 0; r < rounds; r++) {
            dCpu.start();
            dSeconds += requests / rounds / throughput(direct + path, requests / rounds, clients);
            dCpu.stop();
            gCpu.start();
            gSeconds += requests / rounds / throughput(gateway + path, requests / rounds, clients);
            gCpu.stop();
        }
        double dRate = requests / rounds * rounds / dSeconds;
        double gRate = requests / rounds * rounds / gSeconds;
        System.out.printf("%n== gateway overhead: GET %s, %,d requests ==%n", "/api/v1/claims/{id}", requests);
        System.out.printf("direct  : p50 %6.2f ms  p99 %6.2f ms  %8.0f req/s (%d clients)%n", ms(d, 50), ms(d, 99), dRate, clients);
        System.out.printf("gateway : p50 %6.2f ms  p99 %6.2f ms  %8.0f req/s (%d clients)%n", ms(g, 50), ms(g, 99), gRate, clients);
        System.out.printf("added   : p50 %6.2f ms (goal <= 1 ms); throughput ratio %.2f (goal >= 0.8)%n",
                ms(g, 50) - ms(d, 50), gRate / dRate);
        System.out.printf("CPU per request, direct : %s%n", dCpu.perRequest(requests));
        System.out.printf("CPU per request, gateway: %s%n%n", gCpu.perRequest(requests));
    }

    private List<Long> latencies(String url, int n) throws Exception {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call("GET", url, null);
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        return nanos;
    }

    private double throughput(String url, int n, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < n / clients; i++) {
                    call("GET", url, null);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return (n / clients * clients) / ((System.nanoTime() - t) / 1e9);
    }

    private static double ms(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }

    private String call(String method, String url, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.GET();
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
