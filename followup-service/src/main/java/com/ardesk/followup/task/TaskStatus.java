package com.ardesk.followup.task;

/** OPEN and SNOOZED tasks are open work; DONE and CANCELLED are final. */
public enum TaskStatus {
    OPEN, SNOOZED, DONE, CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == SNOOZED;
    }
}
