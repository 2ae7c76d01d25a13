package io.livecomplaints.triage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 分发: classifies each received complaint, grades it and routes it to a team. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    public static void main(String[] args) {
        SpringApplication.run(TriageApplication.class, args);
    }
}
