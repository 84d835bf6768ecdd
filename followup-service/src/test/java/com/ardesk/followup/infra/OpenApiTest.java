package com.ardesk.followup.infra;

import org.eclipse.microprofile.config.ConfigProvider;
import com.ardesk.followup.support.FollowupInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@FollowupInfra
class OpenApiTest {
    @Test
    void everyPublicPathIsDocumented() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/worklists/me'.get", notNullValue())
                .body("paths.'/api/v1/worklists/me/next'.post", notNullValue())
                .body("paths.'/api/v1/worklists'.get", notNullValue())
                .body("paths.'/api/v1/followups'.get", notNullValue())
                .body("paths.'/api/v1/followups'.post", notNullValue())
                .body("paths.'/api/v1/followups/{taskId}/complete'.post", notNullValue())
                .body("paths.'/api/v1/followups/{taskId}/snooze'.post", notNullValue())
                .body("paths.'/api/v1/followups/{taskId}/assign'.post", notNullValue())
                .body("paths.'/api/v1/followups/{taskId}/cancel'.post", notNullValue())
                .body("paths.'/api/v1/prep/{claimId}'.get", notNullValue())
                .body("paths.'/api/v1/timeline/{claimId}'.get", notNullValue());
    }

    @Test
    void healthIsUp() {
        given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class)).get("/q/health/ready").then().statusCode(200);
    }
}
