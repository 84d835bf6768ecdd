package com.ardesk.followup.support;

import com.ardesk.devstack.RealInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Real PostgreSQL (database "followup") and Kafka for followup-service tests; all classes share one boot. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RealInfraResource.class, initArgs = @ResourceArg(name = "database", value = "followup"))
public @interface FollowupInfra {
}
