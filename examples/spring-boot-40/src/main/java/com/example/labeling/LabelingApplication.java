package com.example.labeling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LabelingApplication {
    public static void main(String[] args) {
        SpringApplication.run(LabelingApplication.class, args);
    }
}
