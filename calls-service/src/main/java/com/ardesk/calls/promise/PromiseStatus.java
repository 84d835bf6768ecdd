package com.ardesk.calls.promise;

/** OPEN until a payment keeps it, the grace period breaks it, or the caller cancels it. */
public enum PromiseStatus {
    OPEN,
    KEPT,
    BROKEN,
    CANCELLED
}
