package io.livecomplaints.resolution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 处理: opens a case for each triaged complaint and carries it to an outcome. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResolutionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResolutionApplication.class, args);
    }
}
