package com.ardesk.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately naive HTTP/1.1 client over a plain socket. The fuzzer must send what well-behaved
 * clients refuse to build: broken percent-encoding, two Authorization headers, a 64 KB header, a
 * chunked body to a service, an unparseable Content-Type. {@code java.net.http} rejects most of
 * these before they leave the JVM, so requests here are written byte for byte as given.
 */
public final class RawHttp {
    /** Answers slower than this are findings of their own (a hung request is as bad as a 500). */
    static final int READ_TIMEOUT_MS = 30_000;
    /** More than this is not read: an answer that large is itself reported through its status and headers. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    /** A header as sent or received; names keep their case, lookups ignore it. */
    public record Header(String name, String value) {
    }

    /**
     * A request as it goes on the wire. {@code target} is the raw request-target (path and query,
     * not re-encoded); {@code chunked} sends the body with chunked transfer coding instead of a length.
     */
    public record Request(String method, String target, List<Header> headers, byte[] body, boolean chunked) {
        public Request {
            headers = List.copyOf(headers);
        }

        public String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What came back; {@code status} is 0 when the server closed or timed out without an answer. */
    public record Response(int status, List<Header> headers, byte[] body, String transportError) {
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        /** The media type without parameters, lower case, or "" when absent. */
        public String mediaType() {
            return header("Content-Type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One exchange on its own connection ({@code Connection: close}): no state carries between requests. */
    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
            write(head, "Host: " + host + ":" + port + "\r\n");
            write(head, "Connection: close\r\n");
            for (Header h : request.headers()) {
                write(head, h.name() + ": " + h.value() + "\r\n");
            }
            byte[] body = request.body();
            if (body != null && request.chunked()) {
                write(head, "Transfer-Encoding: chunked\r\n\r\n");
                out.write(head.toByteArray());
                int chunk = 8192;
                for (int i = 0; i < body.length; i += chunk) {
                    int n = Math.min(chunk, body.length - i);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                if (body != null) {
                    write(head, "Content-Length: " + body.length + "\r\n");
                }
                write(head, "\r\n");
                out.write(head.toByteArray());
                if (body != null) {
                    out.write(body);
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Response(0, List.of(), new byte[0], "no answer within " + READ_TIMEOUT_MS + " ms");
        } catch (IOException e) {
            // a server may answer and close before it read a large body: the answer already read counts
            return new Response(0, List.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            return new Response(0, List.of(), new byte[0], "no status line: " + statusLine);
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<Header> headers = new ArrayList<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
            }
        }
        Response bare = new Response(status, headers, new byte[0], null);
        byte[] body;
        if (bare.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = readChunked(in);
        } else if (bare.header("Content-Length").isPresent()) {
            body = in.readNBytes((int) Math.min(MAX_BODY, Long.parseLong(bare.header("Content-Length").get())));
        } else {
            body = in.readNBytes(MAX_BODY);
        }
        return new Response(status, headers, body, null);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                // trailers, if any, end with an empty line
                for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                    // ignored
                }
                return body.toByteArray();
            }
            if (body.size() + n > MAX_BODY) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
