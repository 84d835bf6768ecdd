package com.ardesk.calls.support;

import com.ardesk.devstack.RealInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Real PostgreSQL (database "calls") and Kafka for calls-service tests; all classes share one boot. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RealInfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
public @interface CallsInfra {
}
