package com.ardesk.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test stop one request in the middle of its transaction (after its writes, before its
 * answer is stored), to cut its connection or race a duplicate against it.
 */
@ApplicationScoped
public class Holds {
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    /** The next request creating a widget of this name stops at {@link #reached} until released. */
    public Hold hold(String widgetName) {
        Hold hold = new Hold();
        holds.put(widgetName, hold);
        return hold;
    }

    void reached(String widgetName) {
        Hold hold = holds.remove(widgetName);
        if (hold != null) {
            hold.reached.countDown();
            try {
                // bounded so a failed test never leaves a request thread behind for good
                hold.released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        public boolean awaitReached(Duration atMost) throws InterruptedException {
            return reached.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }
}
