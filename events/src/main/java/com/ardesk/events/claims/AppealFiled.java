package com.ardesk.events.claims;

import java.time.LocalDate;
import java.util.UUID;

/** An appeal of a denial was filed with the payer. */
public record AppealFiled(UUID claimId, UUID appealId, int level, LocalDate filedOn, LocalDate deadline) {
}
