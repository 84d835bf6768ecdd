package com.ardesk.claims.payer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One version of a payer's deadlines, in force from {@code effectiveFrom} until the next version. */
@Entity
@Table(name = "payer_rule")
public class PayerRule extends VersionedTerms {
}
