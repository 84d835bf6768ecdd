package com.ardesk.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails once more than {@code max} bytes went through, for chunked uploads whose
 * size is unknown up front (a declared Content-Length is checked before any byte is read).
 */
final class LimitedReadStream implements ReadStream<Buffer> {
    private final ReadStream<Buffer> source;
    private final long max;
    private final Runnable onExceeded;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;
    private long seen;
    private boolean failed;

    LimitedReadStream(ReadStream<Buffer> source, long max, Runnable onExceeded) {
        this.source = source;
        this.max = max;
        this.onExceeded = onExceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (failed) {
                return;
            }
            seen += chunk.length();
            if (seen > max) {
                failed = true;
                onExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new IllegalStateException("request body exceeds " + max + " bytes"));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        source.endHandler(v -> {
            if (!failed && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
